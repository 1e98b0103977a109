import { empty, join, raw, sqltag } from '@prisma/client/runtime/client';
import type { Rag } from '../plan/types.js';
import type { Tx } from './action-edits.js';
import type { Db } from './client.js';
import { isPostgres } from './dialect.js';
import { DirectTransaction, directTransaction, executeSql, queryRows } from './direct-sql.js';
import { isLive, LIVE } from './live-plan.js';
import type { UpdateCommand, UpdateOutcome } from './update-types.js';

/** Thrown inside the update's transaction when the action moved on between its two statements: the history entry is rolled back. */
export class StaleUpdate extends Error {}

/**
 * A RAG, note and progress update (no edit) inside its transaction, in two statements: the history entry, inserted only
 * while the action is at the expected version in the live plan (its RAG before read in the same statement), then the
 * version-checked change of the action. When no entry was inserted, one more read says why (missing, closed or stale).
 */
export async function saveUpdate(
  transaction: Tx | DirectTransaction,
  cmd: UpdateCommand,
): Promise<Exclude<UpdateOutcome, { status: 'duplicate' }>> {
  const tx = sqlIn(transaction);
  const [entry] = await queryRows<{ id: number; ragFrom: string }>(
    tx,
    sqltag`
    INSERT INTO "ActionUpdate" ("actionId", "actorName", "actorChatId", "at", "ragFrom", "ragTo", "note", "progress", "source", "idempotencyKey", "actorPersonId", "changes")
    SELECT a."id", ${cmd.actor.name}, ${cmd.actor.chatId}, ${cmd.at}, a."rag", ${cmd.rag}, ${cmd.note}, CAST(${cmd.progress} AS INTEGER), ${cmd.source}, ${cmd.idempotencyKey}, CAST(${cmd.actor.personId ?? null} AS INTEGER), '[]'
    FROM "Action" a JOIN "Plan" pl ON pl."id" = a."planId"
    WHERE a."id" = ${cmd.actionId} AND a."version" = ${cmd.expectedVersion} AND ${isLive('pl')}
    RETURNING "id", "ragFrom"`,
  );
  if (!entry) return whyNot(tx, cmd.actionId);
  const changed = await executeSql(
    tx,
    sqltag`
    UPDATE "Action" SET "rag" = ${cmd.rag}, "progress" = COALESCE(${cmd.progress}, "progress"), "version" = "version" + 1, "updatedAt" = ${cmd.at}
    WHERE "id" = ${cmd.actionId} AND "version" = ${cmd.expectedVersion}`,
  );
  if (changed !== 1) throw new StaleUpdate();
  return applied(cmd, entry);
}

/** Plain SQL in a Prisma transaction (through it) or in a direct one (on the driver). */
const sqlIn = (tx: Tx | DirectTransaction): Db | DirectTransaction => (tx instanceof DirectTransaction ? tx : (tx as unknown as Db));

/** The outcome of an update that was saved, from its history entry. */
function applied(cmd: UpdateCommand, entry: { id: number; ragFrom: string }): Extract<UpdateOutcome, { status: 'applied' }> {
  return {
    status: 'applied',
    ragFrom: entry.ragFrom as Rag,
    ragTo: cmd.rag,
    version: cmd.expectedVersion + 1,
    historyId: Number(entry.id),
  };
}

/** Why an update found nothing to change: no such action, its plan not live, or another version. */
async function whyNot(tx: Db | DirectTransaction, actionId: number): Promise<Exclude<UpdateOutcome, { status: 'applied' | 'duplicate' }>> {
  const [row] = await queryRows<{ version: number; status: string; title: string }>(
    tx,
    sqltag`SELECT a."version", pl."status", pl."title" FROM "Action" a JOIN "Plan" pl ON pl."id" = a."planId" WHERE a."id" = ${actionId}`,
  );
  if (!row) return { status: 'missing' };
  if (row.status !== LIVE) return { status: 'closed', planStatus: row.status, planTitle: row.title };
  return { status: 'stale', currentVersion: Number(row.version) };
}

/**
 * An update saved by the direct path, with how many of its announcements wait to be sent and (PostgreSQL) the actions
 * part of its plan's stamp (see STAMP_COLUMNS) just before and just after it, as the statement saw the plan.
 */
export type DirectlySaved = Extract<UpdateOutcome, { status: 'applied' }> & {
  queued: number;
  planActions?: { before: string; after: string };
};

/**
 * An update that is not an edit, saved straight on the driver with its announcements. PostgreSQL: any RAG, in one
 * statement. SQLite: only one that keeps the RAG (no announcement), in a transaction of two. Null when nothing was saved
 * (stale, missing or closed; on SQLite also another RAG, or no direct path): the caller then takes the general path,
 * which says why. A repeated idempotency key fails it as a whole (unique key).
 */
export async function saveDirectly(db: Db, cmd: UpdateCommand): Promise<DirectlySaved | null> {
  if (isPostgres(db)) return saveInOneStatement(db, cmd);
  if (!cmd.keepsRag) return null;
  const saved = await directTransaction(db, (tx) => saveNoteInTransaction(tx, cmd));
  return saved && { ...saved, queued: 0 };
}

