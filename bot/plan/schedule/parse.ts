import { addDays } from '../dates.js';
import { weekdayOf } from './local-time.js';
import { DEFAULT_LEAD_MINUTES, kindOfName, type ScheduleKind } from './occurrences.js';
import {
  COUNT_WORD,
  countOf,
  DAY_PHRASE,
  parseDay,
  parseDurations,
  parseTime,
  TIME_PHRASE,
  WEEKDAY_WORD,
  weekdayNumber,
} from './phrases.js';
import type { Recurrence } from './recurrence.js';

/** A schedule as a coordinator described it in chat or on the command line. */
export interface ScheduleRequest {
  name: string;
  kind: ScheduleKind;
  recurrence: Recurrence;
  time: string;
  leadMinutes: number[];
  /** "... here": post to the conversation the request came from */
  here: boolean;
}

/** A reading of chat text: the value, or what the person should say instead. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const EXAMPLE =
  'For example: "schedule the Channel panel monthly on the first Tuesday at 10:00", "schedule the forum every six months from 12 March at 14:00", "schedule the London Prevent Network every two weeks on Wednesday at 11:00" or "schedule the board on 3 March, 2 June and 8 September at 14:00".';
const ORDINAL = '(first|second|third|fourth|last|1st|2nd|3rd|4th)';
const NTH: Record<string, 1 | 2 | 3 | 4 | -1> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  last: -1,
};
const MONTH_COUNTS: Record<string, number> = {
  monthly: 1,
  quarterly: 3,
  'six-monthly': 6,
  'six monthly': 6,
  'twice a year': 6,
  annually: 12,
  yearly: 12,
  'every year': 12,
  'every quarter': 3,
  'every month': 1,
};

type RuleMatch = { index: number; length: number; rule: Recurrence } | { index: number; length: number; problem: string };

function firstOnOrAfter(today: string, weekday: number): string {
  return addDays(today, (weekday - weekdayOf(today) + 7) % 7);
}

function findRule(text: string, today: string): RuleMatch | null {
  const monthly = new RegExp(
    `\\b(?:monthly|every\\s+month)\\s+on\\s+the\\s+${ORDINAL}\\s+(${WEEKDAY_WORD})\\b|\\bon\\s+the\\s+${ORDINAL}\\s+(${WEEKDAY_WORD})\\s+of\\s+(?:every|each|the)\\s+month\\b`,
    'i',
  ).exec(text);
  if (monthly) {
    const nth = NTH[(monthly[1] ?? monthly[3] ?? '').toLowerCase()];
    const weekday = weekdayNumber(monthly[2] ?? monthly[4] ?? '');
    if (nth === undefined || weekday === null)
      return { index: monthly.index, length: monthly[0].length, problem: 'Say which week and day, e.g. "monthly on the first Tuesday".' };
    return { index: monthly.index, length: monthly[0].length, rule: { type: 'monthly-weekday', weekday, nth } };
  }
  const weekly = new RegExp(
    `\\b(?:every\\s+(${COUNT_WORD})\\s+weeks|(fortnightly|bi-?weekly|every\\s+other\\s+week)|(weekly|every\\s+week))(?:\\s+on\\s+(${WEEKDAY_WORD})s?)?(?:\\s+(?:from|starting(?:\\s+on)?)\\s+(${DAY_PHRASE}))?`,
    'i',
  ).exec(text);
  if (weekly) {
    const weeks = weekly[1] ? countOf(weekly[1]) : weekly[2] ? 2 : 1;
    const weekday = weekly[4] ? weekdayNumber(weekly[4]) : null;
    const start = weekly[5] ? parseDay(weekly[5], today) : weekday ? firstOnOrAfter(today, weekday) : null;
    if (!weeks || weeks > 52)
      return { index: weekly.index, length: weekly[0].length, problem: 'I can repeat a meeting every 1 to 52 weeks.' };
    if (!start)
      return {
        index: weekly.index,
        length: weekly[0].length,
        problem: 'Say which day it starts, e.g. "every two weeks on Wednesday" or "every two weeks from 7 January".',
      };
    return { index: weekly.index, length: weekly[0].length, rule: { type: 'every-weeks', weeks, start } };
  }
  const months = new RegExp(
    `\\b(?:every\\s+(${COUNT_WORD})\\s+months|(monthly|quarterly|six[-\\s]monthly|twice\\s+a\\s+year|annually|yearly|every\\s+year|every\\s+quarter|every\\s+month))(?:\\s+(?:from|starting(?:\\s+on)?)\\s+(${DAY_PHRASE}))?`,
    'i',
  ).exec(text);
  if (months) {
    const count = months[1] ? countOf(months[1]) : MONTH_COUNTS[(months[2] ?? '').toLowerCase().replace(/\s+/g, ' ')];
    const start = months[3] ? parseDay(months[3], today) : null;
    if (!count || count > 24)
      return { index: months.index, length: months[0].length, problem: 'I can repeat a meeting every 1 to 24 months.' };
    if (!start)
      return {
        index: months.index,
        length: months[0].length,
        problem: 'Say when the first one is, e.g. "every six months from 12 March".',
      };
    return { index: months.index, length: months[0].length, rule: { type: 'every-months', months: count, start } };
  }
  const list = new RegExp(`\\bon\\s+(${DAY_PHRASE}(?:\\s*(?:,|\\band\\b)\\s*${DAY_PHRASE})*)`, 'i').exec(text);
  const listed = list?.[1];
  if (list && listed) {
    const dates = listed
      .split(/\s*(?:,(?!\s*\d{4})|\band\b)\s*/i)
      .filter(Boolean)
      .map((d) => parseDay(d, today));
    if (dates.some((d) => d === null))
      return { index: list.index, length: list[0].length, problem: 'I could not read one of those dates. Write them like "3 March 2027".' };
    const unique = [...new Set(dates as string[])].sort();
    if (unique.length > MAX_LISTED_DATES)
      return {
        index: list.index,
        length: list[0].length,
        problem: `I can take at most ${MAX_LISTED_DATES} dates in one schedule; you gave ${unique.length}. Use a repeating pattern such as "monthly" instead.`,
      };
    return { index: list.index, length: list[0].length, rule: { type: 'dates', dates: unique } };
  }
  return null;
}

