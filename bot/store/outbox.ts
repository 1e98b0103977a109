import { raw, sqltag, type Sql } from '@prisma/client/runtime/client';
import type { Reply } from '../core/types.js';
import type { Db } from './client.js';
import { skipLocked } from './dialect.js';
import { executeSql, queryRows, type DirectTransaction } from './direct-sql.js';
import { withBusyRetry } from './retry.js';

/** pending (not yet sent, or waiting for a retry) | sent | failed (gave up) | unreachable (the recipient cannot be messaged) */
export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'unreachable';

/** What a proactive message is. */
export type OutboxKind =
  | 'announcement'
  | 'meeting-reminder'
  | 'panel-reminder'
  | 'case-review'
  | 'deadline-reminder'
  | 'digest'
  | 'round-request'
  | 'round-reminder'
  | 'round-summary'
  | 'notice';

/** Why someone cannot be messaged: never talked to the bot, removed the app, blocked it, disabled by an administrator, or refused without saying which. */
export type ReachFailure = 'never-talked' | 'removed' | 'blocked' | 'disabled' | 'removed-or-blocked';

/** One proactive message to one recipient, as a producer queues it. */
export interface OutboxInput {
  /** deterministic: the same message from a retried or taken-over producer has the same key, so it is queued once */
  key: string;
  partnership: string;
  kind: OutboxKind;
  /** where to post (null when the recipient has no conversation with the bot) */
  conversationId: string | null;
  personId?: number | null;
  /** who it is for, in words */
  recipient: string;
  reply: Reply;
  roundId?: number;
  /** what it is, in words for coordinators, when they should be told it could not be delivered */
  onFailure?: string;
  /** the recipient is known to be unreachable already: the row is recorded as such and never sent */
  unreachable?: ReachFailure;
}

/** A row the sender has claimed. */
export interface ClaimedMessage {
  id: number;
  key: string;
  partnership: string;
  kind: OutboxKind;
  conversationId: string | null;
  personId: number | null;
  recipient: string;
  reply: Reply;
  attempts: number;
  roundId: number | null;
  onFailure: string | null;
  /** when it was queued (a transient failure is retried on a schedule counted from here, for up to a day) */
  createdAt: Date;
  lease: string;
}

/** How a claimed row ended, and how many requests it took. */
export type MessageResult = (
  | { status: 'sent' }
  | { status: 'unreachable'; reason: ReachFailure }
  | { status: 'failed'; error: string }
  | { status: 'retry'; error: string; availableAt: Date }
) & { attempts: number };

type Tx = Pick<Db, 'outboxMessage' | 'partnership'>;

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' || /Unique constraint|unique constraint/i.test(String((err as Error)?.message));

const listeners = new WeakMap<Db, Set<() => void>>();

/** Calls `listener` after every commit that queued messages through this database (the sender wakes on it). */
export function onQueued(db: Db, listener: () => void): () => void {
  let set = listeners.get(db);
  if (!set) {
    set = new Set();
    listeners.set(db, set);
  }
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells the listeners that a transaction which queued messages has committed. */
export function queuedAfterCommit(db: Db, count: number): void {
  if (count > 0) for (const listener of listeners.get(db) ?? []) listener();
}

/** A message's row as queued, but for its partnership's id. */
function rowOf(m: OutboxInput, at: Date) {
  return {
    key: m.key,
    kind: m.kind,
    conversationId: m.conversationId,
    personId: m.personId ?? null,
    recipient: m.recipient.slice(0, 200),
    reply: JSON.stringify(m.reply),
    status: m.unreachable ? 'unreachable' : 'pending',
    lastError: m.unreachable ?? null,
    roundId: m.roundId ?? null,
    onFailure: m.onFailure ?? null,
    createdAt: at,
  };
}

/**
 * queueInTransaction inside a transaction straight on the driver (a RAG change's announcements): one statement a
 * message, inserted unless its key is queued already, for a partnership that exists (it always does: the messages are
 * the changed action's own partnership's). Returns how many new rows wait to be sent.
 */
export async function queueDirectly(tx: DirectTransaction, messages: OutboxInput[], at: Date): Promise<number> {
  let pending = 0;
  for (const m of new Map(messages.map((m) => [m.key, m])).values()) {
    const r = rowOf(m, at);
    const rows = await queryRows<{ status: string }>(
      tx,
      sqltag`
      INSERT INTO "OutboxMessage" ("key", "partnershipId", "kind", "conversationId", "personId", "recipient", "reply", "status", "lastError", "roundId", "onFailure", "createdAt")
      VALUES (${r.key}, (SELECT p."id" FROM "Partnership" p WHERE p."name" = ${m.partnership}), ${r.kind}, ${r.conversationId}, ${r.personId}, ${r.recipient}, ${r.reply}, ${r.status}, ${r.lastError}, ${r.roundId}, ${r.onFailure}, ${r.createdAt})
      ON CONFLICT ("key") DO NOTHING
      RETURNING "status"`,
    );
    pending += rows.filter((row) => row.status === 'pending').length;
  }
  return pending;
}

/**
 * Inserts messages inside the caller's transaction, skipping keys already queued (insert-or-ignore): a retried or
 * taken-over producer adds nothing twice. Returns how many rows were new.
 */
export async function queueInTransaction(tx: Tx, messages: OutboxInput[], at: Date): Promise<number> {
  if (!messages.length) return 0;
  const unique = [...new Map(messages.map((m) => [m.key, m])).values()];
  const existing = new Set<string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await tx.outboxMessage.findMany({
      where: { key: { in: unique.slice(i, i + 500).map((m) => m.key) } },
      select: { key: true },
    });
    for (const r of rows) existing.add(r.key);
  }
  const fresh = unique.filter((m) => !existing.has(m.key));
  if (!fresh.length) return 0;
  const names = [...new Set(fresh.map((m) => m.partnership))];
  const partnerships = await tx.partnership.findMany({ where: { name: { in: names } }, select: { id: true, name: true } });
  const ids = new Map(partnerships.map((p) => [p.name, p.id]));
  const data = fresh.flatMap((m) => {
    const partnershipId = ids.get(m.partnership);
    return partnershipId === undefined ? [] : [{ ...rowOf(m, at), partnershipId }];
  });
  if (data.length) await tx.outboxMessage.createMany({ data });
  return data.filter((d) => d.status === 'pending').length;
}

