import { sqltag } from '@prisma/client/runtime/client';
import { AppError } from '../errors.js';
import type { Db } from './client.js';
import { DirectTransaction, executeSql, queryRows } from './direct-sql.js';
import { withBusyRetry } from './retry.js';

/** A stored conversation in progress with one person in one conversation. */
export interface StoredDialog {
  id: number;
  kind: string;
  /** the dialog's own JSON, parsed */
  state: unknown;
  version: number;
  expiresAt: Date;
}

/** Where a dialog lives: one per person per conversation. */
export interface DialogKey {
  conversationId: string;
  userChatId: string;
}

const toStored = (r: { id: number; kind: string; state: string; version: number; expiresAt: Date }): StoredDialog => ({
  id: r.id,
  kind: r.kind,
  state: JSON.parse(r.state) as unknown,
  version: r.version,
  expiresAt: r.expiresAt,
});

/**
 * The person's dialog in this conversation, if any (expired ones too: the caller decides). `probed` is the dialog's id
 * there (or null: none) when the turn has just read it (see openTurn).
 */
export async function loadDialog(db: Db, key: DialogKey, probed?: number | null): Promise<StoredDialog | null> {
  if (probed === null) return null;
  // Most messages have no dialog: a plain indexed probe, straight to the driver, is far cheaper than the full Prisma read.
  const probe =
    probed === undefined
      ? await queryRows<{ id: number }>(
          db,
          sqltag`SELECT "id" FROM "DialogState" WHERE "conversationId" = ${key.conversationId} AND "userChatId" = ${key.userChatId}`,
        )
      : [probed];
  if (!probe.length) return null;
  const row = await db.dialogState.findUnique({ where: { conversationId_userChatId: key } });
  return row ? toStored(row) : null;
}

/** A dialog by its id wherever it lives, with whose it is (by chat id) and where; null when there is none. */
export async function findDialog(db: Db, id: number): Promise<(StoredDialog & DialogKey) | null> {
  const row = await db.dialogState.findUnique({ where: { id } });
  return row ? { ...toStored(row), conversationId: row.conversationId, userChatId: row.userChatId } : null;
}

/** Starts a dialog, replacing any earlier one in the same place (whose later saves then fail as stale). */
export async function startDialog(
  db: Db,
  input: DialogKey & { partnership: string; kind: string; state: unknown; now: Date; expiresAt: Date },
): Promise<StoredDialog> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const data = { kind: input.kind, state: JSON.stringify(input.state), updatedAt: input.now, expiresAt: input.expiresAt };
  const row = await withBusyRetry(() =>
    db.dialogState.upsert({
      where: { conversationId_userChatId: { conversationId: input.conversationId, userChatId: input.userChatId } },
      create: { ...data, partnershipId: partnership.id, conversationId: input.conversationId, userChatId: input.userChatId },
      update: { ...data, partnershipId: partnership.id, version: { increment: 1 } },
    }),
  );
  return toStored(row);
}

/** The last state of a dialog that ends with another change (a saved update), written in that change's transaction. */
export interface DialogEnd {
  id: number;
  /** the version it was read at: a dialog moved on since is left as it is */
  version: number;
  state: unknown;
}

/**
 * Writes a dialog's next state if it is still at `version` (inside a transaction, Prisma's or one on the driver, or on
 * its own); the new version, or null when stale.
 */
export async function writeDialogState(
  db: Pick<Db, 'dialogState'> | DirectTransaction,
  id: number,
  version: number,
  input: { state: unknown; now: Date; expiresAt: Date },
): Promise<number | null> {
  const changed =
    db instanceof DirectTransaction
      ? await executeSql(
          db,
          sqltag`UPDATE "DialogState" SET "state" = ${JSON.stringify(input.state)}, "updatedAt" = ${input.now}, "expiresAt" = ${input.expiresAt},
            "version" = "version" + 1 WHERE "id" = ${id} AND "version" = ${version}`,
        )
      : (
          await db.dialogState.updateMany({
            where: { id, version },
            data: { state: JSON.stringify(input.state), updatedAt: input.now, expiresAt: input.expiresAt, version: { increment: 1 } },
          })
        ).count;
  return changed === 1 ? version + 1 : null;
}

/** Saves the next state only if nobody saved since `version` was read; the new version, or null when stale. */
export async function saveDialog(
  db: Db,
  id: number,
  version: number,
  input: { state: unknown; now: Date; expiresAt: Date },
): Promise<number | null> {
  return withBusyRetry(() => writeDialogState(db, id, version, input));
}

/** Removes a dialog if it is still at `version`; false when someone else moved it on first. */
export async function deleteDialog(db: Db, id: number, version: number): Promise<boolean> {
  const removed = await withBusyRetry(() => db.dialogState.deleteMany({ where: { id, version } }));
  return removed.count === 1;
}
