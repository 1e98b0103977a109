import { DateTime } from 'luxon';
import { addDays, dateIn, isRealDate, isoDate } from './dates.js';

/** England and Wales bank holidays, 2025-2027 (gov.uk). Outside these years only weekends are skipped. */
export const BANK_HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
]);

/** Answers are due at 17:00 and reminders go at 10:00, local time. */
export const DEADLINE_TIME = { hour: 17, minute: 0 };
export const REMINDER_TIME = { hour: 10, minute: 0 };

/** Monday to Friday, and not a bank holiday. */
export function isWorkingDay(iso: string): boolean {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(iso);
}

/** The working day `count` working days before (negative) or after (positive) a date. */
export function addWorkingDays(iso: string, count: number): string {
  let day = iso;
  for (let left = Math.abs(count); left > 0; ) {
    day = addDays(day, Math.sign(count));
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** A local wall-clock time on a date, as an instant. */
export function localInstant(iso: string, time: { hour: number; minute: number }, timeZone: string): Date {
  return DateTime.fromISO(iso, { zone: timeZone })
    .set({ ...time, second: 0, millisecond: 0 })
    .toJSDate();
}

/** When a round closes: the due date, or else the working day before the meeting, at 17:00 local time. */
export function roundDeadline(input: { meetingDate: string; dueDate?: string | null; timeZone: string }): Date {
  return localInstant(input.dueDate ?? addWorkingDays(input.meetingDate, -1), DEADLINE_TIME, input.timeZone);
}

/** When leads who have not answered are reminded: 10:00 local, two working days before the deadline's day. */
export function reminderTime(deadline: Date, timeZone: string): Date {
  return localInstant(addWorkingDays(dateIn(deadline, timeZone), -2), REMINDER_TIME, timeZone);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word: string) => MONTHS.indexOf(word.slice(0, 3)) + 1;

/** Day, month (0 when the word is not a month) and year, if given, of a cleaned-up meeting date; null for any other shape. */
function meetingDateParts(t: string): { day: number; month: number; year: number | null } | null {
  const yearOf = (text: string | undefined) => (text ? Number(text) : null);
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const slashed = t.match(/^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/);
  if (slashed) return { day: Number(slashed[1]), month: Number(slashed[2]), year: yearOf(slashed[3]) };
  const dayFirst = t.match(/^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)(?: (\d{4}))?$/);
  if (dayFirst) return { day: Number(dayFirst[1]), month: monthOf(dayFirst[2] ?? ''), year: yearOf(dayFirst[3]) };
  const monthFirst = t.match(/^([a-z]+) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/);
  if (monthFirst) return { day: Number(monthFirst[2]), month: monthOf(monthFirst[1] ?? ''), year: yearOf(monthFirst[3]) };
  return null;
}

/** A date people write: "4 December", "4th Dec 2026", "December 4", "Friday 4 December", "04/12/2026", "2026-12-04". Without a year, the next such day from today. */
export function parseMeetingDate(text: string, today: string): string | null {
  const t = text
    .toLowerCase()
    .replace(/\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b,?/g, ' ')
    .replace(/\bthe\b|\bof\b|,/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const parts = meetingDateParts(t);
  if (!parts) return null;
  const { day, month, year } = parts;
  if (month < 1) return null;
  const thisYear = Number(today.slice(0, 4));
  const y = year ?? (isoDate(thisYear, month, day) >= today ? thisYear : thisYear + 1);
  return isRealDate(y, month, day) ? isoDate(y, month, day) : null;
}

/** What is wrong with a round's dates, in words; null when they are fine. */
export function roundDatesProblem(input: {
  meetingDate: string;
  dueDate: string | null;
  deadline: Date;
  today: string;
  now: Date;
}): string | null {
  if (input.meetingDate <= input.today) return 'The meeting must be after today.';
  if (input.dueDate && input.dueDate > input.meetingDate) return 'Updates must be due on or before the meeting.';
  if (input.deadline.getTime() <= input.now.getTime())
    return 'The deadline for updates has already passed: say when they are due, e.g. "with updates due by" a later day.';
  return null;
}

/** One action a lead was asked about in a round. */
export interface RoundItemView {
  actionId: number;
  ref: number;
  title: string;
  personId: number;
  personName: string;
  organisation: string | null;
  unreachable: boolean;
}

/** An update to an action (from a card, chat or the command line), as far as rounds care. */
export interface RoundUpdateView {
  actionId: number;
  /** ISO instant */
  at: string;
  by: string;
  historyId: number;
}

/** Where one lead stands in a round: each of their actions with its latest update since the round started. */
export interface LeadProgress {
  personId: number;
  name: string;
  organisation: string | null;
  unreachable: boolean;
  actions: { actionId: number; ref: number; title: string; update: RoundUpdateView | null }[];
  /** every one of their actions has been updated since the round started */
  answered: boolean;
}

/** Where a round stands: leads in name order, and the totals. */
export interface RoundProgress {
  leads: LeadProgress[];
  leadsAnswered: number;
  actionsTotal: number;
  actionsUpdated: number;
}

/** Who has answered: a lead has when each of their actions has an update at or after the round's start, whoever made it. */
export function roundProgress(items: RoundItemView[], updates: RoundUpdateView[], startedAt: string): RoundProgress {
  const latest = new Map<number, RoundUpdateView>();
  for (const u of updates) {
    if (u.at < startedAt) continue;
    const seen = latest.get(u.actionId);
    if (!seen || u.at > seen.at || (u.at === seen.at && u.historyId > seen.historyId)) latest.set(u.actionId, u);
  }
  const byPerson = new Map<number, LeadProgress>();
  for (const item of [...items].sort((a, b) => a.ref - b.ref)) {
    let lead = byPerson.get(item.personId);
    if (!lead) {
      lead = {
        personId: item.personId,
        name: item.personName,
        organisation: item.organisation,
        unreachable: item.unreachable,
        actions: [],
        answered: false,
      };
      byPerson.set(item.personId, lead);
    }
    lead.actions.push({ actionId: item.actionId, ref: item.ref, title: item.title, update: latest.get(item.actionId) ?? null });
  }
  const leads = [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const lead of leads) lead.answered = lead.actions.every((a) => a.update !== null);
  const actionIds = new Set(items.map((i) => i.actionId));
  return {
    leads,
    leadsAnswered: leads.filter((l) => l.answered).length,
    actionsTotal: actionIds.size,
    actionsUpdated: [...actionIds].filter((id) => latest.has(id)).length,
  };
}
