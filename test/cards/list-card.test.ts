import { describe, expect, it } from 'vitest';
import { ragWords, type PlanAction } from '../../bot/plan/types.js';
import { buildListCard } from '../../cards/list-card.js';
import { shorten } from '../../cards/format.js';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { buttonsWithVerb, firstBodyElement, visibleText } from './card-walk.js';
import { cityPlanActions, manyLongActions } from './factories.js';
import { at } from '../support/at.js';

const amber = cityPlanActions().filter((a) => a.rag === 'AMBER');
const everyone = () => true;
const list = (actions: PlanAction[], offset = 0, extra: Partial<Parameters<typeof buildListCard>[0]> = {}) =>
  buildListCard({ heading: `${actions.length} actions are AMBER`, actions, offset, moreToken: 'tok-1', canUpdate: everyone, ...extra });

describe('buildListCard', () => {
  it('puts the heading first in the card and the text', () => {
    const { card, text } = list(amber);
    expect(firstBodyElement(card)).toMatchObject({ type: 'TextBlock', text: '12 actions are AMBER' });
    expect(text.split('\n')[0]).toBe('12 actions are AMBER');
  });

  it('shows the first page of 10 with a count and each action compact: its title and RAG in words, the rest on Show', () => {
    const { card, text } = list(amber);
    const seen = visibleText(card);
    expect(seen).toContain('Showing 1–10 of 12');
    expect(text).toContain('Showing 1–10 of 12');
    for (const action of amber.slice(0, 10)) {
      const label = `Action ${action.ref} · ${shorten(action.title, 120)}`;
      expect(seen).toContain(label);
      expect(text).toContain(`${label} · RAG: ${ragWords(action.rag)}`);
    }
    expect(seen).not.toContain(`Action ${at(amber, 10).ref} ·`);
    // details on demand: deadline and leads are on the action's own card, not repeated in every list
    expect(seen).not.toContain('Leads:');
    expect(seen).not.toContain('Deadline:');
  });

  it('keeps a page of 15 actions well under the 16-18 KB the full list used to take', () => {
    const fifteen = cityPlanActions().slice(0, 15);
    const { card, text } = list(fifteen, 0, { pageSize: 15 });
    expect(validateCard(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card)) + Buffer.byteLength(text)).toBeLessThan(14 * 1024);
  });

  it('offers Show more with the token and the next offset only while more remain', () => {
    const first = list(amber);
    const [more] = buttonsWithVerb(first.card, VERBS.showMore);
    expect(more?.data).toEqual({ verb: VERBS.showMore, token: 'tok-1', offset: 10 });
    expect(first.text).toContain('2 more');

    const last = list(amber, 10);
    expect(buttonsWithVerb(last.card, VERBS.showMore)).toHaveLength(0);
    expect(visibleText(last.card)).toContain('Showing 11–12 of 12');
    expect(last.text).not.toContain('more:');
  });

  it('has a Show button for every action and Update only where the person may update', () => {
    const canUpdate = (a: PlanAction) => a.leads.includes('CoLC CST') && a.leads.length === 1;
    const { card } = list(amber, 0, { canUpdate });
    const shown = amber.slice(0, 10);
    expect(buttonsWithVerb(card, VERBS.showAction).map((b) => (b.data as { actionId: number }).actionId)).toEqual(shown.map((a) => a.id));
    const updatable = shown.filter(canUpdate).map((a) => a.id);
    expect(updatable.length).toBeGreaterThan(0);
    expect(buttonsWithVerb(card, VERBS.openUpdate).map((b) => (b.data as { actionId: number }).actionId)).toEqual(updatable);
  });

  it('says so when the list is empty, without Show more', () => {
    const { card, text } = buildListCard({ heading: '0 actions are RED', actions: [], offset: 0, moreToken: 't', canUpdate: everyone });
    expect(validateCard(card)).toEqual([]);
    expect(text).toBe('0 actions are RED\nThere are no actions to show.');
    expect(buttonsWithVerb(card, VERBS.showMore)).toHaveLength(0);
  });

  it('copes with an offset past the end and a custom page size', () => {
    expect(list(amber, 40).text).toContain('There are no more actions to show.');
    const small = list(amber, 0, { pageSize: 5 });
    expect(small.text).toContain('Showing 1–5 of 12');
    expect(buttonsWithVerb(small.card, VERBS.showMore)[0]?.data).toMatchObject({ offset: 5 });
  });

  it('pages 200 long actions so every page validates and stays under 28 KB', () => {
    const actions = manyLongActions(200);
    let offset = 0;
    let pages = 0;
    const seenRefs: number[] = [];
    while (offset < actions.length) {
      const { card, text } = list(actions, offset);
      expect(validateCard(card)).toEqual([]);
      expect(JSON.stringify(card).length).toBeLessThan(28 * 1024);
      const refs = [...text.matchAll(/^Action (\d+) ·/gm)].map((m) => Number(m[1]));
      expect(refs.length).toBeGreaterThan(0);
      seenRefs.push(...refs);
      const more = buttonsWithVerb(card, VERBS.showMore)[0];
      offset = more ? (more.data as { offset: number }).offset : actions.length;
      pages += 1;
    }
    expect(seenRefs).toEqual(actions.map((a) => a.ref));
    expect(pages).toBeGreaterThanOrEqual(20);
  });

  it('fits a full page of 25 long actions: titles are shortened in lists, so the page never has to shrink', () => {
    const actions = manyLongActions(60);
    const { card, text } = list(actions, 0, { pageSize: 25 });
    expect(validateCard(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card)) + Buffer.byteLength(text)).toBeLessThan(26 * 1024);
    expect([...text.matchAll(/^Action (\d+) ·/gm)]).toHaveLength(25);
    expect(text).toContain('Showing 1–25 of 60');
    expect(text).toContain(`Action 1 · ${shorten(at(actions, 0).title, 120)}`);
    expect(buttonsWithVerb(card, VERBS.showMore)[0]?.data).toMatchObject({ offset: 25 });
  });
});
