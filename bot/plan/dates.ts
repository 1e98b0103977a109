/** Calendar arithmetic on plain 'YYYY-MM-DD' dates: no clock, no time zones. */

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The parts of a 'YYYY-MM-DD' date as numbers (month 1-12). */
export function dateParts(iso: string): { year: number; month: number; day: number } {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = iso.split('-').map(Number);
  return { year, month, day };
}

/** A 'YYYY-MM-DD' date from its parts; out-of-range parts roll over like the calendar does. */
export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

/** Whether the parts name a real calendar day. */
export function isRealDate(year: number, month: number, day: number): boolean {
  return isoDate(year, month, day) === `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The date a number of days after (or, if negative, before) the given date. */
export function addDays(iso: string, days: number): string {
  const { year, month, day } = dateParts(iso);
  return isoDate(year, month, day + days);
}

/** The first day of the month that is a number of months after the given date's month. */
export function monthStart(iso: string, monthsAhead = 0): string {
  const { year, month } = dateParts(iso);
  return isoDate(year, month + monthsAhead, 1);
}

/** The Monday on or before the given date. */
export function weekStart(iso: string): string {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((weekday + 6) % 7));
}

/** The first day of the named month (1-12) that falls strictly after today. */
export function nextMonthStart(month: number, today: string): string {
  const { year } = dateParts(today);
  const thisYear = isoDate(year, month, 1);
  return thisYear > today ? thisYear : isoDate(year + 1, month, 1);
}

/** The year in which the named month (1-12) next ends on or after today: this month counts. */
export function comingMonthYear(month: number, today: string): number {
  const { year, month: current } = dateParts(today);
  return month >= current ? year : year + 1;
}

/** A date as British people write it, e.g. "1 March 2027". */
export function formatDate(iso: string): string {
  const { year, month, day } = dateParts(iso);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** A month as people write it, e.g. "March 2027". */
export function formatMonth(iso: string): string {
  const { year, month } = dateParts(iso);
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * One formatter per time zone (building an Intl.DateTimeFormat costs far more than using one), with the last date it
 * gave and the second it gave it for: a turn asks several times, and every offset is whole seconds, so an instant in
 * the same second has the same date.
 */
const dayFormats = new Map<string, { format: Intl.DateTimeFormat; second: number; date: string }>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function dateIn(instant: Date, timeZone: string): string {
  const second = Math.floor(instant.getTime() / 1000);
  let zone = dayFormats.get(timeZone);
  if (!zone) {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    zone = { format, second: Number.NaN, date: '' };
    dayFormats.set(timeZone, zone);
  }
  if (zone.second !== second) {
    zone.date = zone.format.format(instant);
    zone.second = second;
  }
  return zone.date;
}
