import { describe, expect, it } from 'vitest';
import { buildActionCard } from '../../cards/action-card.js';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { allObjects, buttonsWithVerb, firstBodyElement, visibleText } from './card-walk.js';
import { makeAction, manyLongActions } from './factories.js';
import { at } from '../support/at.js';

const input = (id: string) => (card: object) => allObjects(card).find((o) => o.id === id);

describe('buildActionCard', () => {
  it('shows everything about the action in the card and the text', () => {
    const action = makeAction({ deadlineText: 'October 2021', dueDate: '2021-10-31', target: 6, progress: 3 });
    const { card, text } = buildActionCard({ action, canUpdate: false });
    expect(validateCard(card)).toEqual([]);
    const seen = visibleText(card);
    for (const words of [
      'Action 18 · Engage with and support faith groups',
      'RAG: RED',
      'Awareness',
      'October 2021 (due 31 October 2021)',
      'CoLC CST, CoLP Prevent team',
      '3 of 6',
      action.outcome,
      action.notes,
      'Last updated by Ali Burlington on 22 November 2026 at 14:05',
    ]) {
      expect(seen).toContain(words);
      expect(text).toContain(words);
    }
    expect(firstBodyElement(card)).toMatchObject({ text: 'Action 18 · Engage with and support faith groups' });
  });

  it("shows the latest update's note under Notes, newest first, with the plan's own notes after it", () => {
    const action = makeAction({
      notes: 'Re-engage with faith groups.',
      lastUpdate: { by: 'Ali Burlington', at: '2026-11-28T09:00:00Z', note: 'Met three faith leaders.' },
    });
    const { card, text } = buildActionCard({ action, canUpdate: false });
    const seen = visibleText(card);
    expect(seen.indexOf('Met three faith leaders.')).toBeGreaterThan(seen.indexOf('Notes'));
    expect(seen.indexOf('Met three faith leaders.')).toBeLessThan(seen.indexOf('Earlier notes: Re-engage with faith groups.'));
    expect(text).toContain('Notes: Met three faith leaders.\nEarlier notes: Re-engage with faith groups.');
    expect(text.match(/Met three faith leaders/g)).toHaveLength(1);
    const imported = buildActionCard({
      action: { ...action, lastUpdate: { by: 'Import', at: '2026-11-28T09:00:00Z', note: '' } },
      canUpdate: false,
    });
    expect(imported.text).toContain('Notes: Re-engage with faith groups.');
    expect(imported.text).not.toContain('Earlier notes');
  });

  it('is read-only with a line about who can update when the person cannot', () => {
    const { card, text } = buildActionCard({
      action: makeAction(),
      canUpdate: false,
      whoCanUpdate: 'the leads (CoLC CST, CoLP Prevent team) or the coordinator',
    });
    expect(allObjects(card).filter((o) => String(o.type).startsWith('Input.'))).toHaveLength(0);
    expect(buttonsWithVerb(card, VERBS.submitUpdate)).toHaveLength(0);
    expect(visibleText(card)).toContain('Who can: the leads (CoLC CST, CoLP Prevent team) or the coordinator.');
    expect(text).toContain("You can't update this action.");
  });

  it('has the update form when the person can update, with Save carrying the id and version', () => {
    const action = makeAction({ target: 6, progress: 3, rag: 'AMBER' });
    const { card, text } = buildActionCard({ action, canUpdate: true });
    expect(validateCard(card)).toEqual([]);
    expect(input('rag')(card)).toMatchObject({ type: 'Input.ChoiceSet', value: 'AMBER' });
    const choices = input('rag')(card)?.choices as { title: string; value: string }[];
    expect(choices.map((c) => c.value)).toEqual(['RED', 'AMBER', 'GREEN', 'COMPLETE']);
    expect(choices[0]?.title).toBe('RED – off track');
    expect(input('note')(card)).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 2000 });
    expect(input('progress')(card)).toMatchObject({ type: 'Input.Number', label: 'Progress so far (target 6)', value: 3 });
    const [save] = buttonsWithVerb(card, VERBS.submitUpdate);
    expect(save).toMatchObject({ title: 'Save update', data: { verb: VERBS.submitUpdate, actionId: 118, version: 3 } });
    expect(buttonsWithVerb(card, VERBS.cancelUpdate)[0]).toMatchObject({ associatedInputs: 'none' });
    expect(text).toContain('update action 18');
  });

  it('leaves out the progress input when the action has no target', () => {
    const { card } = buildActionCard({ action: makeAction({ target: null }), canUpdate: true });
    expect(input('progress')(card)).toBeUndefined();
    expect(input('note')(card)).toBeDefined();
  });

  it('pre-fills the draft and shows a stale-version error at the top in words and colour', () => {
    const notice = {
      kind: 'error' as const,
      message: 'Sam Okafor updated this action first. Your note is below: check it and save again.',
    };
    const draft = { rag: 'GREEN' as const, note: 'Met the mosque committee on 20 November.', progress: 4 };
    const { card, text } = buildActionCard({ action: makeAction({ target: 6, version: 4 }), canUpdate: true, notice, draft });
    expect(validateCard(card)).toEqual([]);
    expect(input('rag')(card)).toMatchObject({ value: 'GREEN' });
    expect(input('note')(card)).toMatchObject({ value: 'Met the mosque committee on 20 November.' });
    expect(input('progress')(card)).toMatchObject({ value: 4 });
    const top = firstBodyElement(card);
    expect(top).toMatchObject({ type: 'Container', style: 'attention' });
    expect(visibleText(top)).toBe(`Error: ${notice.message}`);
    expect(allObjects(top).some((o) => o.color !== undefined)).toBe(false);
    expect(text.split('\n')[0]).toBe(`Error: ${notice.message}`);
    expect(buttonsWithVerb(card, VERBS.submitUpdate)[0]?.data).toMatchObject({ version: 4 });
  });

  it('says when there are no updates, and leaves the rating unchosen for an unrated action', () => {
    const { card, text } = buildActionCard({ action: makeAction({ lastUpdate: null, rag: 'UNRATED' }), canUpdate: true });
    expect(text).toContain('No updates recorded yet');
    expect(text).toContain('RAG: Not yet rated');
    expect(input('rag')(card)?.value).toBeUndefined();
  });

  it('offers an Update button instead of the form when showForm is false', () => {
    const { card } = buildActionCard({ action: makeAction(), canUpdate: true, showForm: false });
    expect(input('rag')(card)).toBeUndefined();
    expect(buttonsWithVerb(card, VERBS.openUpdate)[0]?.data).toEqual({ verb: VERBS.openUpdate, actionId: 118 });
  });

  it('adds Universal Actions refresh for at most 60 users, and none without users', () => {
    const userIds = Array.from({ length: 75 }, (_, i) => `29:user-${i}`);
    const { card } = buildActionCard({ action: makeAction(), canUpdate: true, userIds });
    const refresh = (card as { refresh: { action: Record<string, unknown>; userIds: string[] } }).refresh;
    expect(refresh.userIds).toEqual(userIds.slice(0, 60));
    expect(refresh.action).toMatchObject({ type: 'Action.Execute', verb: VERBS.refreshAction, data: { actionId: 118 } });
    expect(validateCard(card)).toEqual([]);
    expect('refresh' in buildActionCard({ action: makeAction(), canUpdate: true }).card).toBe(false);
    expect('refresh' in buildActionCard({ action: makeAction(), canUpdate: true, userIds: [] }).card).toBe(false);
  });

  it('shortens very long notes and outcomes so the card stays under 28 KB', () => {
    const action = {
      ...at(manyLongActions(1), 0),
      notes: 'Weekly sessions delivered. '.repeat(2000),
      outcome: 'Outcome text. '.repeat(1000),
      target: 6,
    };
    const userIds = Array.from({ length: 60 }, (_, i) => `29:${'x'.repeat(80)}${i}`);
    const { card, text } = buildActionCard({ action, canUpdate: true, userIds, draft: { note: 'n'.repeat(2000) } });
    expect(validateCard(card)).toEqual([]);
    expect(text).toContain('…');
    expect(text).toContain('Notes: Weekly sessions delivered.');
  });
});
