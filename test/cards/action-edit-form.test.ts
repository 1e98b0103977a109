import { describe, expect, it } from 'vitest';
import { CardActionDataSchema } from '../../cards/action-data.js';
import { buildActionCard } from '../../cards/action-card.js';
import { buildActionEditCard } from '../../cards/action-edit-form.js';
import { CARD_SIZE_LIMIT } from '../../cards/budget.js';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { buttons } from './card-walk.js';
import { makeAction } from './factories.js';

const action = makeAction({ owner: { id: 7, name: 'Jo Marsh' } });
const themes = ['Training and engagement', 'Awareness'];
const owners = [
  { id: 7, name: 'Jo Marsh', organisation: 'CST' },
  { id: 8, name: 'Ali Burlington', organisation: 'CST' },
];
const ids = (card: object) => [...JSON.stringify(card).matchAll(/"type":"Input\.\w+","id":"(\w+)"/g)].map((m) => m[1]);

describe('the edit form', () => {
  it('has every field for a coordinator, filled in with the action as it is, and validates', () => {
    const { card, text } = buildActionEditCard({ action, themes, owners, editable: ['title', 'deadline', 'leads', 'theme', 'owner'] });
    expect(validateCard(card)).toEqual([]);
    expect(ids(card)).toEqual(['title', 'deadline', 'leads', 'theme', 'owner']);
    const json = JSON.stringify(card);
    expect(json).toContain(`"value":"${action.title}"`);
    expect(json).toContain('"value":"7"');
    expect(json).toContain('No named owner');
    expect(text).toContain(`Edit Action ${action.label} · ${action.title}`);
  });

  it('shows a lead only the target date and owner as inputs, the rest as facts', () => {
    const { card, text } = buildActionEditCard({ action, themes, owners, editable: ['deadline', 'owner'] });
    expect(ids(card)).toEqual(['deadline', 'owner']);
    expect(text).toContain('Theme: ');
    expect(text).toContain('You can change: deadline, owner.');
  });

  it('sends data the schemas accept: Save with the version seen, Cancel without the inputs', () => {
    const { card } = buildActionEditCard({ action, themes, owners, editable: ['title', 'deadline', 'leads', 'theme', 'owner'] });
    const [save, cancel] = buttons(card);
    expect(save?.data).toEqual({ verb: VERBS.submitEdit, actionId: action.id, version: action.version });
    expect(cancel?.associatedInputs).toBe('none');
    const inputs = { title: 'New', deadline: 'TBC', leads: 'CST', theme: 'Awareness', owner: 'none' };
    expect(CardActionDataSchema.safeParse({ ...(save?.data as object), ...inputs }).success).toBe(true);
    expect(CardActionDataSchema.safeParse({ ...(save?.data as object), owner: 'Jo Marsh' }).success).toBe(false);
  });

  it('stays under the card limit with hundreds of people to choose from', () => {
    const many = Array.from({ length: 600 }, (_, i) => ({
      id: i + 1,
      name: `Person number ${i + 1} with a long name`,
      organisation: 'A long organisation name',
    }));
    const { card } = buildActionEditCard({ action, themes, owners: many, editable: ['title', 'deadline', 'leads', 'theme', 'owner'] });
    expect(JSON.stringify(card).length).toBeLessThan(CARD_SIZE_LIMIT);
    expect(validateCard(card)).toEqual([]);
  });

  it('the action card shows the named owner, and an Edit button only when allowed', () => {
    const shown = buildActionCard({ action, canUpdate: true, canEdit: true });
    expect(shown.text).toContain('Owner: Jo Marsh');
    expect(buttons(shown.card).map((b) => b.verb)).toContain(VERBS.openEdit);
    expect(buttons(buildActionCard({ action, canUpdate: false }).card).map((b) => b.verb)).not.toContain(VERBS.openEdit);
  });
});
