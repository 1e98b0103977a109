import { AppError } from '../errors.js';
import type { ScheduleKind, ScheduleView } from '../plan/schedule/occurrences.js';
import { RecurrenceSchema, type Recurrence } from '../plan/schedule/recurrence.js';
import type { Db } from './client.js';

type Row = {
  id: number;
  kind: string;
  name: string;
  recurrence: string;
  time: string;
  leadMinutes: string;
  conversationId: string | null;
  active: boolean;
  partnership: { name: string; timeZone: string };
};
const include = { partnership: { select: { name: true, timeZone: true } } } as const;

function toView(row: Row): ScheduleView {
  return {
    id: row.id,
    partnership: row.partnership.name,
    kind: row.kind as ScheduleKind,
    name: row.name,
    recurrence: RecurrenceSchema.parse(JSON.parse(row.recurrence)),
    time: row.time,
    leadMinutes: JSON.parse(row.leadMinutes) as number[],
    conversationId: row.conversationId,
    timeZone: row.partnership.timeZone,
    active: row.active,
  };
}

/** Saves a new schedule for a partnership. */
export async function createSchedule(
  db: Db,
  input: {
    partnership: string;
    kind: ScheduleKind;
    name: string;
    recurrence: Recurrence;
    time: string;
    leadMinutes: number[];
    conversationId: string | null;
    now: Date;
  },
): Promise<ScheduleView> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const row = await db.schedule.create({
    data: {
      partnershipId: partnership.id,
      kind: input.kind,
      name: input.name,
      recurrence: JSON.stringify(RecurrenceSchema.parse(input.recurrence)),
      time: input.time,
      leadMinutes: JSON.stringify(input.leadMinutes),
      conversationId: input.kind === 'channel-panel' ? null : input.conversationId,
      createdAt: input.now,
    },
    include,
  });
  return toView(row);
}

/** A partnership's active schedules, oldest first. */
export async function listSchedules(db: Db, partnership: string): Promise<ScheduleView[]> {
  const rows = await db.schedule.findMany({ where: { partnership: { name: partnership }, active: true }, orderBy: { id: 'asc' }, include });
  return rows.map(toView);
}

/** Every active schedule of every partnership (what the reminder job reads each minute). */
export async function listAllActiveSchedules(db: Db): Promise<ScheduleView[]> {
  const rows = await db.schedule.findMany({ where: { active: true }, orderBy: { id: 'asc' }, include });
  return rows.map(toView);
}

/** One schedule by id, active or not, or null. */
export async function findSchedule(db: Db, id: number): Promise<ScheduleView | null> {
  const row = await db.schedule.findUnique({ where: { id }, include });
  return row ? toView(row) : null;
}

/** A partnership's active schedule by number ("3") or by name or kind ("the forum"); NOT_FOUND or INVALID_INPUT when unclear. */
export async function resolveSchedule(db: Db, partnership: string, which: string): Promise<ScheduleView> {
  const schedules = await listSchedules(db, partnership);
  const key = which
    .trim()
    .toLowerCase()
    .replace(/^(?:the|schedule)\s+/, '')
    .replace(/^#/, '');
  const byId = /^\d+$/.test(key) ? schedules.filter((s) => s.id === Number(key)) : [];
  const byName = schedules.filter((s) => s.name.toLowerCase() === key || s.name.toLowerCase().replace(/^the\s+/, '') === key);
  const byWord = schedules.filter((s) => s.name.toLowerCase().includes(key) || s.kind === key.replace(/\s+/g, '-'));
  const found = [byId, byName, byWord].find((list) => list.length > 0) ?? [];
  const [only] = found;
  if (only && found.length === 1) return only;
  if (found.length === 0)
    throw new AppError('NOT_FOUND', `I can't find a schedule called "${which}". Say "list schedules" to see them with their numbers.`);
  throw new AppError(
    'INVALID_INPUT',
    `More than one schedule matches "${which}": ${found.map((s) => `${s.id} (${s.name})`).join(', ')}. Use the number, e.g. "cancel schedule ${only?.id}".`,
  );
}

/** Replaces a schedule's recurrence (used to record a moved meeting). */
export async function updateRecurrence(db: Db, id: number, recurrence: Recurrence): Promise<ScheduleView> {
  const row = await db.schedule.update({
    where: { id },
    data: { recurrence: JSON.stringify(RecurrenceSchema.parse(recurrence)) },
    include,
  });
  return toView(row);
}

/** Cancels a schedule: it stays in the database, inactive, and sends nothing more. */
export async function cancelSchedule(db: Db, id: number): Promise<ScheduleView> {
  const row = await db.schedule.update({ where: { id }, data: { active: false }, include });
  return toView(row);
}

/** A partnership's time zone (Europe/London unless it chose another). */
export async function partnershipTimeZone(db: Db, partnership: string): Promise<string> {
  const row = await db.partnership.findUnique({ where: { name: partnership }, select: { timeZone: true } });
  return row?.timeZone ?? 'Europe/London';
}
