import { AppError } from '../../errors.js';
import { describeLeads, describeRecurrence, formatWhen } from '../../plan/schedule/describe.js';
import { localDate, resolveLocal } from '../../plan/schedule/local-time.js';
import { meetingStart, type ScheduleView } from '../../plan/schedule/occurrences.js';
import { parseScheduleRequest } from '../../plan/schedule/parse.js';
import { parseDay, parseTime } from '../../plan/schedule/phrases.js';
import { nextMeeting } from '../../plan/schedule/recurrence.js';
import type { Store } from '../../store/database.js';
import { assertNoPersonalData } from '../privacy/guard.js';

/** Schedule management shared by chat and the CLI: each returns the lines to tell the coordinator. */

function whereItGoes(s: ScheduleView): string {
  if (s.kind === 'channel-panel') return 'to Channel panel members in personal chat';
  return s.conversationId ? 'in the channel where it was set up' : 'in the partnership’s updates channel';
}

function nextWords(s: ScheduleView, now: Date): string {
  const next = nextMeeting(s.recurrence, localDate(now, s.timeZone));
  return next ? formatWhen(meetingStart(s, next).at, s.timeZone) : 'none to come';
}

/** One line per schedule: number, name, how it repeats, the next meeting and where reminders go. */
export function describeSchedule(s: ScheduleView, now: Date): string {
  return `${s.id} · ${s.name}: ${describeRecurrence(s.recurrence)} at ${s.time}; next ${nextWords(s, now)}; reminders ${describeLeads(s.leadMinutes)}, ${whereItGoes(s)}.`;
}

/** "schedule the Channel panel monthly on the first Tuesday at 10:00": saves it and says when it next meets. */
export async function addScheduleFromText(
  store: Store,
  input: { partnership: string; text: string; now: Date; conversationId: string | null },
): Promise<string[]> {
  assertNoPersonalData(input.text, input.now, 'the schedule');
  const zone = await store.partnerships.timeZone(input.partnership);
  const parsed = parseScheduleRequest(input.text, localDate(input.now, zone));
  if (!parsed.ok) throw new AppError('INVALID_INPUT', parsed.problem);
  const r = parsed.value;
  const schedule = await store.schedules.create({
    partnership: input.partnership,
    kind: r.kind,
    name: r.name,
    recurrence: r.recurrence,
    time: r.time,
    leadMinutes: r.leadMinutes,
    conversationId: r.here ? input.conversationId : null,
    now: input.now,
  });
  const lines = [`Scheduled: ${describeSchedule(schedule, input.now)}`];
  if (schedule.kind === 'channel-panel')
    lines.push('Panel reminders carry no case information. Add members with "add <name> to the Channel panel".');
  return lines;
}

/** "list schedules". */
export async function listScheduleLines(store: Store, partnership: string, now: Date): Promise<string[]> {
  const schedules = await store.schedules.list(partnership);
  if (!schedules.length)
    return [
      'There are no schedules yet. A coordinator can say, for example, "schedule the Channel panel monthly on the first Tuesday at 10:00".',
    ];
  return schedules.map((s) => describeSchedule(s, now));
}

/** "move the forum to 12 March [at 14:00]": moves the next meeting only. */
export async function moveNextMeeting(
  store: Store,
  input: { partnership: string; which: string; to: string; time?: string; now: Date },
): Promise<string[]> {
  const schedule = await store.schedules.resolve(input.partnership, input.which);
  const today = localDate(input.now, schedule.timeZone);
  const next = nextMeeting(schedule.recurrence, today);
  if (!next) throw new AppError('NOT_FOUND', `${schedule.name} has no meeting to come to move.`);
  const to = parseDay(input.to, today);
  if (!to)
    throw new AppError(
      'INVALID_INPUT',
      `I could not read "${input.to}" as a date on or after today. Write it like "12 March" or "12 March 2027".`,
    );
  const time = input.time ? parseTime(input.time) : (next.time ?? schedule.time);
  if (!time) throw new AppError('INVALID_INPUT', `I could not read "${input.time}" as a time. Write it like "14:00" or "2pm".`);
  const original = next.movedFrom ?? next.date;
  const moves = [
    ...(schedule.recurrence.moves ?? []).filter((m) => m.from !== original),
    { from: original, to, ...(time !== schedule.time ? { time } : {}) },
  ];
  const updated = await store.schedules.updateRecurrence(schedule.id, { ...schedule.recurrence, moves });
  const before = formatWhen(meetingStart(schedule, next).at, schedule.timeZone);
  const after = formatWhen(resolveLocal(to, time, schedule.timeZone), schedule.timeZone);
  return [`Moved ${updated.name} from ${before} to ${after}. Reminders will follow the new date; later meetings are unchanged.`];
}

/** "cancel schedule 3". */
export async function cancelScheduleByName(store: Store, partnership: string, which: string): Promise<string[]> {
  const schedule = await store.schedules.resolve(partnership, which);
  await store.schedules.cancel(schedule.id);
  return [`Cancelled schedule ${schedule.id} (${schedule.name}). No more reminders will be sent for it.`];
}
