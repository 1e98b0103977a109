import { describe, expect, it } from 'vitest';
import { composeReport } from '../../../bot/plan/report/compose.js';
import { checkReportText } from '../../../bot/plan/report/guard.js';
import { DRAFTED_AT, SETTINGS, scriptedPlan } from './scripted-history.js';

function draft(overrides: Partial<Parameters<typeof composeReport>[0]> = {}) {
  const { plan, history } = scriptedPlan();
  return composeReport({
    plan,
    history,
    settings: SETTINGS,
    meetingDate: '2026-12-04',
    since: '2026-09-01',
    at: DRAFTED_AT,
    counts: { channelReferrals: 0, trainingSessions: 4, trainingAttendees: 55 },
    ...overrides,
  });
}

describe('a board report from the demo plan and a scripted history', () => {
  it('lists exactly the actions that moved in the period, with their directions and latest notes', () => {
    const report = draft();
    expect(report.movements.map((m) => [m.ref, m.from, m.to, m.direction, m.note, m.on])).toEqual([
      [1, 'GREEN', 'AMBER', 'worsened', 'Apprentice sessions postponed to January.', '2026-11-03'],
      [8, 'AMBER', 'RED', 'newly red', 'Stakeholder lead left; recruitment under way.', '2026-10-20'],
      [17, 'AMBER', 'COMPLETE', 'completed', 'Communications plan agreed by the partnership.', '2026-10-02'],
      [18, 'RED', 'AMBER', 'improved', 'Met three faith leaders; forum planned for January.', '2026-09-15'],
    ]);
  });

  it('counts RAG at the start and at the end of the period (a change after it does not count)', () => {
    const counts = Object.fromEntries(draft().ragCounts.map((c) => [c.rag, [c.atStart, c.now]]));
    expect(counts).toEqual({ RED: [2, 2], AMBER: [12, 12], GREEN: [8, 7], COMPLETE: [2, 3] });
  });

  it('reports progress against numeric targets with the change in the period', () => {
    const target = draft().targets.find((t) => t.ref === 3);
    expect(target).toMatchObject({ target: 6, progress: 4, progressAtStart: 2, unit: 'sessions' });
    const paragraphs = draft().sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(paragraphs).toContainEqual(expect.stringContaining('4 of 6 sessions delivered, up from 2'));
  });

  it('groups the period’s notes by theme, leaves out notes from before and after it, and withholds a note with a phone number', () => {
    const report = draft();
    expect(report.highlights.map((h) => [h.theme, h.items.map((i) => i.ref)])).toEqual([
      ['Training and engagement', [1, 3, 8, 10]],
      ['Awareness', [17, 18]],
    ]);
    const text = JSON.stringify(report);
    expect(text).not.toContain('Two sessions delivered to Probation');
    expect(text).not.toContain('After the period');
    expect(text).not.toContain('7606');
    expect(report.withheld).toEqual([{ ref: 22, reason: 'it looks like it contains a phone number' }]);
  });

  it('numbers paragraphs in order and writes the header, summary, Channel counts and placeholders', () => {
    const report = draft();
    const numbers = report.sections.flatMap((s) => s.paragraphs.map((p) => p.number));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect(report.header).toMatchObject({ committee: 'Safer City Partnership', meetingDate: '2026-12-04', purpose: 'For Information' });
    expect(report.summary).toContain('between 1 September 2026 and 25 November 2026');
    expect(report.summary).toContain('4 actions changed RAG rating in the period: 1 completed, 1 newly RED, 1 improved and 1 worsened.');
    expect(report.sections[0]).toMatchObject({ heading: 'Channel' });
    expect(report.sections[0]?.paragraphs[0]?.text).toMatch(/^There have been no new Channel cases since/);
    expect(report.recommendations[1]).toContain('[Coordinator to complete]');
  });

  it('leaves a Channel placeholder when no counts are typed in, and never reads Channel figures from anywhere else', () => {
    const report = draft({ counts: {} });
    expect(report.sections[0]?.paragraphs[0]?.text).toContain('[Coordinator to complete] Channel activity');
  });

  it('lists overdue actions with their latest notes and what is due before the next meeting', () => {
    const report = draft();
    expect(report.overdue.map((a) => a.ref)).toEqual([5, 9, 10, 11, 14, 22]);
    expect(report.overdue.find((a) => a.ref === 10)?.latestNote).toBe('Forum postponed by the venue.');
    expect(report.slipped.map((a) => a.ref)).toEqual([1, 8]);
    expect(report.dueBeforeNext).toEqual([]);
  });

  it('samples the RAG counts weekly across the period for the chart', () => {
    const series = draft().series;
    expect(series[0]).toMatchObject({ date: '2026-09-01', counts: { RED: 2, AMBER: 12, GREEN: 8, COMPLETE: 2 } });
    expect(series[series.length - 1]).toMatchObject({ date: '2026-11-25', counts: { RED: 2, AMBER: 12, GREEN: 7, COMPLETE: 3 } });
  });
});

describe('the report’s confidentiality check', () => {
  it.each([
    ['Case CH-2026-014 was closed', 'Channel case reference'],
    ['Email j.smith@example.org for slides', 'email address'],
    ['Meet at 12 Acacia Road', 'address'],
    ['Postcode EC2V 7HH', 'postcode'],
  ])('refuses %s', (text, reason) => {
    const check = checkReportText(text);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(reason);
  });

  it('accepts ordinary notes with dates and web addresses', () => {
    expect(checkReportText('Forum held on 26 November 2020 with 25 attendees; see www.actearly.uk')).toEqual({ ok: true });
  });
});

describe('a withheld note in the lists', () => {
  it('says the latest note was left out rather than that there is none', () => {
    const { plan, history } = scriptedPlan();
    const report = composeReport({
      plan,
      history,
      settings: SETTINGS,
      meetingDate: '2026-12-04',
      since: '2026-09-01',
      at: DRAFTED_AT,
      counts: {},
    });
    const a22 = report.overdue.find((a) => a.ref === 22);
    expect(a22).toMatchObject({ latestNote: '', noteWithheld: true });
    const text = report.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).find((t) => t.startsWith('Action 22'));
    expect(text).toContain('Its latest note was left out by the confidentiality check.');
  });
});