/**
 * Runs a transaction that queues messages, then wakes the sender once it has committed. Two producers racing on the
 * same keys (a takeover while the first is still running) collide on the unique key: the loser runs again and finds
 * its messages already queued.
 */
export async function withQueued<T>(db: Db, work: (tx: Db) => Promise<{ result: T; queued: number }>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { result, queued } = await withBusyRetry(() => db.$transaction((tx) => work(tx as unknown as Db)));
      queuedAfterCommit(db, queued);
      return result;
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

/** Queues messages on their own (not tied to another change): a coordinator notice, say. */
export async function queueMessages(db: Db, messages: OutboxInput[], at: Date): Promise<number> {
  return withQueued(db, async (tx) => {
    const queued = await queueInTransaction(tx, messages, at);
    return { result: queued, queued };
  });
}

let claims = 0;

type ClaimedRow = Omit<ClaimedMessage, 'reply' | 'kind' | 'lease' | 'createdAt'> & {
  kind: string;
  reply: string;
  createdAt: Date | string;
};

/**
 * Claims up to `limit` due rows for one sender with a lease, in one statement: an UPDATE marks the rows that are
 * pending, due and not leased by anyone else, and returns them, so two instances (or two senders in one) never hold the
 * same row. On PostgreSQL rows another sender is claiming at that moment are passed over, not waited for (so each of
 * two claims at once takes rows of its own, up to its limit), the due rows are chosen once (a materialised WITH: a
 * locking subquery run again for the UPDATE could pick rows past the limit), and a row reached after another sender's
 * commit is re-checked and skipped if now leased.
 * A lease left by an instance that died expires and the row is claimed again.
 */
export async function claimDue(db: Db, input: { instance: string; at: Date; leaseMs: number; limit: number }): Promise<ClaimedMessage[]> {
  // Leases are judged by the wall clock, never by `at` (a CLI tick for a chosen minute, a test's clock): every sender
  // must agree when a lease runs out, or one whose clock runs ahead takes over rows another is still sending.
  const wall = new Date();
  const lease = `${input.instance}#${++claims}`;
  const free = (o: Sql) => sqltag`${o}."status" = 'pending' AND (${o}."leaseUntil" IS NULL OR ${o}."leaseUntil" < ${wall})`;
  const rows = await withBusyRetry(() =>
    queryRows<ClaimedRow>(
      db,
      sqltag`
      WITH "due" AS MATERIALIZED (
        SELECT o."id" FROM "OutboxMessage" o
        WHERE ${free(raw('o'))} AND (o."availableAt" IS NULL OR o."availableAt" <= ${input.at})
        ORDER BY o."id" LIMIT ${input.limit} ${skipLocked(db)}
      )
      UPDATE "OutboxMessage" SET "leasedBy" = ${lease}, "leaseUntil" = ${new Date(wall.getTime() + input.leaseMs)}
      WHERE "id" IN (SELECT "id" FROM "due") AND ${free(raw('"OutboxMessage"'))}
      RETURNING "id", "key", "kind", "conversationId", "personId", "recipient", "reply", "attempts", "roundId", "onFailure", "createdAt",
        (SELECT p."name" FROM "Partnership" p WHERE p."id" = "OutboxMessage"."partnershipId") AS "partnership"`,
    ),
  );
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      key: r.key,
      partnership: r.partnership,
      kind: r.kind as OutboxKind,
      conversationId: r.conversationId,
      personId: r.personId,
      recipient: r.recipient,
      reply: JSON.parse(r.reply) as Reply,
      attempts: r.attempts,
      roundId: r.roundId,
      onFailure: r.onFailure,
      // a column of SQLite's RETURNING list has no declared type, so its timestamp comes back as the text stored
      createdAt: r.createdAt instanceof Date ? r.createdAt : new Date(r.createdAt),
      lease,
    }));
}

