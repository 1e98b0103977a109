import { describe, expect, it } from 'vitest';
import { describeLeads, describeRecurrence } from '../../bot/plan/schedule/describe.js';
import { reminderOccurrences, type ScheduleView } from '../../bot/plan/schedule/occurrences.js';
import { addMonths, meetingsBetween, nextMeeting, nthWeekday, type Recurrence } from '../../bot/plan/schedule/recurrence.js';

const dates = (rule: Recurrence, first: string, last: string) => meetingsBetween(rule, first, last).map((m) => m.date);

function schedule(overrides: Partial<ScheduleView> = {}): ScheduleView {
  return {
    id: 3,
    partnership: 'City of London',
    kind: 'channel-panel',
    name: 'Channel panel',
    recurrence: { type: 'monthly-weekday', weekday: 2, nth: 1 },
    time: '10:00',
    leadMinutes: [10080, 1440],
    conversationId: null,
    timeZone: 'Europe/London',
    active: true,
    ...overrides,
  };
}

describe('recurrences', () => {
  it('monthly on the first Tuesday, and the last Thursday', () => {
    expect(dates({ type: 'monthly-weekday', weekday: 2, nth: 1 }, '2026-11-01', '2027-02-28')).toEqual([
      '2026-11-03',
      '2026-12-01',
      '2027-01-05',
      '2027-02-02',
    ]);
    expect(nthWeekday(2026, 10, 4, -1)).toBe('2026-10-29');
    expect(nthWeekday(2026, 3, 2, 4)).toBe('2026-03-24');
  });

  it('every two weeks from a start date', () => {
    expect(dates({ type: 'every-weeks', weeks: 2, start: '2026-01-07' }, '2026-03-01', '2026-03-31')).toEqual(['2026-03-04', '2026-03-18']);
    expect(dates({ type: 'every-weeks', weeks: 2, start: '2026-12-02' }, '2026-11-01', '2026-12-20')).toEqual(['2026-12-02', '2026-12-16']);
  });

  it('every six months, clamped to the end of short months', () => {
    expect(dates({ type: 'every-months', months: 6, start: '2026-03-12' }, '2026-01-01', '2028-01-01')).toEqual([
      '2026-03-12',
      '2026-09-12',
      '2027-03-12',
      '2027-09-12',
    ]);
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('a list of dates, and moved meetings', () => {
    const rule: Recurrence = {
      type: 'dates',
      dates: ['2027-03-03', '2027-06-02', '2027-09-08'],
      moves: [{ from: '2027-06-02', to: '2027-06-09', time: '15:00' }],
    };
    expect(meetingsBetween(rule, '2027-01-01', '2027-12-31')).toEqual([
      { date: '2027-03-03' },
      { date: '2027-06-09', time: '15:00', movedFrom: '2027-06-02' },
      { date: '2027-09-08' },
    ]);
    expect(nextMeeting(rule, '2027-03-04')).toEqual({ date: '2027-06-09', time: '15:00', movedFrom: '2027-06-02' });
    expect(nextMeeting({ type: 'dates', dates: ['2020-01-01'] }, '2026-01-01')).toBeNull();
  });

  it('describes recurrences and lead times in British English', () => {
    expect(describeRecurrence({ type: 'monthly-weekday', weekday: 2, nth: 1 })).toBe('monthly on the first Tuesday');
    expect(describeRecurrence({ type: 'every-weeks', weeks: 2, start: '2026-01-07' })).toBe(
      'every two weeks from Wednesday 7 January 2026',
    );
    expect(describeRecurrence({ type: 'every-months', months: 6, start: '2027-03-12' })).toBe('every six months from Friday 12 March 2027');
    expect(describeRecurrence({ type: 'dates', dates: ['2027-03-03', '2027-06-02'] })).toBe(
      'on Wednesday 3 March 2027 and Wednesday 2 June 2027',
    );
    expect(describeLeads([1440, 10080])).toBe('a week and a day before');
    expect(describeLeads([120, 0])).toBe('two hours before, and when it starts');
  });
});

describe('reminder occurrences', () => {
  it('a week and a day before the first-Tuesday panel, at 10:00 local', () => {
    const found = reminderOccurrences(schedule(), new Date('2026-11-20T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(found.map((o) => [o.at.toISOString(), o.leadMinutes])).toEqual([
      ['2026-11-24T10:00:00.000Z', 10080],
      ['2026-11-30T10:00:00.000Z', 1440],
    ]);
    expect(found[0]?.key).toBe('schedule:3:2026-12-01T10:00:00.000Z:10080');
  });

  it('across 29 March 2026: a reminder a week before a BST meeting is at the same local time in GMT', () => {
    const board = schedule({
      id: 5,
      kind: 'board',
      name: 'Partnership board',
      recurrence: { type: 'dates', dates: ['2026-03-31'] },
      time: '14:00',
    });
    const found = reminderOccurrences(board, new Date('2026-03-20T00:00:00Z'), new Date('2026-04-01T00:00:00Z'));
    expect(found.map((o) => o.at.toISOString())).toEqual(['2026-03-24T14:00:00.000Z', '2026-03-30T13:00:00.000Z']);
    expect(found[0]?.meeting.at.toISOString()).toBe('2026-03-31T13:00:00.000Z');
  });

  it('across 25 October 2026: a forum on 27 October at 10:00 is reminded at 10:00 BST a week before and 10:00 GMT the day before', () => {
    const forum = schedule({
      id: 7,
      kind: 'forum',
      name: 'Stakeholder forum',
      recurrence: { type: 'every-months', months: 6, start: '2026-04-27' },
      time: '10:00',
    });
    const found = reminderOccurrences(forum, new Date('2026-10-15T00:00:00Z'), new Date('2026-10-28T00:00:00Z'));
    expect(found.map((o) => o.at.toISOString())).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-26T10:00:00.000Z']);
  });

  it('a reminder that lands in the spring gap fires at 02:00 BST; one in the autumn overlap fires once', () => {
    const spring = schedule({ recurrence: { type: 'dates', dates: ['2026-03-30'] }, time: '01:30', leadMinutes: [1440] });
    expect(
      reminderOccurrences(spring, new Date('2026-03-28T00:00:00Z'), new Date('2026-03-31T00:00:00Z')).map((o) => o.at.toISOString()),
    ).toEqual(['2026-03-29T01:00:00.000Z']);
    const autumn = schedule({ recurrence: { type: 'dates', dates: ['2026-10-26'] }, time: '01:30', leadMinutes: [1440] });
    expect(
      reminderOccurrences(autumn, new Date('2026-10-24T00:00:00Z'), new Date('2026-10-27T00:00:00Z')).map((o) => o.at.toISOString()),
    ).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('windows are exclusive at the start and inclusive at the end, so consecutive ticks never repeat one', () => {
    const at = new Date('2026-11-24T10:00:00Z');
    expect(reminderOccurrences(schedule(), new Date(at.getTime() - 60_000), at)).toHaveLength(1);
    expect(reminderOccurrences(schedule(), at, new Date(at.getTime() + 60_000))).toHaveLength(0);
    expect(reminderOccurrences(schedule({ active: false }), new Date(at.getTime() - 60_000), at)).toHaveLength(0);
  });
});
