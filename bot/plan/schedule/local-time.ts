import { dateIn } from '../dates.js';
import { DateTime, IANAZone } from 'luxon';

/**
 * Local (wall-clock) times in a partnership's time zone, resolved to instants.
 *
 * Clock changes (Europe/London: last Sundays of March and October):
 * - a local time the clocks skip (spring forward, 01:00-01:59 on 29 March 2026) resolves to the
 *   first valid instant after the gap, the moment the clocks go forward: 01:30 → 02:00 BST (01:00 UTC);
 * - a local time that happens twice (fall back, 01:00-01:59 on 25 October 2026) resolves to the
 *   first of the two: 01:30 → 01:30 BST (00:30 UTC). It fires once, because every occurrence key
 *   names the local date, not the instant.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Whether a name is a time zone luxon knows (e.g. "Europe/London"). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

function offsetMinutes(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** Milliseconds of a wall-clock date and time, as if it were UTC. */
function wallMillis(date: string, time: string): number {
  const [y = Number.NaN, mo = Number.NaN, d = Number.NaN] = date.split('-').map(Number);
  const [h = Number.NaN, mi = Number.NaN] = time.split(':').map(Number);
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * Instants already resolved, by zone, date and time: the scheduler asks for the same few (every partnership's 08:00
 * on the same three dates, nearly all in Europe/London) on every tick, and each costs several time-zone lookups. The
 * answer never changes for a given zone, date and time. Emptied when full: it holds a day's worth many times over.
 */
const resolved = new Map<string, number>();
const MAX_RESOLVED = 4096;

/** The instant a local date ('YYYY-MM-DD') and time ('HH:MM') name in a zone, with the clock-change rules above. */
export function resolveLocal(date: string, time: string, zone: string): Date {
  const key = `${zone}|${date}|${time}`;
  let ms = resolved.get(key);
  if (ms === undefined) {
    ms = resolveUncached(date, time, zone);
    if (resolved.size >= MAX_RESOLVED) resolved.clear();
    resolved.set(key, ms);
  }
  return new Date(ms);
}

function resolveUncached(date: string, time: string, zone: string): number {
  const wall = wallMillis(date, time);
  const offsets = [...new Set([-DAY, 0, DAY].map((shift) => offsetMinutes(wall + shift, zone)))];
  const valid = offsets
    .map((offset) => wall - offset * MINUTE)
    .filter((ms) => ms + offsetMinutes(ms, zone) * MINUTE === wall)
    .sort((a, b) => a - b);
  const earliest = valid[0];
  if (earliest !== undefined) return earliest;
  let before = wall - Math.max(...offsets) * MINUTE;
  let after = wall - Math.min(...offsets) * MINUTE;
  const offsetBefore = offsetMinutes(before, zone);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetMinutes(middle, zone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}

/** The local date ('YYYY-MM-DD') of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return dateIn(instant, zone);
}

/** The local date and time ('HH:MM') of an instant in a zone. */
export function localWall(instant: Date, zone: string): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new RangeError(`No local time for ${String(instant)} in ${zone}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return { date: dt.toISODate(), time: dt.toFormat('HH:mm') };
}

/** A wall-clock date and time moved back by some minutes on the calendar, ignoring clock changes. */
export function wallMinus(date: string, time: string, minutes: number): { date: string; time: string } {
  const moved = new Date(wallMillis(date, time) - minutes * MINUTE).toISOString();
  return { date: moved.slice(0, 10), time: moved.slice(11, 16) };
}

/** Day of the week of a 'YYYY-MM-DD' date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every local date from one date to another, inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= Date.parse(`${last}T00:00:00Z`); ms += DAY) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The instants in (from, to] at which a local time falls, on the local dates a test accepts:
 * e.g. every Monday at 09:00 for a weekly digest.
 */
export function localTimesBetween(
  from: Date,
  to: Date,
  zone: string,
  time: string,
  accept: (date: string) => boolean,
): { date: string; at: Date }[] {
  const first = localDate(new Date(from.getTime() - DAY), zone);
  const last = localDate(new Date(to.getTime() + DAY), zone);
  return datesBetween(first, last)
    .filter(accept)
    .map((date) => ({ date, at: resolveLocal(date, time, zone) }))
    .filter(({ at }) => at > from && at <= to);
}
