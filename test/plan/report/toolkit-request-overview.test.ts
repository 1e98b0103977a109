import { describe, expect, it } from 'vitest';
import { buildOverview, overviewLines, quarterOf } from '../../../bot/plan/report/overview.js';
import { parsePastDate, parseReportRequest } from '../../../bot/plan/report/request.js';
import { parseToolkitSection, suggestToolkitSections, toolkitCoverage } from '../../../bot/plan/toolkit.js';
import { demoPlanView } from '../../factories/demo-plan.js';
import { scriptedPlan } from './scripted-history.js';

describe('toolkit sections', () => {
  it('suggests sections from an action’s words', () => {
    const plan = demoPlanView();
    const of = (ref: number) => suggestToolkitSections(plan.actions.find((a) => a.ref === ref) ?? { title: '', outcome: '' });
    expect(of(1)).toEqual(['training']);
    expect(of(7)).toEqual(['partnership-group']);
    expect(of(12)).toEqual(['partnership-plan', 'channel-panel']);
    expect(of(14)).toEqual(['referral-pathway', 'channel-panel']);
    expect(of(17)).toEqual(['communications']);
    expect(of(24)).toEqual(['risk-assessment', 'partnership-plan']);
    expect(of(15)).not.toContain('risk-assessment');
  });

  it('finds the areas no action covers', () => {
    expect(toolkitCoverage({ 1: ['training'], 2: ['training', 'channel-panel'], 3: [] })).toEqual({
      covered: ['channel-panel', 'training'],
      uncovered: [
        'partnership-group',
        'risk-assessment',
        'partnership-plan',
        'referral-pathway',
        'permissive-environments',
        'communications',
      ],
    });
    const tags = Object.fromEntries(demoPlanView().actions.map((a) => [a.id, suggestToolkitSections(a)]));
    expect(toolkitCoverage(tags).uncovered).toEqual([]);
  });

  it.each([
    ['Channel panel', 'channel-panel'],
    ['comms', 'communications'],
    ['reducing permissive environments', 'permissive-environments'],
    ['the referral pathway', 'referral-pathway'],
    ['Training', 'training'],
    ['biscuits', null],
    ['', null],
  ])('reads “%s” as %s', (text, section) => {
    expect(parseToolkitSection(text)).toBe(section);
  });
});

describe('reading a draft request', () => {
  it('reads the meeting, the start of the period and typed-in counts', () => {
    expect(
      parseReportRequest(
        ' for the 4 December board since 1 September with no Channel referrals, 2 open cases, 4 training sessions and 55 attendees',
        '2026-11-25',
      ),
    ).toEqual({
      meetingDate: '2026-12-04',
      unreadMeeting: null,
      since: '2026-09-01',
      unreadSince: null,
      counts: { channelReferrals: 0, channelOpenCases: 2, trainingSessions: 4, trainingAttendees: 55 },
    });
  });

  it('says what it could not read', () => {
    expect(parseReportRequest(' for the next board', '2026-11-25')).toMatchObject({ meetingDate: null, unreadMeeting: 'next' });
    expect(parseReportRequest(' for 4 December since whenever', '2026-11-25')).toMatchObject({
      meetingDate: '2026-12-04',
      unreadSince: 'whenever',
    });
    expect(parseReportRequest('', '2026-11-25')).toMatchObject({ meetingDate: null, unreadMeeting: null });
  });

  it('puts a period start without a year in the past', () => {
    expect(parsePastDate('1 September', '2026-11-25')).toBe('2026-09-01');
    expect(parsePastDate('1 December', '2026-11-25')).toBe('2025-12-01');
    expect(parsePastDate('2027-01-01', '2026-11-25')).toBe('2027-01-01');
  });
});

describe('quarterly and annual overviews', () => {
  it('knows the calendar quarters', () => {
    expect(quarterOf('2026-11-25', 'this')).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'October to December 2026' });
    expect(quarterOf('2026-02-10', 'last')).toEqual({ from: '2025-10-01', to: '2025-12-31', label: 'October to December 2025' });
  });

  it('“how did we do this quarter?”: movements and completions inside the quarter only, training from approved reports', () => {
    const { plan, history } = scriptedPlan();
    const overview = buildOverview({
      plan,
      history,
      ...quarterOf('2026-11-25', 'this'),
      at: new Date('2026-11-25T12:00:00Z'),
      reports: [
        { periodTo: '2026-11-25', counts: { trainingSessions: 4, trainingAttendees: 55 } },
        { periodTo: '2026-08-31', counts: { trainingSessions: 9, trainingAttendees: 90 } },
      ],
    });
    expect(overview.movements.map((m) => [m.ref, m.direction])).toEqual([
      [1, 'worsened'],
      [8, 'newly red'],
      [17, 'completed'],
    ]);
    expect(overview.training).toEqual({ sessions: 4, attendees: 55, reports: 1 });
    const lines = overviewLines(overview);
    expect(lines).toContain('Completed: action 17 (Develop a communications plan).');
    expect(lines).toContain('Training delivered (from 1 approved board report): 4 sessions, 55 people trained.');
  });

  it('the annual summary covers the year so far', () => {
    const { plan, history } = scriptedPlan();
    const overview = buildOverview({
      plan,
      history,
      from: '2026-01-01',
      to: '2026-12-31',
      label: '2026',
      at: new Date('2026-11-30T12:00:00Z'),
      reports: [],
    });
    expect(overview.movements.map((m) => m.ref)).toEqual([1, 2, 8, 17, 18]);
    expect(overviewLines(overview)).toContain('No approved board report in the period gives training counts.');
  });
});
