import { addDays, comingMonthYear, dateParts, isRealDate, isoDate, monthStart, nextMonthStart, weekStart } from '../dates.js';
import type { ActionFilter } from './types.js';
import { matchAt, phraseStems, stem, stemAt, takePhrase, use, type Sentence } from './tokens.js';

type Due = NonNullable<ActionFilter['due']>;
type Range = { from?: string; before?: string };

const MONTHS = new Map<string, number>(
  [
    'january february march april may june july august september october november december',
    'jan feb mar apr may jun jul aug sep oct nov dec',
  ].flatMap((list) => list.split(' ').map((name, i): [string, number] => [stem(name), i + 1])),
);
MONTHS.set('sept', 9);

const OVERDUE = [
  'overdue',
  'over due',
  'late',
  'past due',
  'past deadline',
  'past the deadline',
  'past their deadline',
  'missed deadline',
  'missed the deadline',
  'missed their deadline',
  'behind schedule',
].map(phraseStems);

/** Which way a preposition points: "before March" ends before it starts, "by March" ends when it ends. */
const PREPOSITIONS: Record<string, 'before' | 'by' | 'in' | 'after' | 'from'> = {
  before: 'before',
  by: 'by',
  until: 'by',
  till: 'by',
  in: 'in',
  during: 'in',
  due: 'in',
  for: 'in',
  after: 'after',
  from: 'from',
};

/** A written date: a year, a month (of a year or not) or a day of a month. */
interface Spec {
  year?: number;
  month?: number;
  day?: number;
  length: number;
}

function readSpec(s: Sentence, i: number): Spec | null {
  const at = (k: number): string => (s.used[k] ? '' : (s.tokens[k]?.stem ?? ''));
  const year = (k: number): number | undefined => (/^(?:19|20)\d\d$/.test(at(k)) ? Number(at(k)) : undefined);
  let k = i;
  const dayMatch = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(at(k));
  const day = dayMatch && MONTHS.has(at(k + 1) === 'of' ? at(k + 2) : at(k + 1)) ? Number(dayMatch[1]) : undefined;
  if (day !== undefined) k += at(k + 1) === 'of' ? 2 : 1;
  const month = MONTHS.get(at(k));
  if (month === undefined) {
    const y = year(k);
    return day === undefined && y !== undefined ? { year: y, length: 1 } : null;
  }
  const y = year(k + 1);
  return { year: y, month, day, length: k + (y === undefined ? 1 : 2) - i };
}

/** The first day of a written date and the day after its last, choosing the year when none is written. */
function span(spec: Spec, today: string, strictlyAfterToday: boolean): { start: string; end: string } {
  const { month, day } = spec;
  if (month === undefined) {
    const only = spec.year ?? dateParts(today).year;
    return { start: isoDate(only, 1, 1), end: isoDate(only + 1, 1, 1) };
  }
  let year = spec.year;
  if (year === undefined && day !== undefined) {
    year = dateParts(today).year;
    const candidate = isoDate(year, month, day);
    if (strictlyAfterToday ? candidate <= today : candidate < today) year += 1;
  } else if (year === undefined) {
    const start = strictlyAfterToday ? nextMonthStart(month, today) : isoDate(comingMonthYear(month, today), month, 1);
    return { start, end: monthStart(start, 1) };
  }
  if (day !== undefined && isRealDate(year, month, day)) {
    return { start: isoDate(year, month, day), end: isoDate(year, month, day + 1) };
  }
  return { start: isoDate(year, month, 1), end: isoDate(year, month + 1, 1) };
}

function relative(s: Sentence, today: string): Range | null {
  const periods: [string, () => Range][] = [
    ['this week', () => ({ from: weekStart(today), before: addDays(weekStart(today), 7) })],
    ['next week', () => ({ from: addDays(weekStart(today), 7), before: addDays(weekStart(today), 14) })],
    ['this month', () => ({ from: monthStart(today), before: monthStart(today, 1) })],
    ['next month', () => ({ from: monthStart(today, 1), before: monthStart(today, 2) })],
    ['this year', () => ({ from: isoDate(dateParts(today).year, 1, 1), before: isoDate(dateParts(today).year + 1, 1, 1) })],
    ['next year', () => ({ from: isoDate(dateParts(today).year + 1, 1, 1), before: isoDate(dateParts(today).year + 2, 1, 1) })],
  ];
  for (const [phrase, range] of periods) if (takePhrase(s, [phraseStems(phrase)])) return range();
  return null;
}

function written(s: Sentence, today: string): Range | null {
  for (let i = 0; i < s.tokens.length; i += 1) {
    if (s.used[i]) continue;
    const preposition = PREPOSITIONS[stemAt(s, i)];
    const skip = preposition ? matchAt(s, i + 1, ['the', 'end', 'of']) || matchAt(s, i + 1, ['end', 'of']) : 0;
    const spec = readSpec(s, preposition ? i + 1 + skip : i);
    if (!spec || (!preposition && spec.year === undefined)) continue;
    const way = skip > 0 && preposition === 'before' ? 'by' : (preposition ?? 'in');
    const { start, end } = span(spec, today, way === 'before');
    use(s, i, i + (preposition ? 1 + skip : 0) + spec.length);
    if (way === 'before') return { before: start };
    if (way === 'by') return { before: end };
    if (way === 'after') return { from: end };
    if (way === 'from') return { from: start };
    return { from: start, before: end };
  }
  return null;
}

const UPCOMING = ['due', 'upcoming', 'coming up', 'still to come'].map(phraseStems);

/**
 * Takes what the question says about due dates: "overdue", "this month", "before March", "by October 2021".
 * "Due" or "upcoming" with no date means due from today on, except in a search ("find due to Covid").
 */
export function takeDue(s: Sentence, today: string, searching: boolean): Due | undefined {
  const due: Due = {};
  while (takePhrase(s, OVERDUE)) due.overdue = true;
  for (let range = relative(s, today) ?? written(s, today); range; range = relative(s, today) ?? written(s, today)) {
    if (range.from && (!due.from || range.from > due.from)) due.from = range.from;
    if (range.before && (!due.before || range.before < due.before)) due.before = range.before;
  }
  if (Object.keys(due).length === 0 && !searching && takePhrase(s, UPCOMING)) due.from = today;
  return Object.keys(due).length > 0 ? due : undefined;
}
