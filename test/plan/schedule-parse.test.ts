import { describe, expect, it } from 'vitest';
import { parseScheduleRequest } from '../../bot/plan/schedule/parse.js';
import { parseDay, parseDurations, parseTime, parseUntil } from '../../bot/plan/schedule/phrases.js';

const TODAY = '2026-11-22';
const ok = (text: string) => {
  const r = parseScheduleRequest(text, TODAY);
  if (!r.ok) throw new Error(r.problem);
  return r.value;
};

describe('schedule requests in chat', () => {
  it('"schedule the Channel panel monthly on the first Tuesday at 10:00"', () => {
    expect(ok('schedule the Channel panel monthly on the first Tuesday at 10:00')).toEqual({
      name: 'Channel panel',
      kind: 'channel-panel',
      recurrence: { type: 'monthly-weekday', weekday: 2, nth: 1 },
      time: '10:00',
      leadMinutes: [10080, 1440],
      here: false,
    });
  });

  it('every six months from a date, with a pm time', () => {
    expect(ok('schedule the stakeholder forum every six months from 12 March at 2pm')).toMatchObject({
      name: 'Stakeholder forum',
      kind: 'forum',
      recurrence: { type: 'every-months', months: 6, start: '2027-03-12' },
      time: '14:00',
    });
  });

  it('every two weeks on a weekday, posted here, with chosen reminders', () => {
    expect(
      ok('schedule the London Prevent Network every two weeks on Wednesday at 11:00 reminding a day and two hours before here'),
    ).toMatchObject({
      name: 'London Prevent Network',
      kind: 'network',
      recurrence: { type: 'every-weeks', weeks: 2, start: '2026-11-25' },
      time: '11:00',
      leadMinutes: [1440, 120],
      here: true,
    });
    expect(ok('schedule team meeting fortnightly from 7 January 2027 at 09:30').recurrence).toEqual({
      type: 'every-weeks',
      weeks: 2,
      start: '2027-01-07',
    });
  });

  it('a list of dates for the board', () => {
    expect(ok('schedule the partnership board on 3 March, 2 June and 8 September 2027 at 14:00')).toMatchObject({
      name: 'Partnership board',
      kind: 'board',
      recurrence: { type: 'dates', dates: ['2027-03-03', '2027-06-02', '2027-09-08'] },
    });
    expect(ok('schedule the board quarterly from 3 March at 14:00').recurrence).toEqual({
      type: 'every-months',
      months: 3,
      start: '2027-03-03',
    });
    expect(ok('schedule the Channel panel on the last Thursday of every month at 13:00').recurrence).toEqual({
      type: 'monthly-weekday',
      weekday: 4,
      nth: -1,
    });
  });

  it('explains what is missing', () => {
    const problem = (text: string) => {
      const r = parseScheduleRequest(text, TODAY);
      return r.ok ? '' : r.problem;
    };
    expect(problem('schedule the forum every six months from 12 March')).toMatch(/what time/);
    expect(problem('schedule the forum every six months at 10:00')).toMatch(/when the first one is/);
    expect(problem('schedule the forum sometimes at 10:00')).toMatch(/how often/);
    expect(problem('schedule monthly on the first Tuesday at 10:00')).toMatch(/which meeting/);
    expect(problem('schedule the forum on 31 February at 10:00')).toMatch(/could not read one of those dates/);
    expect(problem('schedule the forum every six months from 12 March at 10:00 reminding soon before')).toMatch(/reminder times/);
  });
});

describe('dates, times and durations', () => {
  it('reads times', () => {
    expect(['10:00', '9.30', '10am', '2pm', '12pm', '12am', 'noon'].map(parseTime)).toEqual([
      '10:00',
      '09:30',
      '10:00',
      '14:00',
      '12:00',
      '00:00',
      '12:00',
    ]);
    expect(['25:00', '10', '13pm'].map(parseTime)).toEqual([null, null, null]);
  });

  it('reads dates, choosing the next one when no year is given', () => {
    expect(parseDay('12 March', TODAY)).toBe('2027-03-12');
    expect(parseDay('22 November', TODAY)).toBe('2026-11-22');
    expect(parseDay('1st December 2026', TODAY)).toBe('2026-12-01');
    expect(parseDay('March 12, 2027', TODAY)).toBe('2027-03-12');
    expect(parseDay('12/03/2027', TODAY)).toBe('2027-03-12');
    expect(parseDay('2027-03-12', TODAY)).toBe('2027-03-12');
    expect(parseDay('31 June', TODAY)).toBeNull();
  });

  it('"until January" means until the next 1 January', () => {
    expect(parseUntil('January', TODAY)).toBe('2027-01-01');
    expect(parseUntil('the start of March 2027', TODAY)).toBe('2027-03-01');
    expect(parseUntil('12 March', TODAY)).toBe('2027-03-12');
    expect(parseUntil('November 2026', TODAY)).toBeNull();
  });

  it('reads lead times', () => {
    expect(parseDurations('a week and a day')).toEqual([10080, 1440]);
    expect(parseDurations('2 days, 1 hour and 30 minutes')).toEqual([2880, 60, 30]);
    expect(parseDurations('soon')).toBeNull();
  });
});
