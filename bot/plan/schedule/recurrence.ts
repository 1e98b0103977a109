import { z } from 'zod';
import { addDays, dateParts, isoDate } from '../dates.js';
import { weekdayOf } from './local-time.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time written HH:MM');

/** One meeting moved to another day (and optionally another time): "move the forum to 12 March". */
const MoveSchema = z.object({ from: IsoDate, to: IsoDate, time: Time.optional() });
const moves = { moves: z.array(MoveSchema).optional() };

/** How a meeting repeats, as stored in Schedule.recurrence (JSON). Weekdays are 1 (Monday) to 7 (Sunday). */
export const RecurrenceSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('monthly-weekday'),
    weekday: z.number().int().min(1).max(7),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    ...moves,
  }),
  z.object({ type: z.literal('every-weeks'), weeks: z.number().int().min(1).max(52), start: IsoDate, ...moves }),
  z.object({ type: z.literal('every-months'), months: z.number().int().min(1).max(24), start: IsoDate, ...moves }),
  z.object({ type: z.literal('dates'), dates: z.array(IsoDate).min(1), ...moves }),
]);
/** How a meeting repeats. */
export type Recurrence = z.infer<typeof RecurrenceSchema>;

/** One meeting: its local date, and a time when a move gave it one. */
export interface Meeting {
  date: string;
  time?: string;
  /** the date it was moved from, if it was moved */
  movedFrom?: string;
}

function daysInMonth(year: number, month: number): number {
  return dateParts(isoDate(year, month + 1, 0)).day;
}

/** The nth (or last, -1) weekday of a month. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  if (nth === -1) {
    const last = isoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = isoDate(year, month, 1);
  return addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (nth - 1));
}

function daysFrom(start: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}

/** The start date moved on by whole months, clamped to the month's end (31 August + 6 months = 28 February). */
export function addMonths(start: string, months: number): string {
  const { year, month, day } = dateParts(start);
  const target = isoDate(year, month + months, 1);
  const { year: y, month: m } = dateParts(target);
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

function regularDates(rule: Recurrence, first: string, last: string): string[] {
  const out: string[] = [];
  if (rule.type === 'dates') return rule.dates.filter((d) => d >= first && d <= last).sort();
  if (rule.type === 'monthly-weekday') {
    const { year, month } = dateParts(first);
    for (let m = 0; isoDate(year, month + m, 1) <= last; m++) {
      const { year: y, month: mo } = dateParts(isoDate(year, month + m, 1));
      out.push(nthWeekday(y, mo, rule.weekday, rule.nth));
    }
  } else if (rule.type === 'every-weeks') {
    const step = rule.weeks * 7;
    for (let k = Math.max(0, Math.floor(daysFrom(rule.start, first) / step)); addDays(rule.start, k * step) <= last; k++)
      out.push(addDays(rule.start, k * step));
  } else {
    const { year, month } = dateParts(rule.start);
    const { year: fy, month: fm } = dateParts(first);
    const monthsAhead = (fy - year) * 12 + (fm - month);
    for (let k = Math.max(0, Math.floor(monthsAhead / rule.months) - 1); addMonths(rule.start, k * rule.months) <= last; k++)
      out.push(addMonths(rule.start, k * rule.months));
  }
  return out.filter((d) => d >= first && d <= last);
}

/** Every meeting with a local date from `first` to `last` (inclusive), moves applied, in date order. */
export function meetingsBetween(rule: Recurrence, first: string, last: string): Meeting[] {
  const moved = rule.moves ?? [];
  const movedAway = new Set(moved.map((m) => m.from));
  const meetings: Meeting[] = regularDates(rule, first, last)
    .filter((date) => !movedAway.has(date))
    .map((date) => ({ date }));
  for (const m of moved) if (m.to >= first && m.to <= last) meetings.push({ date: m.to, time: m.time, movedFrom: m.from });
  return meetings.sort((a, b) => a.date.localeCompare(b.date));
}

/** The first meeting on or after a date (within ten years), or null when there is none. */
export function nextMeeting(rule: Recurrence, onOrAfter: string): Meeting | null {
  for (let years = 1; years <= 10; years *= 2) {
    const found = meetingsBetween(rule, onOrAfter, addDays(onOrAfter, 366 * years))[0];
    if (found) return found;
  }
  return null;
}
