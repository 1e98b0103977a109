import { describe, expect, it } from 'vitest';
import { matchPlan, nextPlanName, planShortName, takePlanPhrase, yearSpan, type NamedPlan } from '../../bot/plan/plan-names.js';

const plan = (title: string, period: string, status: NamedPlan['status'], importedAt: string, archivedAt: string | null = null) => ({
  title,
  period,
  status,
  importedAt,
  archivedAt,
});
const old = plan(
  'City of London Prevent Strategic Action Plan',
  'October 2020– October 2024',
  'archived',
  '2020-10-01T00:00:00Z',
  '2025-04-01T00:00:00Z',
);
const older = plan('Prevent Action Plan 2016-19', '', 'archived', '2016-04-01T00:00:00Z', '2020-10-01T00:00:00Z');
const live = plan('City of London Prevent Plan 2025–26', '2025–26', 'live', '2025-04-01T00:00:00Z');
const draft = plan('City of London Prevent Plan 2027/28', '', 'draft', '2026-11-20T00:00:00Z');
const plans = [live, draft, old, older];

const matched = (words: string) => {
  const m = matchPlan(words, plans);
  return m.kind === 'match' ? m.plan.title : m.kind;
};

describe('the years a text names', () => {
  it.each([
    ['2020–24', [2020, 2024]],
    ['2020-24', [2020, 2024]],
    ['2020 to 2024', [2020, 2024]],
    ['2020-2024', [2020, 2024]],
    ['2025/26', [2025, 2026]],
    ['October 2020– October 2024', [2020, 2024]],
    ['the 2023 plan', [2023, 2023]],
    ['1999–2003', [1999, 2003]],
  ] as const)('%s → %j', (text, span) => {
    expect(yearSpan(text)).toEqual(span);
  });

  it('names none in words without years, and ignores an end before the start', () => {
    expect(yearSpan("last year's plan")).toBeNull();
    expect(yearSpan('2024-20')).toEqual([2024, 2024]);
  });
});

describe('short names of plans', () => {
  it('are their years from the period, else the title, else the title itself', () => {
    expect(planShortName(old)).toBe('2020–24');
    expect(planShortName(live)).toBe('2025–26');
    expect(planShortName(draft)).toBe('2027–28');
    expect(planShortName({ title: 'Riverside plan', period: '' })).toBe('Riverside plan');
  });
});

describe('matching the plan a partner names', () => {
  it.each([
    ['2020–24', old.title],
    ['2020-24', old.title],
    ['2020 to 2024', old.title],
    ['2020-2024', old.title],
    ['2022', old.title],
    ['2016-19', older.title],
    ['2025-26', live.title],
    ['2027/28', draft.title],
    ["last year's", old.title],
    ['the old', old.title],
    ['previous', old.title],
    ['current', live.title],
    ['live', live.title],
    ["next year's", draft.title],
    ['new', draft.title],
    ['strategic', old.title],
  ])('"%s" names %s', (words, title) => {
    expect(matched(words)).toBe(title);
  });

  it('says when nothing matches, and when several plans fit equally', () => {
    expect(matched('2019')).toBe(older.title);
    expect(matchPlan('2012', plans).kind).toBe('none');
    expect(matchPlan('riverside', plans).kind).toBe('none');
    expect(matchPlan('city of london', plans).kind).toBe('ambiguous');
    expect(matchPlan("next year's", [live, old]).kind).toBe('none');
    expect(matchPlan("last year's", [live]).kind).toBe('none');
  });
});

describe('finding a named plan in a message', () => {
  it.each([
    ['in the 2020–24 plan, what was red?', '2020–24', 'what was red?'],
    ['In the 2020-24 plan what was red', '2020-24', 'what was red'],
    ["what was red in last year's plan?", "last year's", 'what was red'],
    ['show action 2.2 in the 2020–24 plan', '2020–24', 'show action 2.2'],
    ['history of action 22 in the 2020 to 2024 plan', '2020 to 2024', 'history of action 22'],
    ["what's amber from the plan for 2020-24?", '2020-24', "what's amber"],
    ['summary of the old plan', 'old', 'summary'],
    ['update 2.2 in the 2020–24 plan to amber', '2020–24', 'update 2.2 to amber'],
  ])('%s', (text, words, rest) => {
    expect(takePlanPhrase(text)).toEqual({ words, rest });
  });

  it('leaves "the plan" and words naming no plan to the question', () => {
    expect(takePlanPhrase("what's red in the plan?")).toBeNull();
    expect(takePlanPhrase('anything on the training plan?')).toBeNull();
    expect(takePlanPhrase("what's red?")).toBeNull();
    expect(takePlanPhrase('what is in the strategic plan?', [old.title])).toEqual({ words: 'strategic', rest: 'what is' });
  });
});

describe("next year's plan's name", () => {
  it('is the financial year after today, in the live title; or the years of the name given', () => {
    expect(nextPlanName({ title: 'City of London Prevent Strategic Action Plan' }, '2026-11-28')).toEqual({
      title: 'City of London Prevent Strategic Action Plan 2027–28',
      period: '2027–28',
    });
    expect(nextPlanName({ title: 'Riverside Prevent Plan 2025/26' }, '2026-03-31')).toEqual({
      title: 'Riverside Prevent Plan 2026–27',
      period: '2026–27',
    });
    expect(nextPlanName({ title: 'x' }, '2026-11-28', '"City of London Prevent Plan 2025-26"')).toEqual({
      title: 'City of London Prevent Plan 2025-26',
      period: '2025–26',
    });
  });
});
