import { describe, expect, it } from 'vitest';
import { summarisePlan, summaryText } from '../../bot/plan/summary.js';
import { demoPlanView, makeAction, makePlan } from '../factories/demo-plan.js';

describe('summarisePlan on the demo plan', () => {
  const summary = summarisePlan(demoPlanView(), '2026-11-22');

  it('counts every action by RAG', () => {
    expect(summary.total).toBe(24);
    expect(summary.byRag).toEqual({ RED: 2, AMBER: 12, GREEN: 8, COMPLETE: 2, UNRATED: 0 });
  });

  it('counts each theme in plan order', () => {
    expect(summary.byTheme.map((t) => [t.theme, t.total])).toEqual([
      ['Training and engagement', 11],
      ['Policy/Processes', 4],
      ['Awareness', 5],
      ['Other', 4],
    ]);
    expect(summary.byTheme[1]?.byRag).toEqual({ RED: 0, AMBER: 1, GREEN: 1, COMPLETE: 2, UNRATED: 0 });
  });

  it('counts overdue actions on the given day', () => {
    expect(summary.overdue).toBe(6);
    expect(summarisePlan(demoPlanView(), '2021-07-01').overdue).toBe(1);
  });

  it('writes the summary as plain text with RAG in words', () => {
    expect(summaryText(summary)).toBe(
      [
        'The plan has 24 actions: 2 RED, 12 AMBER, 8 GREEN and 2 COMPLETE.',
        '6 actions are overdue.',
        'Training and engagement: 11 actions (5 AMBER, 6 GREEN)',
        'Policy/Processes: 4 actions (1 AMBER, 1 GREEN, 2 COMPLETE)',
        'Awareness: 5 actions (1 RED, 3 AMBER, 1 GREEN)',
        'Other: 4 actions (1 RED, 3 AMBER)',
      ].join('\n'),
    );
  });
});

describe('summarisePlan on small plans', () => {
  it('adds themes that actions use but the plan does not list, and counts unrated actions', () => {
    const plan = makePlan([makeAction({ ref: 1, theme: 'Governance', rag: 'UNRATED' })], { themes: ['Training'] });
    const summary = summarisePlan(plan, '2026-11-22');
    expect(summary.byTheme.map((t) => t.theme)).toEqual(['Training', 'Governance']);
    expect(summaryText(summary)).toBe(
      'The plan has 1 action: 1 not yet rated.\nNo actions are overdue.\nGovernance: 1 action (1 not yet rated)',
    );
  });

  it('says so when the plan is empty', () => {
    expect(summaryText(summarisePlan(makePlan([]), '2026-11-22'))).toBe('The plan has no actions yet.');
  });

  it('says "1 action is overdue" in the singular', () => {
    const plan = makePlan([makeAction({ ref: 1, dueDate: '2026-01-01', rag: 'RED' })]);
    expect(summaryText(summarisePlan(plan, '2026-11-22'))).toContain('\n1 action is overdue.\n');
  });
});
