import { describe, expect, it } from 'vitest';
import { buildBoardData, dayIn } from '../../bot/tab/board-data.js';
import type { Rag } from '../../bot/plan/types.js';
import { makeAction, makePlan as planAround } from '../factories/demo-plan.js';
import { at } from '../support/at.js';

const THEMES = ['Training and engagement', 'Policy/Processes'];
const PLAN = { partnership: 'City of London', title: 'Prevent Action Plan 2020–2024', period: '2020–2024', themes: THEMES };
/** A plan with one action per rating given, refs from 1, alternating between two themes. */
const makePlan = (rags: Rag[]) =>
  planAround(
    rags.map((rag, i) => makeAction({ ref: i + 1, rag, theme: THEMES[i % 2] })),
    PLAN,
  );

describe('buildBoardData', () => {
  it('counts actions by rating, including not yet rated', () => {
    const data = buildBoardData(makePlan(['RED', 'AMBER', 'AMBER', 'GREEN', 'COMPLETE', 'UNRATED']), [], '2025-03-10');
    expect(data.counts).toEqual({ RED: 1, AMBER: 2, GREEN: 1, COMPLETE: 1, UNRATED: 1 });
    expect(data.actions).toHaveLength(6);
  });

  it('copies the action fields the board shows (the latest update note first) and lists leads once, sorted', () => {
    const plan = makePlan([]);
    plan.actions = [
      makeAction({
        ref: 3,
        theme: 'Policy/Processes',
        leads: ['CoLP Prevent team', 'All stakeholders'],
        notes: '  Sessions booked.  ',
        lastUpdate: { by: 'Sam', at: '2025-03-01T10:00:00Z' },
      }),
      makeAction({ ref: 4, theme: 'Other', leads: ['All stakeholders'], dueDate: '2025-10-31', deadlineText: 'October 2025' }),
    ];
    const data = buildBoardData(plan, [], '2025-03-10');
    expect(data.leads).toEqual(['All stakeholders', 'CoLP Prevent team']);
    expect(data.themes).toEqual(['Training and engagement', 'Policy/Processes', 'Other']);
    expect(data.actions[0]).toMatchObject({
      ref: 3,
      latestNote: 'Sessions booked.',
      lastUpdate: { by: 'Sam', at: '2025-03-01T10:00:00Z' },
    });
    expect(data.actions[1]).toMatchObject({ dueDate: '2025-10-31', deadlineText: 'October 2025', lastUpdate: null });
    at(plan.actions, 1).lastUpdate = { by: 'Jo', at: '2025-03-02T10:00:00Z', note: 'Moved to October after the forum.' };
    expect(buildBoardData(plan, [], '2025-03-10').actions[1]?.latestNote).toBe('Moved to October after the forum.');
    expect(data).toMatchObject({ partnership: 'City of London', planTitle: 'Prevent Action Plan 2020–2024', period: '2020–2024' });
  });

  it('with no history, the timeline is today only, at the current counts', () => {
    const data = buildBoardData(makePlan(['RED', 'GREEN']), [], '2025-03-10');
    expect(data.timeline).toEqual([{ date: '2025-03-10', counts: data.counts }]);
  });

  it('reconstructs the counts at the end of each day by undoing later changes', () => {
    const plan = makePlan(['GREEN', 'AMBER', 'COMPLETE']);
    const history = [
      { at: '2025-01-05T09:00:00Z', actionRef: 1, ragFrom: 'UNRATED' as const, ragTo: 'RED' as const },
      { at: '2025-01-05T09:00:00Z', actionRef: 2, ragFrom: 'UNRATED' as const, ragTo: 'AMBER' as const },
      { at: '2025-01-05T09:00:00Z', actionRef: 3, ragFrom: 'UNRATED' as const, ragTo: 'GREEN' as const },
      { at: '2025-02-01T12:00:00Z', actionRef: 1, ragFrom: 'RED' as const, ragTo: 'AMBER' as const },
      { at: '2025-02-01T15:00:00Z', actionRef: 1, ragFrom: 'AMBER' as const, ragTo: 'GREEN' as const },
      { at: '2025-03-10T08:00:00Z', actionRef: 3, ragFrom: 'GREEN' as const, ragTo: 'COMPLETE' as const },
    ];
    const { timeline } = buildBoardData(plan, history, '2025-03-10');
    expect(timeline.map((p) => p.date)).toEqual(['2025-01-05', '2025-02-01', '2025-03-10']);
    expect(timeline[0]?.counts).toEqual({ RED: 1, AMBER: 1, GREEN: 1, COMPLETE: 0, UNRATED: 0 });
    expect(timeline[1]?.counts).toEqual({ RED: 0, AMBER: 1, GREEN: 2, COMPLETE: 0, UNRATED: 0 });
    expect(timeline[2]?.counts).toEqual({ RED: 0, AMBER: 1, GREEN: 1, COMPLETE: 1, UNRATED: 0 });
  });

  it('orders changes within a day by time, whatever order the history comes in', () => {
    const plan = makePlan(['GREEN']);
    const history = [
      { at: '2025-02-01T15:00:00Z', actionRef: 1, ragFrom: 'AMBER' as const, ragTo: 'GREEN' as const },
      { at: '2025-01-20T10:00:00Z', actionRef: 1, ragFrom: 'UNRATED' as const, ragTo: 'RED' as const },
      { at: '2025-02-01T12:00:00Z', actionRef: 1, ragFrom: 'RED' as const, ragTo: 'AMBER' as const },
    ];
    const { timeline } = buildBoardData(plan, history, '2025-03-10');
    expect(timeline.map((p) => [p.date, p.counts.RED, p.counts.AMBER, p.counts.GREEN])).toEqual([
      ['2025-01-20', 1, 0, 0],
      ['2025-02-01', 0, 0, 1],
      ['2025-03-10', 0, 0, 1],
    ]);
  });

  it('ignores history of actions no longer in the plan', () => {
    const plan = makePlan(['AMBER']);
    const history = [{ at: '2025-02-01T12:00:00Z', actionRef: 99, ragFrom: 'RED' as const, ragTo: 'GREEN' as const }];
    expect(buildBoardData(plan, history, '2025-03-10').timeline).toEqual([
      { date: '2025-03-10', counts: { RED: 0, AMBER: 1, GREEN: 0, COMPLETE: 0, UNRATED: 0 } },
    ]);
  });

  it('puts a change on the day it happened in the plan time zone', () => {
    expect(dayIn('2025-06-30T23:30:00Z', 'Europe/London')).toBe('2025-07-01');
    expect(dayIn('2025-01-31T23:30:00Z', 'Europe/London')).toBe('2025-01-31');
    const plan = makePlan(['GREEN']);
    const history = [{ at: '2025-06-30T23:30:00Z', actionRef: 1, ragFrom: 'AMBER' as const, ragTo: 'GREEN' as const }];
    expect(buildBoardData(plan, history, '2025-07-02').timeline.map((p) => p.date)).toEqual(['2025-07-01', '2025-07-02']);
  });
});
