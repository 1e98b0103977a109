import { DateTime } from 'luxon';
import type { Recurrence } from './types.js';
import { MONTH_NUMBERS, MONTH_WORD } from './words.js';

/** What a deadline written by people means: a due date, a repeat, or a pointer to another action. */
export interface ParsedDeadline {
  dueDate: string | null;
  recurrence: Recurrence | null;
  refersTo: number | null;
}

const MONTHS = MONTH_NUMBERS;
const MONTH = `(${MONTH_WORD})`;

/** Checked in order: the more specific phrase first (bi-weekly before weekly, bi-annual before annual). */
const RECURRENCE_PATTERNS: [RegExp, Recurrence][] = [
  [/\b(?:bi-?weekly|fortnightly|every (?:two|2) weeks)\b/, 'bi-weekly'],
  [/\b(?:weekly|every week)\b/, 'weekly'],
  [/\b(?:six-?\s?monthly|every (?:six|6) months|bi-?annual(?:ly)?|half-?\s?yearly|twice a year)\b/, 'six-monthly'],
  [/\b(?:quarterly|every (?:three|3) months|every quarter)\b/, 'quarterly'],
  [/\b(?:monthly|every month)\b/, 'monthly'],
  [/\b(?:annual(?:ly)?|yearly|every year|each year|once a year)\b/, 'annual'],
];

function isoDate(year: number, month: number | undefined, day: number | null): string | null {
  if (month === undefined) return null;
  const start = DateTime.fromObject({ year, month, day: day ?? 1 }, { zone: 'utc' });
  if (!start.isValid) return null;
  return (day === null ? start.endOf('month') : start).toISODate();
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** A match's first three groups ('' for a group that did not take part). */
type Groups = [a: string, b: string, c: string];

/** Date patterns, most specific first; each returns an ISO date or null when the match is not a real date. */
const DATE_PATTERNS: [RegExp, (groups: Groups) => string | null][] = [
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`),
    ([day, month, year]) => isoDate(Number(year), MONTHS[month], Number(day)),
  ],
  [
    new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s+(\\d{4})\\b`),
    ([month, day, year]) => isoDate(Number(year), MONTHS[month], Number(day)),
  ],
  [/\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/, ([day, month, year]) => isoDate(fullYear(year), Number(month), Number(day))],
  [/\b(\d{4})-(\d{2})-(\d{2})\b/, ([year, month, day]) => isoDate(Number(year), Number(month), Number(day))],
  [new RegExp(`\\b${MONTH}\\.?,?\\s+(\\d{4})\\b`), ([month, year]) => isoDate(Number(year), MONTHS[month], null)],
  [new RegExp(`\\b${MONTH}\\s?(?:-|'|’)\\s?(\\d{2})\\b`), ([month, year]) => isoDate(fullYear(year), MONTHS[month], null)],
  [/\b((?:19|20)\d{2})\s?[–—/-]\s?((?:19|20)?\d{2})\b/, ([first, second]) => financialYearEnd(Number(first), second)],
  [/\b((?:19|20)\d{2})\b/, ([year]) => isoDate(Number(year), 12, 31)],
];

/** "2021–22" and "2021/2022" mean the UK financial year, which ends on 31 March of the second year. */
function financialYearEnd(first: number, second: string): string | null {
  const end = second.length === 2 ? Math.floor(first / 100) * 100 + Number(second) : Number(second);
  return end === first + 1 ? isoDate(end, 3, 31) : null;
}

const QUARTER_ENDS: [number, number][] = [
  [0, 6],
  [0, 9],
  [0, 12],
  [1, 3],
];
const TERM_ENDS: Record<string, { month: number; secondYear: boolean }> = {
  autumn: { month: 12, secondYear: false },
  spring: { month: 3, secondYear: true },
  summer: { month: 7, secondYear: true },
};

/** Periods named in the public sector's and schools' calendars, checked before plain dates. */
const PERIOD_PATTERNS: [RegExp, (groups: Groups) => string | null][] = [
  [
    /\bq([1-4])\s*(?:fy\s*)?((?:19|20)\d{2})\s*[/–—-]\s*((?:19|20)?\d{2})\b/,
    ([quarter, first, second]) => {
      const end = QUARTER_ENDS[Number(quarter) - 1];
      if (end === undefined || financialYearEnd(Number(first), second) === null) return null;
      return isoDate(Number(first) + end[0], end[1], null);
    },
  ],
  [
    /\b(autumn|spring|summer)\s+term,?\s+((?:19|20)\d{2})(?:\s*[/–—-]\s*((?:19|20)?\d{2}))?\b/,
    ([name, first, second]) => {
      const term = TERM_ENDS[name];
      if (term === undefined) return null;
      const year = second === '' ? Number(first) : Number(first) + (term.secondYear ? 1 : 0);
      return isoDate(year, term.month, null);
    },
  ],
];

const MONTH_ONLY = new RegExp(`^(?:by\\s+)?(?:the\\s+)?(?:end\\s+(?:of\\s+)?)?${MONTH}\\.?$`);

/** "end of March", "by March": the end of that month on or after today (a deadline without a year looks ahead). */
function monthWithoutYear(text: string, today: string | undefined): string | null {
  const match = text.match(MONTH_ONLY);
  if (match === null || today === undefined) return null;
  const month = MONTHS[match[1] ?? ''];
  const [year = 0, current = 0] = today.split('-').map(Number);
  return month === undefined ? null : isoDate(month >= current ? year : year + 1, month, null);
}

function findDate(text: string): string | null {
  for (const [pattern, toDate] of [...PERIOD_PATTERNS, ...DATE_PATTERNS]) {
    const match = text.match(pattern);
    if (match) {
      const [, a = '', b = '', c = ''] = match;
      return toDate([a, b, c]);
    }
  }
  return null;
}

/**
 * Reads a deadline as written in a plan ("October 2021", "2021–22", "Q3 2025/26", "Summer term 2026", "Ongoing – bi-weekly",
 * "See 9 above"). A month without a year ("end of March") needs today (YYYY-MM-DD) and means the coming one.
 */
export function parseDeadline(text: string, today?: string): ParsedDeadline {
  const lower = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const recurrence = RECURRENCE_PATTERNS.find(([pattern]) => pattern.test(lower))?.[1] ?? null;
  const pointer = lower.match(/\bsee (?:action |no\.? ?|number |ref\.? ?)?(\d{1,3})\b/);
  if (pointer) return { dueDate: null, recurrence, refersTo: Number(pointer[1]) };
  return { dueDate: monthWithoutYear(lower, today) ?? findDate(lower), recurrence, refersTo: null };
}
