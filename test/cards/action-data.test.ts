import { describe, expect, it } from 'vitest';
import { CardActionDataSchema, SubmitUpdateDataSchema } from '../../cards/action-data.js';
import { buildActionCard } from '../../cards/action-card.js';
import { buildListCard } from '../../cards/list-card.js';
import { VERBS } from '../../cards/verbs.js';
import { buttons } from './card-walk.js';
import { cityPlanActions, makeAction } from './factories.js';

describe('card action data schemas', () => {
  it('accept the data of every button the cards make', () => {
    const list = buildListCard({ heading: 'All', actions: cityPlanActions(), offset: 0, moreToken: 'q:all', canUpdate: () => true });
    const action = buildActionCard({ action: makeAction({ target: 6 }), canUpdate: true });
    const inputs = { rag: 'AMBER', note: 'Two sessions delivered.', progress: '4' };
    for (const button of [...buttons(list.card), ...buttons(action.card)]) {
      const data = button.verb === VERBS.submitUpdate ? { ...(button.data as object), ...inputs } : button.data;
      expect(CardActionDataSchema.safeParse(data).success).toBe(true);
    }
  });

  it('read a submitted update the way Teams sends it: numbers as strings, empty progress as null', () => {
    const base = { verb: VERBS.submitUpdate, actionId: 118, version: 3, rag: 'GREEN' };
    expect(SubmitUpdateDataSchema.parse({ ...base, note: 'Done', progress: '5' })).toEqual({ ...base, note: 'Done', progress: 5 });
    expect(SubmitUpdateDataSchema.parse({ ...base, progress: '' })).toEqual({ ...base, note: '', progress: null });
    expect(SubmitUpdateDataSchema.parse(base)).toEqual({ ...base, note: '', progress: null });
  });

  it('refuse bad ratings, negative or fractional progress and over-long notes', () => {
    const base = { verb: VERBS.submitUpdate, actionId: 118, version: 3, rag: 'AMBER' };
    expect(SubmitUpdateDataSchema.safeParse({ ...base, rag: 'UNRATED' }).success).toBe(false);
    expect(SubmitUpdateDataSchema.safeParse({ ...base, progress: '-1' }).success).toBe(false);
    expect(SubmitUpdateDataSchema.safeParse({ ...base, progress: '2.5' }).success).toBe(false);
    expect(SubmitUpdateDataSchema.safeParse({ ...base, progress: 'lots' }).success).toBe(false);
    expect(SubmitUpdateDataSchema.safeParse({ ...base, note: 'x'.repeat(2001) }).success).toBe(false);
    expect(CardActionDataSchema.safeParse({ verb: 'plan.unknown' }).success).toBe(false);
  });
});
