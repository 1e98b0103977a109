import { dateParts, isRealDate, isoDate, nextMonthStart } from '../dates.js';
import { MONTH_NUMBERS, MONTH_WORD, SMALL_NUMBERS } from '../words.js';

/** Small words people use in chat for dates, times, weekdays and durations, read into plain values. */

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const NUMBERS: Record<string, number> = { a: 1, an: 1, ...SMALL_NUMBERS };

/** A month name or abbreviation, as a regular expression source. */
export { MONTH_WORD };
/** A weekday name or abbreviation, as a regular expression source. */
export const WEEKDAY_WORD = '(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
/** A date as people type it: "12 March", "12th March 2027", "March 12", "2027-03-12", "12/03/2027". */
export const DAY_PHRASE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}(?:\\s+\\d{4})?|${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)`;
/** A time as people type it: "10:00", "10am", "2.30pm", "14.30". */
export const TIME_PHRASE = '(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)?|noon|midday)';
/** A count: a digit or a small number word. */
export const COUNT_WORD = '(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';

/** A count word as a number: "two" → 2, "a" → 1, "3" → 3. */
export function countOf(word: string): number | null {
  const lower = word.toLowerCase();
  return /^\d+$/.test(lower) ? Number(lower) : (NUMBERS[lower] ?? null);
}

/** A weekday name as 1 (Monday) to 7 (Sunday). */
export function weekdayNumber(word: string): number | null {
  const index = WEEKDAYS.indexOf(word.toLowerCase().slice(0, 3));
  return index === -1 ? null : index + 1;
}

function monthNumber(word: string): number | null {
  return MONTH_NUMBERS[word.toLowerCase().slice(0, 3)] ?? null;
}

/** A time phrase as 'HH:MM', or null when it is not a real time. */
export function parseTime(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (t === 'noon' || t === 'midday') return '12:00';
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/.exec(t);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (m[3]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  } else if (!m[2]) return null;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A date phrase as 'YYYY-MM-DD'; without a year, the first such date on or after today. */
export function parseDay(text: string, today: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/(\d)(st|nd|rd|th)\b/, '$1')
    .replace(/\bof\s+/, '')
    .replace(',', '');
  const withYear = (day: number, month: number | null, year: number | null): string | null => {
    if (month === null) return null;
    if (year !== null) return isRealDate(year, month, day) ? isoDate(year, month, day) : null;
    const { year: y } = dateParts(today);
    for (const candidate of [y, y + 1])
      if (isRealDate(candidate, month, day) && isoDate(candidate, month, day) >= today) return isoDate(candidate, month, day);
    return null;
  };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (iso) {
    const [, year = '', month = '', day = ''] = iso;
    return withYear(Number(day), Number(month), Number(year));
  }
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{2,4})$/.exec(t);
  if (slashed) {
    const [, day = '', month = '', year = ''] = slashed;
    return withYear(Number(day), Number(month), year.length === 2 ? 2000 + Number(year) : Number(year));
  }
  const dayFirst = new RegExp(`^(\\d{1,2})\\s+(${MONTH_WORD})(?:\\s+(\\d{4}))?$`).exec(t);
  if (dayFirst) {
    const [, day = '', month = '', year] = dayFirst;
    return withYear(Number(day), monthNumber(month), year ? Number(year) : null);
  }
  const monthFirst = new RegExp(`^(${MONTH_WORD})\\s+(\\d{1,2})(?:\\s+(\\d{4}))?$`).exec(t);
  if (monthFirst) {
    const [, month = '', day = '', year] = monthFirst;
    return withYear(Number(day), monthNumber(month), year ? Number(year) : null);
  }
  return null;
}

/** "until January" → the next 1 January; "until 12 March" → 12 March. Returns the first day reminders resume. */
export function parseUntil(text: string, today: string): string | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/^(?:the\s+)?(?:start|beginning)\s+of\s+/, '');
  const month = new RegExp(`^(${MONTH_WORD})(?:\\s+(\\d{4}))?$`).exec(t);
  if (month) {
    const [, name = '', year] = month;
    const number = monthNumber(name);
    if (number === null) return null;
    if (!year) return nextMonthStart(number, today);
    const date = isoDate(Number(year), number, 1);
    return date > today ? date : null;
  }
  const day = parseDay(t, today);
  return day !== null && day > today ? day : null;
}

/** "a week and a day", "2 days and 1 hour", "30 minutes" → minutes each, or null if any part is not understood. */
export function parseDurations(text: string): number[] | null {
  const parts = text
    .toLowerCase()
    .split(/\s*(?:,|\band\b)\s*/)
    .filter(Boolean);
  const sizes: Record<string, number> = { week: 10080, day: 1440, hour: 60, minute: 1 };
  const out: number[] = [];
  for (const part of parts) {
    const m = new RegExp(`^(${COUNT_WORD})\\s+(week|day|hour|minute)s?$`).exec(part.trim());
    if (!m) return null;
    const [, countWord = '', unit = ''] = m;
    const count = countOf(countWord);
    const size = sizes[unit];
    if (count === null || count < 0 || size === undefined) return null;
    out.push(count * size);
  }
  return out.length > 0 ? out : null;
}
