import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, parsePlanText, readPlanFile } from '../../bot/import/index.js';
import type { ImportedAction, ImportedPlan } from '../../bot/import/types.js';

const PLANS = 'test/fixtures/plans';
const byRef = (plan: ImportedPlan, ref: number): ImportedAction => plan.actions.find((a) => a.ref === ref) as ImportedAction;

describe('a CSV plan with no RAG column and its own numbers', async () => {
  const plan = await readPlanFile(`${PLANS}/governance-plan.csv`, DEFAULT_ORGANISATIONS);

  it('takes the title from the file name and themes from the Theme column', () => {
    expect(plan.title).toBe('governance-plan');
    expect(plan.period).toBe('');
    expect(plan.themes).toEqual(['Governance', 'Engagement', 'Communications']);
  });

  it("keeps the plan's non-sequential numbers and rates every action UNRATED", () => {
    expect(plan.actions.map((a) => a.ref)).toEqual([1, 2, 5, 7, 12]);
    expect(plan.actions.every((a) => a.rag === 'UNRATED')).toBe(true);
  });

  it('maps the other header names: Action, Due, Milestones/Outcomes, Partners and Resources', () => {
    expect(byRef(plan, 1)).toMatchObject({
      title: "Agree the partnership's terms of reference",
      deadlineText: '31/03/2024',
      dueDate: '2024-03-31',
      outcome: 'Terms of reference signed off by the board',
      notes: 'Draft circulated in January',
      line: 2,
    });
  });

  it('reads a bulleted list of eight leads as eight organisations', () => {
    expect(byRef(plan, 7).leads).toEqual([
      'CoLC Community Safety Team',
      'City of London Police Prevent team',
      'Schools',
      'NHS and health partners',
      'Further and higher education',
      'Businesses',
      'Faith groups',
      'London Probation Service',
    ]);
    expect(byRef(plan, 7).line).toBe(7);
    expect(byRef(plan, 12).line).toBe(15);
  });

  it('keeps an unknown lead as a new organisation with no aliases', () => {
    expect(byRef(plan, 1).leads).toEqual(['CoLC Community Safety Team', 'Safer City Partnership']);
    expect(plan.organisations).toContainEqual({ name: 'Safer City Partnership', aliases: [] });
    expect(byRef(plan, 2).leads).toEqual(['City of London Police Prevent team', 'London Probation Service']);
  });

  it('gives "See 2 above" action 2\'s due date and warns when the action pointed to does not exist', () => {
    expect(byRef(plan, 5)).toMatchObject({ deadlineText: 'See 2 above', dueDate: '2024-03-12' });
    expect(byRef(plan, 7).dueDate).toBeNull();
    expect(plan.warnings).toEqual([expect.stringMatching(/^Line 7: .*"See 4 above".*no action 4/)]);
  });

  it('joins a continuation row with no number, deadline or RAG to the action before it', () => {
    expect(byRef(plan, 5).title).toBe('Refresh the risk register after the profile review and report the changes to the board');
    expect(byRef(plan, 5).notes).toBe('Board paper in April');
  });

  it('reads repeats and targets from the cells', () => {
    expect(byRef(plan, 12)).toMatchObject({ dueDate: null, recurrence: 'six-monthly' });
    expect(byRef(plan, 7).target).toBe(30);
  });
});

describe('a CSV plan with title rows and a RAG column', async () => {
  const plan = await readPlanFile(`${PLANS}/riverside-training-plan.csv`, DEFAULT_ORGANISATIONS);

  it('takes the title, period and objectives from the rows before the header', () => {
    expect(plan.title).toBe('Riverside Prevent Partnership Action Plan');
    expect(plan.period).toBe('2023-2026');
    expect(plan.objectives).toEqual([
      'Train front-line staff to recognise and refer concerns',
      'Reach communities through faith and business partners',
    ]);
  });

  it('reads RAG words in any case, "Completed" as COMPLETE', () => {
    expect(plan.actions.map((a) => [a.ref, a.rag])).toEqual([
      [3, 'AMBER'],
      [4, 'COMPLETE'],
      [9, 'GREEN'],
      [10, 'RED'],
    ]);
  });

  it('reads Ref, Section, By not later than and Responsibility/Lead columns', () => {
    expect(byRef(plan, 3)).toMatchObject({ theme: 'Training', dueDate: '2024-03-31', target: 12, line: 6 });
    expect(byRef(plan, 4)).toMatchObject({ dueDate: '2024-01-31', leads: ['Schools', 'CoLC Community Safety Team'] });
    expect(byRef(plan, 9).leads).toEqual(['Faith groups', 'Community groups']);
  });

  it('gives "See 9 above" the due date and repeat of action 9', () => {
    expect(byRef(plan, 10)).toMatchObject({ deadlineText: 'See 9 above', dueDate: null, recurrence: 'bi-weekly' });
  });
});

describe('CSV details', () => {
  it('reads semicolon-separated files and section rows when there is no Theme column', () => {
    const text =
      'Description;Deadline;Lead;Status\nGovernance;;;\nAgree terms;June 2024;CST;green\nEngagement;;;\nHold a forum;Ongoing;Probation;Amber\n';
    const plan = parsePlanText(text, 'plan.csv', DEFAULT_ORGANISATIONS);
    expect(plan.actions.map((a) => [a.ref, a.theme, a.title, a.rag])).toEqual([
      [1, 'Governance', 'Agree terms', 'GREEN'],
      [2, 'Engagement', 'Hold a forum', 'AMBER'],
    ]);
  });

  it('numbers an action with no number after the highest one and says so', () => {
    const plan = parsePlanText('Ref,Action,Due\n4,First,June 2024\n,Second,July 2024\n4,Third,May 2024\n', 'p.csv', []);
    expect(plan.actions.map((a) => a.ref)).toEqual([4, 5, 6]);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Line 3: .*numbered 5/), expect.stringMatching(/^Line 4: .*"4".*numbered 6/)]);
  });

  it('warns about a continuation row with no action before it', () => {
    const plan = parsePlanText('Action,Deadline,Notes,RAG\nstray words,,more notes,\nReal action,June 2024,,RED\n', 'p.csv', []);
    expect(plan.actions).toHaveLength(1);
    expect(plan.warnings).toEqual([expect.stringMatching(/^Line 2: .*no action comes before it/)]);
  });
});
