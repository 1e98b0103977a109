import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, describeImport, parsePlanText } from '../../bot/import/index.js';
import type { ImportedAction } from '../../bot/import/types.js';

const FIXTURE = 'prisma/demo-plan.md';
const plan = parsePlanText(readFileSync(FIXTURE, 'utf8'), FIXTURE, DEFAULT_ORGANISATIONS);
const action = (ref: number): ImportedAction => plan.actions.find((a) => a.ref === ref) as ImportedAction;
const count = (pick: (a: ImportedAction) => string): Record<string, number> =>
  plan.actions.reduce<Record<string, number>>((acc, a) => ({ ...acc, [pick(a)]: (acc[pick(a)] ?? 0) + 1 }), {});

describe('the City of London demo plan', () => {
  it('reads the title, period and objectives', () => {
    expect(plan.title).toBe('City of London Prevent Strategic Action Plan');
    expect(plan.period).toBe('October 2020– October 2024');
    expect(plan.objectives).toHaveLength(4);
    expect(plan.objectives[1]).toBe('Tackle the causes of radicalisation and respond to the ideological challenge of terrorism');
  });

  it('has 24 actions numbered 1 to 24 in four themes, in document order', () => {
    expect(plan.actions.map((a) => a.ref)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(plan.themes).toEqual(['Training and engagement', 'Policy/Processes', 'Awareness', 'Other']);
    expect(count((a) => a.theme)).toEqual({ 'Training and engagement': 11, 'Policy/Processes': 4, Awareness: 5, Other: 4 });
    expect(plan.warnings).toEqual([]);
  });

  it('counts 8 GREEN, 12 AMBER, 2 RED and 2 COMPLETE', () => {
    expect(count((a) => a.rag)).toEqual({ GREEN: 8, AMBER: 12, RED: 2, COMPLETE: 2 });
  });

  it('joins a row continued after a page break to its action, leads included', () => {
    expect(action(3).title).toMatch(
      /^Deliver bespoke training to City of London Stakeholders, e\.g\. .*Probation, City Advice Partners to utilise this offer$/,
    );
    expect(action(3).outcome).toBe('Stakeholders are aware of their responsibilities regarding Prevent and how to make referrals');
    expect(action(3).leads).toEqual(['CoLC Community Safety Team', 'City of London Police Prevent team', 'All stakeholders']);
    expect(action(3).target).toBe(6);
    expect(action(5).notes).toMatch(/This is embedded within Prevent training sessions\.$/);
    expect(action(14).notes).toMatch(/document The Home Office are the contact for Intervention Providers$/);
  });

  it('removes HTML, keeping paragraphs as separate lines', () => {
    for (const a of plan.actions) {
      for (const value of Object.values(a)) expect(JSON.stringify(value)).not.toMatch(/<\/?[a-z]/i);
    }
    expect(action(4).notes.split('\n')).toEqual([
      'Circulate Prevent Policy and Channel Guidance and offer Prevent',
      'Provide training',
      'Advise on risk assessments',
      'Circulate materials and literature',
    ]);
    expect(action(23).notes).toMatch(
      /VAWG professionals and frontline VAWG workers and MARAC attendees\nIndependent Domestic Violence Advisor to attend Channel Panels$/,
    );
  });

  it('reads the RED actions', () => {
    expect(action(18)).toMatchObject({ title: 'Engage with and support faith groups', rag: 'RED', theme: 'Awareness' });
    expect(action(22).title).toContain('Multi-Agency Public Protection Arrangements');
    expect(action(22)).toMatchObject({ rag: 'RED', leads: ['City of London Police Prevent team', 'London Probation Service'] });
  });

  it('splits leads that ran together, naming them canonically', () => {
    expect(action(1).leads).toEqual(['CoLC Community Safety Team', 'CoLC Learning and Development', 'City of London Police Prevent team']);
    expect(action(15).leads).toEqual(['CoLC Community Safety Team', 'City of London Police Prevent team', 'All stakeholders']);
    expect(action(23).leads).toEqual([
      'CoLC Community Safety Team',
      'City of London Police Prevent team',
      'Public Protection Unit',
      'Channel members',
      'CoLC VAWG Forum',
    ]);
    expect(plan.organisations.map((o) => o.name)).toHaveLength(8);
    expect(plan.organisations.every((o) => o.aliases.length > 0)).toBe(true);
  });

  it('reads deadlines, due dates and repeats', () => {
    expect(action(7)).toMatchObject({ deadlineText: 'Ongoing – bi-weekly', dueDate: null, recurrence: 'bi-weekly' });
    expect(plan.actions.filter((a) => a.recurrence !== null).map((a) => a.ref)).toEqual([7]);
    expect(action(11)).toMatchObject({ deadlineText: '2021–22', dueDate: '2022-03-31' });
    expect(action(14).dueDate).toBe('2021-06-30');
    expect(action(5).dueDate).toBe('2021-10-31');
    expect(action(13)).toMatchObject({ deadlineText: 'Complete/ continue to review', dueDate: null });
  });

  it('finds the two targets and records where each action starts', () => {
    expect(plan.actions.filter((a) => a.target !== null).map((a) => [a.ref, a.target])).toEqual([
      [3, 6],
      [19, 25],
    ]);
    expect([action(1).line, action(3).line, action(4).line, action(24).line]).toEqual([22, 24, 29, 82]);
  });

  it('describes the import in words', () => {
    const text = describeImport(plan);
    expect(text).toContain('24 actions in 4 themes');
    expect(text).toContain('Training and engagement: 11');
    expect(text).toMatch(/RED: 2\n {2}AMBER: 12\n {2}GREEN: 8\n {2}COMPLETE: 2/);
  });
});
