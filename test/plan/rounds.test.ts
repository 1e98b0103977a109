import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  BANK_HOLIDAYS,
  isWorkingDay,
  parseMeetingDate,
  reminderTime,
  roundDatesProblem,
  roundDeadline,
  roundProgress,
  type RoundItemView,
} from '../../bot/plan/rounds.js';

const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/London' }).toFormat('cccc yyyy-MM-dd HH:mm');

/** Easter Sunday (anonymous Gregorian algorithm), to check the Good Fridays and Easter Mondays in the list. */
function easter(year: number): string {
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day).toISODate()!;
}

describe('bank holidays and working days', () => {
  it('lists eight England and Wales bank holidays a year for 2025-2027, all on weekdays, with Easter in the right place', () => {
    for (const year of [2025, 2026, 2027]) {
      const days = [...BANK_HOLIDAYS].filter((d) => d.startsWith(String(year)));
      expect(days).toHaveLength(8);
      for (const d of days) expect(DateTime.fromISO(d).weekday).toBeLessThanOrEqual(5);
      const sunday = DateTime.fromISO(easter(year));
      expect(days).toContain(sunday.minus({ days: 2 }).toISODate());
      expect(days).toContain(sunday.plus({ days: 1 }).toISODate());
    }
  });

  it('skips weekends and bank holidays', () => {
    expect(isWorkingDay('2026-12-04')).toBe(true);
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2026-12-28')).toBe(false);
    expect(addWorkingDays('2026-12-07', -1)).toBe('2026-12-04');
    expect(addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(addWorkingDays('2026-04-07', -2)).toBe('2026-04-01');
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });
});

describe('round deadlines and reminders (Europe/London)', () => {
  const zone = 'Europe/London';
  it.each([
    ['2026-12-04', null, 'Thursday 2026-12-03 17:00', 'Tuesday 2026-12-01 10:00'],
    ['2026-12-07', null, 'Friday 2026-12-04 17:00', 'Wednesday 2026-12-02 10:00'],
    ['2026-12-04', '2026-12-01', 'Tuesday 2026-12-01 17:00', 'Friday 2026-11-27 10:00'],
    ['2026-12-29', null, 'Thursday 2026-12-24 17:00', 'Tuesday 2026-12-22 10:00'],
    ['2026-04-07', null, 'Thursday 2026-04-02 17:00', 'Tuesday 2026-03-31 10:00'],
    ['2026-03-30', null, 'Friday 2026-03-27 17:00', 'Wednesday 2026-03-25 10:00'],
  ])('meeting %s, due %s: deadline %s, reminder %s', (meetingDate, dueDate, deadline, reminder) => {
    const at = roundDeadline({ meetingDate, dueDate, timeZone: zone });
    expect(local(at)).toBe(deadline);
    expect(local(reminderTime(at, zone))).toBe(reminder);
  });

  it('uses local time across the clock change: 17:00 GMT in March before it, 17:00 BST (16:00 UTC) after', () => {
    expect(roundDeadline({ meetingDate: '2026-03-30', timeZone: zone }).toISOString()).toBe('2026-03-27T17:00:00.000Z');
    expect(roundDeadline({ meetingDate: '2026-04-07', timeZone: zone }).toISOString()).toBe('2026-04-02T16:00:00.000Z');
  });

  it('explains dates that cannot work', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const check = (meetingDate: string, dueDate: string | null, at = now) =>
      roundDatesProblem({
        meetingDate,
        dueDate,
        deadline: roundDeadline({ meetingDate, dueDate, timeZone: zone }),
        today: '2026-11-23',
        now: at,
      });
    expect(check('2026-12-04', null)).toBeNull();
    expect(check('2026-11-23', null)).toBe('The meeting must be after today.');
    expect(check('2026-12-04', '2026-12-05')).toBe('Updates must be due on or before the meeting.');
    expect(check('2026-11-24', null)).toBeNull();
    expect(check('2026-11-24', null, new Date('2026-11-23T17:00:00Z'))).toMatch(/already passed/);
  });
});

describe('meeting dates as people write them (today 23 November 2026)', () => {
  it.each([
    ['4 December', '2026-12-04'],
    ['4th December', '2026-12-04'],
    ['Friday 4 December', '2026-12-04'],
    ['4 Dec 2026', '2026-12-04'],
    ['December 4', '2026-12-04'],
    ['the 4th of December', '2026-12-04'],
    ['04/12/2026', '2026-12-04'],
    ['2026-12-04', '2026-12-04'],
    ['10 March', '2027-03-10'],
    ['23 November', '2026-11-23'],
    ['31 February', null],
    ['Smarch 45', null],
    ['soon', null],
  ])('%j → %s', (text, expected) => {
    expect(parseMeetingDate(text, '2026-11-23')).toBe(expected);
  });
});

describe('who has answered a round', () => {
  const item = (actionId: number, personId: number, name: string, unreachable = false): RoundItemView => ({
    actionId,
    ref: actionId,
    title: `Action ${actionId}`,
    personId,
    personName: name,
    organisation: 'Org',
    unreachable,
  });
  const items = [item(1, 1, 'Bea'), item(2, 1, 'Bea'), item(2, 2, 'Al'), item(3, 3, 'Cy', true)];
  const start = '2026-11-23T10:00:00.000Z';

  it('a lead has answered when every one of their actions has an update since the start, whoever made it', () => {
    const p = roundProgress(
      items,
      [
        { actionId: 2, at: '2026-11-23T09:59:00.000Z', by: 'Early', historyId: 1 },
        { actionId: 2, at: '2026-11-24T09:00:00.000Z', by: 'Coordinator', historyId: 2 },
      ],
      start,
    );
    expect(p.leads.map((l) => [l.name, l.answered])).toEqual([
      ['Al', true],
      ['Bea', false],
      ['Cy', false],
    ]);
    expect(p).toMatchObject({ leadsAnswered: 1, actionsTotal: 3, actionsUpdated: 1 });
    expect(p.leads[1]!.actions.map((a) => a.update?.by ?? null)).toEqual([null, 'Coordinator']);
    expect(p.leads[2]!.unreachable).toBe(true);
  });

  it('an update at the very moment the round started counts; the latest update is the one shown', () => {
    const p = roundProgress(
      items,
      [
        { actionId: 1, at: start, by: 'First', historyId: 3 },
        { actionId: 2, at: '2026-11-25T09:00:00.000Z', by: 'Later', historyId: 5 },
        { actionId: 2, at: '2026-11-24T09:00:00.000Z', by: 'Sooner', historyId: 4 },
      ],
      start,
    );
    expect(p.leads.find((l) => l.name === 'Bea')!.actions.map((a) => a.update?.by)).toEqual(['First', 'Later']);
    expect(p.leadsAnswered).toBe(2);
  });
});
