import type { Db } from './client.js';

/** Counts one piece of text the confidentiality guard stopped: the partnership and the day only, never the text. */
export async function countStoppedNote(db: Db, partnership: string, day: string): Promise<void> {
  const row = await db.partnership.findUnique({ where: { name: partnership }, select: { id: true } });
  if (!row) return;
  await db.stoppedNoteCount.upsert({
    where: { partnershipId_day: { partnershipId: row.id, day } },
    create: { partnershipId: row.id, day, count: 1 },
    update: { count: { increment: 1 } },
  });
}

/** How many pieces of text were stopped on or after a day (YYYY-MM-DD). */
export async function stoppedNotesSince(db: Db, partnership: string, firstDay: string): Promise<number> {
  const total = await db.stoppedNoteCount.aggregate({
    where: { partnership: { name: partnership }, day: { gte: firstDay } },
    _sum: { count: true },
  });
  return total._sum.count ?? 0;
}
