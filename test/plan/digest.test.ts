import { describe, expect, it } from 'vitest';
import { buildDigest, countWords, type DigestChange, type DigestInput } from '../../bot/plan/digest.js';
import { demoPlanView, makeAction, makePlan } from '../factories/demo-plan.js';

const AT = new Date('2026-11-23T09:00:00Z');
const IMPORTED = '2026-09-01T10:00:00.000Z';

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  const plan = demoPlanView();
  return {
    plan: { ...plan, actions: plan.actions.map((a) => ({ ...a, lastUpdate: { by: 'Import', at: '2026-11-01T10:00:00.000Z' } })) },
    at: AT,
    today: '2026-11-23',
    changes: [],
    firstRecorded: Object.fromEntries(plan.actions.map((a) => [a.id, IMPORTED])),
    rounds: [],
    unreachable: [],
    ...overrides,
  };
}

const change = (actionId: number, from: DigestChange['from'], to: DigestChange['to'], at: string, by = 'Ali Burlington'): DigestChange => ({
  actionId,
  from,
  to,
  at,
  by,
  source: 'card',
});

describe('the weekly digest', () => {
  it('counts the demo plan by RAG with no change since last week', () => {
    const digest = buildDigest(input());
    expect(digest.counts.map(countWords)).toEqual([
      '2 RED (no change)',
      '12 AMBER (no change)',
      '8 GREEN (no change)',
      '2 COMPLETE (no change)',
    ]);
    expect(digest.changes).toEqual([]);
  });

  it("shows this week's changes with who made them, and last week's counts rolled back from them", () => {
    const plan = input().plan;
    plan.actions = plan.actions.map((a) => (a.ref === 18 ? { ...a, rag: 'GREEN' } : a.ref === 3 ? { ...a, rag: 'GREEN' } : a));
    const digest = buildDigest(
      input({
        plan,
        changes: [
          change(18, 'RED', 'AMBER', '2026-11-17T10:00:00.000Z'),
          change(18, 'AMBER', 'GREEN', '2026-11-20T15:30:00.000Z', 'Pat Police'),
          change(3, 'AMBER', 'GREEN', '2026-11-19T12:00:00.000Z', 'Cleo Coordinator'),
          change(5, 'GREEN', 'GREEN', '2026-11-19T12:00:00.000Z'),
        ],
      }),
    );
    expect(digest.counts.map(countWords)).toEqual([
      '1 RED (down 1 since last week)',
      '11 AMBER (down 1 since last week)',
      '10 GREEN (up 2 since last week)',
      '2 COMPLETE (no change)',
    ]);
    expect(digest.changes.map((c) => [c.ref, c.from, c.to, c.by])).toEqual([
      [18, 'RED', 'AMBER', 'Ali Burlington'],
      [3, 'AMBER', 'GREEN', 'Cleo Coordinator'],
      [18, 'AMBER', 'GREEN', 'Pat Police'],
    ]);
  });

  it('a plan imported this week has no comparison, and its import is not a change', () => {
    const plan = demoPlanView();
    const imported = '2026-11-22T10:00:00.000Z';
    const digest = buildDigest(
      input({
        plan,
        firstRecorded: Object.fromEntries(plan.actions.map((a) => [a.id, imported])),
        changes: plan.actions.map((a) => ({ actionId: a.id, from: 'UNRATED', to: a.rag, at: imported, by: 'Demo plan', source: 'import' })),
      }),
    );
    expect(digest.counts.map(countWords)).toEqual(['2 RED', '12 AMBER', '8 GREEN', '2 COMPLETE']);
    expect(digest.changes).toEqual([]);
  });

  it('lists overdue actions, deadlines in the next 30 days and stale actions, leaving out COMPLETE ones', () => {
    const plan = makePlan([
      makeAction({ ref: 1, dueDate: '2026-11-01', rag: 'AMBER', lastUpdate: { by: 'x', at: '2026-11-20T00:00:00Z' } }),
      makeAction({ ref: 2, dueDate: '2026-12-10', rag: 'GREEN', lastUpdate: { by: 'x', at: '2026-11-20T00:00:00Z' } }),
      makeAction({ ref: 3, dueDate: '2027-02-01', rag: 'AMBER', lastUpdate: { by: 'x', at: '2026-08-01T00:00:00Z' } }),
      makeAction({ ref: 4, dueDate: '2026-10-01', rag: 'COMPLETE', lastUpdate: { by: 'x', at: '2026-01-01T00:00:00Z' } }),
    ]);
    const digest = buildDigest(input({ plan, firstRecorded: { 1: IMPORTED, 2: IMPORTED, 3: IMPORTED, 4: IMPORTED } }));
    expect(digest.overdue.map((a) => a.ref)).toEqual([1]);
    expect(digest.dueSoon.map((a) => a.ref)).toEqual([2]);
    expect(digest.stale.map((a) => a.ref)).toEqual([3]);
  });
});
