import type { ImportedPlan } from '../import/types.js';
import type { Db } from './client.js';

/** A plan file waiting for its coordinator to press Import or Cancel. */
export interface PendingImportRow {
  id: number;
  partnership: string;
  userChatId: string;
  fileName: string;
  plan: ImportedPlan;
  expiresAt: Date;
}

/** Keeps a read plan until Import or Cancel (replacing any earlier one from the same person); returns its id for the buttons. */
export async function savePendingImport(
  db: Db,
  input: {
    partnership: string;
    userChatId: string;
    conversationId: string;
    fileName: string;
    plan: ImportedPlan;
    now: Date;
    ttlMs: number;
  },
): Promise<number> {
  const partnership = await db.partnership.upsert({ where: { name: input.partnership }, create: { name: input.partnership }, update: {} });
  return db.$transaction(async (tx) => {
    await tx.pendingImport.deleteMany({
      where: { OR: [{ partnershipId: partnership.id, userChatId: input.userChatId }, { expiresAt: { lt: input.now } }] },
    });
    const row = await tx.pendingImport.create({
      data: {
        partnershipId: partnership.id,
        userChatId: input.userChatId,
        conversationId: input.conversationId,
        fileName: input.fileName,
        plan: JSON.stringify(input.plan),
        createdAt: input.now,
        expiresAt: new Date(input.now.getTime() + input.ttlMs),
      },
    });
    return row.id;
  });
}

/** A pending import by id, or null when it is gone (used, cancelled, replaced or expired). */
export async function findPendingImport(db: Db, id: number, now: Date): Promise<PendingImportRow | null> {
  const row = await db.pendingImport.findUnique({ where: { id }, include: { partnership: true } });
  if (!row || row.expiresAt < now) return null;
  return {
    id: row.id,
    partnership: row.partnership.name,
    userChatId: row.userChatId,
    fileName: row.fileName,
    plan: JSON.parse(row.plan) as ImportedPlan,
    expiresAt: row.expiresAt,
  };
}

/** Removes a pending import (after Import or Cancel); true when there was one to remove, so a double click imports once. */
export async function deletePendingImport(db: Db, id: number): Promise<boolean> {
  return (await db.pendingImport.deleteMany({ where: { id } })).count === 1;
}
