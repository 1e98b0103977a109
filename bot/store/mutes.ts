import type { Db } from './client.js';

/** A pause on reminders: for one action, or all (actionId null), until a date (exclusive). */
export interface Mute {
  personId: number;
  actionId: number | null;
  until: string;
}

/** Pauses a person's reminders about an action (or all actions) until a date; replaces an earlier pause. */
export async function muteReminders(db: Db, input: { personId: number; actionId: number | null; until: string }): Promise<void> {
  await db.$transaction([
    db.reminderMute.deleteMany({ where: { personId: input.personId, actionId: input.actionId } }),
    db.reminderMute.create({ data: { personId: input.personId, actionId: input.actionId, until: input.until } }),
  ]);
}

/** Lifts a person's pause on one action (or every pause, when actionId is null); returns how many were lifted. */
export async function unmuteReminders(db: Db, personId: number, actionId: number | null): Promise<number> {
  const { count } = await db.reminderMute.deleteMany({ where: { personId, ...(actionId !== null ? { actionId } : {}) } });
  return count;
}

/** The pauses still in force on a day, for some people. */
export async function activeMutes(db: Db, personIds: number[], today: string): Promise<Mute[]> {
  if (personIds.length === 0) return [];
  const rows = await db.reminderMute.findMany({ where: { personId: { in: personIds }, until: { gt: today } } });
  return rows.map((r) => ({ personId: r.personId, actionId: r.actionId, until: r.until }));
}
