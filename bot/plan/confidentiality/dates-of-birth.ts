import { isRealDate } from '../dates.js';

/** Dates of birth in any common format: "03/04/2011", "3.4.11", "2011-04-03", "3rd April 2011", "April 3, 2011", "03042011". */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

/** A full calendar date found in text, with where it starts. */
interface FoundDate {
  year: number;
  index: number;
}

const monthNumber = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** A two-digit year as people mean it: this century up to the reference year, the last century after it. */
function fullYear(text: string, referenceYear: number): number {
  const n = Number(text);
  if (text.length === 4) return n;
  return 2000 + n <= referenceYear ? 2000 + n : 1900 + n;
}

/** Every full date (day, month and year) written in the text. */
export function fullDatesIn(text: string, referenceYear: number): FoundDate[] {
  const found: FoundDate[] = [];
  const add = (y: number, m: number, d: number, index: number) => {
    if (isRealDate(y, m, d)) found.push({ year: y, index });
  };
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})(?![\d])/g))
    add(fullYear(m[3] ?? '', referenceYear), Number(m[2]), Number(m[1]), m.index);
  for (const m of text.matchAll(/(?<![\d.\-/])(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?![\d])/g))
    add(Number(m[1]), Number(m[2]), Number(m[3]), m.index);
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})${ORDINAL}\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*'?(\\d{4}|\\d{2})(?!\\d)`, 'gi')))
    add(fullYear(m[3] ?? '', referenceYear), monthNumber(m[2] ?? ''), Number(m[1]), m.index);
  for (const m of text.matchAll(new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?!\\d)`, 'gi')))
    add(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]), m.index);
  for (const m of text.matchAll(/(?<!\d)(\d{8})(?!\d)/g)) {
    const run = m[1] ?? '';
    add(Number(run.slice(4)), Number(run.slice(2, 4)), Number(run.slice(0, 2)), m.index);
    add(Number(run.slice(0, 4)), Number(run.slice(4, 6)), Number(run.slice(6)), m.index);
  }
  return found.filter((f) => f.year >= 1900 && f.year <= 2100);
}

/** A six-digit run read as a date, either day-month-year or year-month-day (used inside references: "JS120309"). */
export function isSixDigitDate(run: string, referenceYear: number): boolean {
  if (!/^\d{6}$/.test(run)) return false;
  const [a, b, c] = [run.slice(0, 2), run.slice(2, 4), run.slice(4)];
  return isRealDate(fullYear(c, referenceYear), Number(b), Number(a)) || isRealDate(fullYear(a, referenceYear), Number(b), Number(c));
}

/** Words that say a date of birth follows: DOB, D.O.B., date of birth, born, birthday. */
const BIRTH_WORD = /\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on|\s+in)?|birthday)(?=[\s:;,-]|$)/gi;

/** How many years back a full date has to be before it reads as someone's birthday rather than a plan event. */
export const BIRTH_YEARS_BACK = 8;

/**
 * Whether the text holds a date of birth: any date after a word like "DOB" or "born", or a full date at least
 * BIRTH_YEARS_BACK years before the reference year (plan events are recent; "Channel panel met 12/03/2026" passes).
 */
export function hasDateOfBirth(text: string, referenceYear: number): boolean {
  for (const m of text.matchAll(BIRTH_WORD)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/\d/.test(after) || new RegExp(MONTH, 'i').test(after)) return true;
  }
  return fullDatesIn(text, referenceYear).some((d) => d.year <= referenceYear - BIRTH_YEARS_BACK);
}