/** Most reminders before one meeting, earliest reminder (days before), and most dates listed in one schedule. */
const MAX_REMINDERS = 5;
const MAX_LEAD_DAYS = 60;
const MAX_LISTED_DATES = 52;

function cleanName(raw: string): string {
  const name = raw
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(/[\s,.]+$/, '')
    .trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Reads "the Channel panel monthly on the first Tuesday at 10:00 [reminding a week and a day before] [here]". */
export function parseScheduleRequest(input: string, today: string): Parsed<ScheduleRequest> {
  let text = input
    .trim()
    .replace(/^schedule\s+/i, '')
    .replace(/[.!]+$/, '');
  const here = /\s+(?:here|in\s+this\s+channel)$/i.test(text);
  text = text.replace(/\s+(?:here|in\s+this\s+channel)$/i, '');
  let leadMinutes = DEFAULT_LEAD_MINUTES;
  const remind = /[\s,]+(?:with\s+reminders?|remind(?:ing)?(?:\s+(?:people|us|members|everyone))?)\s+(.+?)\s+before$/i.exec(text);
  if (remind) {
    const leads = parseDurations(remind[1] ?? '');
    if (!leads)
      return { ok: false, problem: 'I could not read the reminder times. Say, for example, "reminding a week and a day before".' };
    leadMinutes = [...new Set(leads)].sort((a, b) => b - a);
    if (leadMinutes.length > MAX_REMINDERS)
      return {
        ok: false,
        problem: `I can send at most ${MAX_REMINDERS} reminders before each meeting; you asked for ${leadMinutes.length}.`,
      };
    if ((leadMinutes[0] ?? 0) > MAX_LEAD_DAYS * 1440)
      return { ok: false, problem: `I can remind people at most ${MAX_LEAD_DAYS} days before a meeting. Choose a shorter reminder time.` };
    text = text.slice(0, remind.index);
  }
  const timeMatch = new RegExp(`\\s+at\\s+(${TIME_PHRASE})(?=\\s|$)`, 'i').exec(text);
  const timeText = timeMatch?.[1];
  const time = timeText ? parseTime(timeText) : null;
  if (!timeMatch || !time) return { ok: false, problem: `Say what time the meeting starts, e.g. "at 10:00". ${EXAMPLE}` };
  text = `${text.slice(0, timeMatch.index)} ${text.slice(timeMatch.index + timeMatch[0].length)}`.replace(/\s+/g, ' ').trim();
  const found = findRule(text, today);
  if (!found) return { ok: false, problem: `I could not tell how often it meets. ${EXAMPLE}` };
  if ('problem' in found) return { ok: false, problem: found.problem };
  const name = cleanName(text.slice(0, found.index));
  if (!name) return { ok: false, problem: `Say which meeting, e.g. "schedule the forum ...". ${EXAMPLE}` };
  const rest = text.slice(found.index + found.length).trim();
  if (rest) return { ok: false, problem: `I did not understand "${rest}". ${EXAMPLE}` };
  return { ok: true, value: { name, kind: kindOfName(name), recurrence: found.rule, time, leadMinutes, here } };
}