/** SQLite: the history entry inserted while the action is as the card saw it with that RAG, then the action changed. */
async function saveNoteInTransaction(
  tx: DirectTransaction,
  cmd: UpdateCommand,
): Promise<Extract<UpdateOutcome, { status: 'applied' }> | null> {
  const [entry] = await queryRows<{ id: number; ragFrom: string }>(
    tx,
    sqltag`
    INSERT INTO "ActionUpdate" ("actionId", "actorName", "actorChatId", "at", "ragFrom", "ragTo", "note", "progress", "source", "idempotencyKey", "actorPersonId", "changes")
    SELECT a."id", ${cmd.actor.name}, ${cmd.actor.chatId}, ${cmd.at}, a."rag", ${cmd.rag}, ${cmd.note}, ${cmd.progress}, ${cmd.source}, ${cmd.idempotencyKey}, ${cmd.actor.personId ?? null}, '[]'
    FROM "Action" a JOIN "Plan" pl ON pl."id" = a."planId"
    WHERE a."id" = ${cmd.actionId} AND a."version" = ${cmd.expectedVersion} AND a."rag" = ${cmd.rag} AND ${isLive('pl')}
    RETURNING "id", "ragFrom"`,
  );
  if (!entry) return null;
  const changed = await executeSql(
    tx,
    sqltag`
    UPDATE "Action" SET "progress" = COALESCE(${cmd.progress}, "progress"), "version" = "version" + 1, "updatedAt" = ${cmd.at}
    WHERE "id" = ${cmd.actionId} AND "version" = ${cmd.expectedVersion}`,
  );
  if (changed !== 1) throw new StaleUpdate();
  return applied(cmd, entry);
}

/**
 * PostgreSQL only: an update in one statement, which is its own transaction. The action is locked while it is at the
 * expected version in the live plan, then changed, its history entry inserted with the RAG it had, and, when that RAG
 * differs from the new one, each announcement queued unless its key is queued already. Null when nothing was saved
 * (stale, missing or closed): the caller then takes the general path, which says why.
 */
async function saveInOneStatement(db: Db, cmd: UpdateCommand): Promise<DirectlySaved | null> {
  const messages = [...new Map((cmd.announce ?? []).map((m) => [m.key, m])).values()];
  const queue = messages.map(
    (m, i) => sqltag`, ${raw(`queued${i}`)} AS (
      INSERT INTO "OutboxMessage" ("key", "partnershipId", "kind", "conversationId", "personId", "recipient", "reply", "status", "lastError", "roundId", "onFailure", "createdAt")
      SELECT ${m.key}, (SELECT p."id" FROM "Partnership" p WHERE p."name" = ${m.partnership}), ${m.kind}, ${m.conversationId}, ${m.personId ?? null}::integer, ${m.recipient.slice(0, 200)}, ${JSON.stringify(m.reply)}, ${m.unreachable ? 'unreachable' : 'pending'}, ${m.unreachable ?? null}, ${m.roundId ?? null}::integer, ${m.onFailure ?? null}, ${cmd.at}
      FROM target t WHERE t."rag" <> ${cmd.rag}
      ON CONFLICT ("key") DO NOTHING
      RETURNING "status"
    )`,
  );
  const pending = messages.length
    ? raw(messages.map((_, i) => `(SELECT COUNT(*) FROM queued${i} WHERE "status" = 'pending')`).join(' + '))
    : raw('0');
  const rows = await queryRows<{ id: number; ragFrom: string; changed: unknown; queued: unknown; before: string; after: string }>(
    db,
    sqltag`
    WITH target AS (
      SELECT a."id", a."rag", a."planId" FROM "Action" a JOIN "Plan" pl ON pl."id" = a."planId"
      WHERE a."id" = ${cmd.actionId} AND a."version" = ${cmd.expectedVersion} AND ${isLive('pl')}
      FOR UPDATE OF a
    ), changed AS (
      UPDATE "Action" a SET "rag" = ${cmd.rag}, "progress" = COALESCE(${cmd.progress}::integer, a."progress"), "version" = a."version" + 1, "updatedAt" = ${cmd.at}
      FROM target t WHERE a."id" = t."id"
      RETURNING a."id", a."updatedAt"
    ), plan AS (
      -- the plan's actions as this statement saw them (before the change: a statement does not see its own writes)
      SELECT COUNT(*) AS "count", COALESCE(SUM(a."version"), 0) AS "versions", COALESCE(SUM(a."id"), 0) AS "ids", MAX(a."updatedAt") AS "latest"
      FROM "Action" a WHERE a."planId" = (SELECT t."planId" FROM target t)
    ), entry AS (
      INSERT INTO "ActionUpdate" ("actionId", "actorName", "actorChatId", "at", "ragFrom", "ragTo", "note", "progress", "source", "idempotencyKey", "actorPersonId", "changes")
      SELECT t."id", ${cmd.actor.name}, ${cmd.actor.chatId}, ${cmd.at}, t."rag", ${cmd.rag}, ${cmd.note}, ${cmd.progress}::integer, ${cmd.source}, ${cmd.idempotencyKey}, ${cmd.actor.personId ?? null}::integer, '[]'
      FROM target t
      RETURNING "id", "ragFrom"
    )${queue.length ? join(queue, '') : empty}
    SELECT entry."id", entry."ragFrom", (SELECT COUNT(*) FROM changed) AS "changed", ${pending} AS "queued",
      -- the actions part of the plan's stamp before and after the change, written as STAMP_COLUMNS writes it
      plan."count" || ':' || plan."versions" || ':' || plan."ids" || ':' || COALESCE(CAST(plan."latest" AS TEXT), '') AS "before",
      plan."count" || ':' || (plan."versions" + 1) || ':' || plan."ids" || ':' || COALESCE(CAST(GREATEST(plan."latest", (SELECT c."updatedAt" FROM changed c)) AS TEXT), '') AS "after"
    FROM entry, plan`,
  );
  const entry = rows[0];
  if (!entry || Number(entry.changed) !== 1) return null;
  return {
    ...applied(cmd, entry),
    queued: Number(entry.queued),
    planActions: { before: String(entry.before), after: String(entry.after) },
  };
}
