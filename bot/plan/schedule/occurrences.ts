import { addDays } from '../dates.js';
import { localDate, resolveLocal, wallMinus } from './local-time.js';
import { meetingsBetween, type Meeting, type Recurrence } from './recurrence.js';

/** A schedule as the plan core sees it: plain data, recurrence already parsed. */
export interface ScheduleView {
  id: number;
  partnership: string;
  kind: ScheduleKind;
  name: string;
  recurrence: Recurrence;
  /** HH:MM local */
  time: string;
  /** minutes before the meeting, e.g. [10080, 1440] for a week and a day */
  leadMinutes: number[];
  /** a channel conversation id, or null for the announcement channel (panel: personal chats) */
  conversationId: string | null;
  timeZone: string;
  active: boolean;
}

/** Kinds of schedule: the forum, the Channel panel, a network meeting, the board, or any named meeting. */
export const SCHEDULE_KINDS = ['forum', 'channel-panel', 'network', 'board', 'meeting'] as const;
/** One kind of schedule. */
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

/** A week and a day before. */
export const DEFAULT_LEAD_MINUTES = [7 * 1440, 1440];

/** One reminder of one meeting: when it is due, and the meeting it is for. */
export interface ReminderOccurrence {
  key: string;
  at: Date;
  meeting: { date: string; time: string; at: Date };
  leadMinutes: number;
}

/** When a meeting starts: its local date and time (a moved meeting may have its own time). */
export function meetingStart(
  schedule: Pick<ScheduleView, 'time' | 'timeZone'>,
  meeting: Meeting,
): { date: string; time: string; at: Date } {
  const time = meeting.time ?? schedule.time;
  return { date: meeting.date, time, at: resolveLocal(meeting.date, time, schedule.timeZone) };
}

/**
 * The reminders of a schedule due in (from, to]. A reminder "a day before" a 10:00 meeting is at 10:00
 * local the day before, whatever the clocks did in between (lead times are counted on the wall clock).
 */
export function reminderOccurrences(schedule: ScheduleView, from: Date, to: Date): ReminderOccurrence[] {
  if (!schedule.active) return [];
  const longestDays = Math.ceil(Math.max(0, ...schedule.leadMinutes) / 1440);
  const first = addDays(localDate(from, schedule.timeZone), -1);
  const last = addDays(localDate(to, schedule.timeZone), longestDays + 1);
  const out: ReminderOccurrence[] = [];
  for (const meeting of meetingsBetween(schedule.recurrence, first, last)) {
    const start = meetingStart(schedule, meeting);
    for (const lead of schedule.leadMinutes) {
      const wall = wallMinus(start.date, start.time, lead);
      const at = resolveLocal(wall.date, wall.time, schedule.timeZone);
      if (at > from && at <= to)
        out.push({ key: `schedule:${schedule.id}:${start.at.toISOString()}:${lead}`, at, meeting: start, leadMinutes: lead });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The kind of schedule a meeting's name suggests: "Channel panel" → channel-panel, "stakeholder forum" → forum. */
export function kindOfName(name: string): ScheduleKind {
  const lower = name.toLowerCase();
  if (/\bchannel\s+panel\b|\bpanel\b/.test(lower)) return 'channel-panel';
  if (/\bforum\b/.test(lower)) return 'forum';
  if (/\bnetwork\b/.test(lower)) return 'network';
  if (/\bboard\b/.test(lower)) return 'board';
  return 'meeting';
}