/**
 * Records how a claimed row ended, only if this sender still holds its lease, together with its consequences in the
 * same transaction: the conversation marked inactive (and why), the round's lead marked unreachable, and notices for
 * coordinators. Returns false when the lease was lost (another instance took the row over).
 */
export async function finishMessage(
  db: Db,
  message: ClaimedMessage,
  result: MessageResult,
  at: Date,
  consequences: { notices?: OutboxInput[] } = {},
): Promise<boolean> {
  const attempts = message.attempts + result.attempts;
  const data =
    result.status === 'sent'
      ? { status: 'sent', sentAt: at, attempts }
      : result.status === 'retry'
        ? { status: 'pending', attempts, lastError: result.error.slice(0, 500), availableAt: result.availableAt }
        : { status: result.status, attempts, lastError: (result.status === 'failed' ? result.error : result.reason).slice(0, 500) };
  // nothing else to change (a message sent, say): one plain statement
  if (result.status !== 'unreachable' && !consequences.notices?.length) {
    const { sentAt = null, lastError = null, availableAt = null } = data as { sentAt?: Date; lastError?: string; availableAt?: Date };
    const done = await withBusyRetry(() =>
      executeSql(
        db,
        sqltag`
        UPDATE "OutboxMessage" SET "status" = ${data.status}, "attempts" = ${attempts}, "sentAt" = COALESCE(${sentAt}, "sentAt"),
          "lastError" = COALESCE(${lastError}, "lastError"), "availableAt" = COALESCE(${availableAt}, "availableAt"),
          "leasedBy" = NULL, "leaseUntil" = NULL
        WHERE "id" = ${message.id} AND "leasedBy" = ${message.lease} AND "status" = 'pending'`,
      ),
    );
    return done === 1;
  }
  return withQueued(db, async (tx) => {
    const done = await tx.outboxMessage.updateMany({
      where: { id: message.id, leasedBy: message.lease, status: 'pending' },
      data: { ...data, leasedBy: null, leaseUntil: null },
    });
    if (done.count !== 1) return { result: false, queued: 0 };
    if (result.status === 'unreachable' && message.conversationId) {
      await tx.conversationRef.updateMany({
        where: { conversationId: message.conversationId },
        data: { active: false, inactiveReason: result.reason },
      });
    }
    if (result.status === 'unreachable' && message.roundId !== null && message.personId !== null && message.kind === 'round-request') {
      await tx.updateRoundItem.updateMany({
        where: { roundId: message.roundId, personId: message.personId },
        data: { status: 'unreachable' },
      });
    }
    const queued = await queueInTransaction(tx, consequences.notices ?? [], at);
    return { result: true, queued };
  });
}

/** Outbox rows, oldest first (for tests, the soak benchmark and operators). */
export async function listMessages(
  db: Db,
  filter: { status?: OutboxStatus; kind?: OutboxKind; keyPrefix?: string; since?: Date } = {},
): Promise<
  {
    id: number;
    key: string;
    kind: string;
    recipient: string;
    conversationId: string | null;
    status: string;
    attempts: number;
    lastError: string | null;
    createdAt: Date;
    sentAt: Date | null;
  }[]
> {
  return db.outboxMessage.findMany({
    where: {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.keyPrefix ? { key: { startsWith: filter.keyPrefix } } : {}),
      ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
    },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      key: true,
      kind: true,
      recipient: true,
      conversationId: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
}

/** How many rows are waiting to be sent (pending, due or not). */
export async function pendingCount(db: Db): Promise<number> {
  return db.outboxMessage.count({ where: { status: 'pending' } });
}
