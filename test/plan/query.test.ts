import { describe, expect, it } from 'vitest';
import { describeFilter, findActions, isOverdue } from '../../bot/plan/query.js';
import { makeAction, makePlan } from '../factories/demo-plan.js';
import { at } from '../support/at.js';

const TODAY = '2026-11-22';

const plan = makePlan([
  makeAction({ ref: 3, rag: 'RED', dueDate: '2026-11-21', leads: ['CoLP'], theme: 'Awareness' }),
  makeAction({ ref: 1, rag: 'COMPLETE', dueDate: '2026-10-01', leads: ['CST'] }),
  makeAction({ ref: 2, rag: 'AMBER', dueDate: '2026-11-22', leads: ['CST', 'CoLP'], title: 'Engage faith groups' }),
  makeAction({ ref: 4, rag: 'UNRATED', dueDate: null, notes: 'Faith leaders forum' }),
  makeAction({ ref: 5, rag: 'GREEN', dueDate: '2026-12-01', outcome: 'Groups of businesses engaged' }),
]);

function refs(filter: Parameters<typeof findActions>[1]): number[] {
  return findActions(plan, filter, TODAY).map((a) => a.ref);
}

describe('findActions', () => {
  it('returns every action in ref order for an empty filter', () => {
    expect(refs({})).toEqual([1, 2, 3, 4, 5]);
  });

  it('filters by any of the RAG ratings', () => {
    expect(refs({ rags: ['RED', 'UNRATED'] })).toEqual([3, 4]);
  });

  it('counts as overdue only actions due before today that are not complete', () => {
    expect(refs({ due: { overdue: true } })).toEqual([3]);
    expect(isOverdue(at(plan.actions, 2), TODAY)).toBe(false);
  });

  it('treats before as exclusive and leaves out undated and complete actions from a date range', () => {
    expect(refs({ due: { from: '2026-10-01', before: '2026-12-01' } })).toEqual([2, 3]);
    expect(refs({ due: { before: '2026-12-02' } })).toEqual([2, 3, 5]);
  });

  it('keeps complete actions in a date range when COMPLETE is asked for', () => {
    expect(refs({ rags: ['COMPLETE'], due: { before: '2027-01-01' } })).toEqual([1]);
  });

  it('filters by any of the leads, ignoring case', () => {
    expect(refs({ leads: ['colp'] })).toEqual([2, 3]);
    expect(refs({ leads: ['CST', 'CoLP'] })).toEqual([1, 2, 3]);
  });

  it('filters by theme and by every search word over title, outcome and notes', () => {
    expect(refs({ themes: ['Awareness'] })).toEqual([3]);
    expect(refs({ text: ['faith'] })).toEqual([2, 4]);
    expect(refs({ text: ['faith', 'forum'] })).toEqual([4]);
    expect(refs({ text: ['group'] })).toEqual([2, 5]);
  });

  it('applies every part of the filter together', () => {
    expect(refs({ rags: ['AMBER', 'RED'], leads: ['CST'], text: ['faith'] })).toEqual([2]);
  });
});

describe('describeFilter', () => {
  it.each([
    [{ rags: ['AMBER'] }, 12, '12 actions are AMBER'],
    [{ rags: ['RED'] }, 2, '2 actions are RED'],
    [{ rags: ['RED'] }, 1, '1 action is RED'],
    [{ rags: ['RED'] }, 0, 'No actions are RED'],
    [{ rags: ['RED', 'AMBER'] }, 14, '14 actions are RED or AMBER'],
    [{ rags: ['RED', 'AMBER', 'UNRATED'] }, 3, '3 actions are RED, AMBER or not yet rated'],
    [{ rags: ['UNRATED'] }, 0, 'No actions are not yet rated'],
    [{ due: { overdue: true } }, 0, 'No actions are overdue'],
    [{ due: { overdue: true } }, 1, '1 action is overdue'],
    [{ due: { before: '2027-03-01' } }, 6, '6 actions are due before 1 March 2027'],
    [{ due: { from: '2026-11-01', before: '2026-12-01' } }, 2, '2 actions are due in November 2026'],
    [{ due: { from: '2021-01-01', before: '2022-01-01' } }, 5, '5 actions are due in 2021'],
    [{ due: { from: '2026-11-16', before: '2026-11-23' } }, 1, '1 action is due between 16 November 2026 and 22 November 2026'],
    [{ due: { from: '2021-07-01' } }, 5, '5 actions are due on or after 1 July 2021'],
    [{ rags: ['AMBER'], leads: ['City of London Police Prevent team'] }, 3, '3 AMBER actions led by City of London Police Prevent team'],
    [{ text: ['faith', 'groups'] }, 5, '5 actions match "faith groups"'],
    [{ text: ['MAPPA'] }, 1, '1 action matches "MAPPA"'],
    [{ rags: ['RED', 'AMBER'], themes: ['Training and engagement'] }, 4, '4 RED or AMBER actions in Training and engagement'],
    [{ rags: ['RED'], due: { overdue: true } }, 1, '1 RED action is overdue'],
    [{ leads: ['CST', 'CoLP'] }, 1, '1 action led by CST or CoLP'],
    [{ themes: ['Awareness'], text: ['faith'] }, 0, 'No actions in Awareness matching "faith"'],
    [{ rags: ['UNRATED'], themes: ['Other'] }, 2, '2 not-yet-rated actions in Other'],
    [{}, 24, '24 actions in the plan'],
  ] as const)('%j with %i', (filter, count, expected) => {
    expect(describeFilter(filter as Parameters<typeof describeFilter>[0], count)).toBe(expected);
  });
});
