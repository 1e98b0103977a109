import { DateTime } from 'luxon';
import type { Recurrence } from './recurrence.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };
const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** The name of a weekday, 1 (Monday) to 7 (Sunday). */
export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? '';
}

/** "two", "twelve", "13": small numbers in words, as British style guides prefer. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** An instant as people read it in a zone: "Tuesday 1 December 2026 at 10:00". */
export function formatWhen(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).setLocale('en-GB').toFormat("cccc d LLLL yyyy 'at' HH:mm");
}

/** A local date with its weekday: "Tuesday 1 December 2026". */
export function formatDay(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

/** How a meeting repeats, in words: "monthly on the first Tuesday", "every six months from 12 March 2027". */
export function describeRecurrence(rule: Recurrence): string {
  switch (rule.type) {
    case 'monthly-weekday':
      return `monthly on the ${ORDINALS[rule.nth]} ${weekdayName(rule.weekday)}`;
    case 'every-weeks':
      return rule.weeks === 1
        ? `every week from ${formatDay(rule.start)}`
        : `every ${numberWord(rule.weeks)} weeks from ${formatDay(rule.start)}`;
    case 'every-months':
      return rule.months === 1
        ? `monthly from ${formatDay(rule.start)}`
        : `every ${numberWord(rule.months)} months from ${formatDay(rule.start)}`;
    case 'dates':
      return `on ${joinAnd(rule.dates.map(formatDay))}`;
  }
}

/** A lead time in words: 10080 → "a week", 1440 → "a day", 2880 → "two days", 90 → "90 minutes". */
export function describeLead(minutes: number): string {
  const units: [number, string][] = [
    [10080, 'week'],
    [1440, 'day'],
    [60, 'hour'],
    [1, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (minutes % size === 0 && minutes >= size) {
      const n = minutes / size;
      return n === 1 ? `${unit === 'hour' ? 'an' : 'a'} ${unit}` : `${numberWord(n)} ${unit}s`;
    }
  }
  return 'at the time';
}

/** Lead times in words: "a week and a day before" (0 is "when it starts"). */
export function describeLeads(minutes: number[]): string {
  const before = [...new Set(minutes)].filter((m) => m > 0).sort((a, b) => b - a);
  const words = before.length > 0 ? `${joinAnd(before.map(describeLead))} before` : '';
  if (!minutes.includes(0)) return words || 'no reminders';
  return words ? `${words}, and when it starts` : 'when it starts';
}

/** How far ahead a meeting is, from its reminder: "tomorrow", "in a week", "in two hours". */
export function describeAhead(minutes: number): string {
  if (minutes === 1440) return 'tomorrow';
  if (minutes === 0) return 'now';
  return `in ${describeLead(minutes)}`;
}

/** "a, b and c". */
export function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
