import type { Db } from './client.js';
import { withBusyRetry } from './retry.js';
import { executeSql } from './direct-sql.js';
import { isPostgres } from './dialect.js';
import { batchWhileBusy } from './while-busy.js';
import { sqltag } from '@prisma/client/runtime/client';

/** What claiming a turn's activity found: a new turn, one taken over from an instance that died, or a retry of one already answered or in hand. */
export type TurnClaim =
  | { kind: 'new' }
  | { kind: 'taken-over'; sent: number }
  | { kind: 'retry'; status: string; invokeResponse: string | null };

let claims = 0;

/**
 * Claims the replies of one activity (by key). A key seen before and not expired is a retry, unless its turn has been
 * running longer than `leaseMs` (its instance died): then it is taken over, saying how many messages were already sent.
 */
export async function claimTurn(
  db: Db,
  input: {
    key: string;
    at: Date;
    ttlMs: number;
    leaseMs: number /** inserted already, with the conversation (see enterConversation) */;
    inserted?: boolean;
  },
): Promise<TurnClaim> {
  const expiresAt = new Date(input.at.getTime() + input.ttlMs);
  if (++claims % 200 === 0) await purgeExpiredTurns(db, input.at);
  if (input.inserted) return { kind: 'new' };
  // one statement for a new turn (nearly every turn): no exception, no read back
  const inserted = await withBusyRetry(() =>
    executeSql(
      db,
      sqltag`
      INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent")
      VALUES (${input.key}, 'running', ${input.at}, ${expiresAt}, 0)
      ON CONFLICT ("activityKey") DO NOTHING`,
    ),
  );
  if (inserted === 1) return { kind: 'new' };
  const expired = await withBusyRetry(() =>
    db.turnReply.updateMany({
      where: { activityKey: input.key, expiresAt: { lt: input.at } },
      data: { status: 'running', claimedAt: input.at, expiresAt, sent: 0, invokeResponse: null },
    }),
  );
  if (expired.count === 1) return { kind: 'new' };
  const row = await db.turnReply.findUnique({ where: { activityKey: input.key } });
  if (!row) return { kind: 'new' };
  if (row.status === 'running' && row.claimedAt.getTime() < input.at.getTime() - input.leaseMs) {
    const taken = await withBusyRetry(() =>
      db.turnReply.updateMany({
        where: { activityKey: input.key, status: 'running', claimedAt: row.claimedAt },
        data: { claimedAt: input.at, expiresAt },
      }),
    );
    if (taken.count === 1) return { kind: 'taken-over', sent: row.sent };
  }
  return { kind: 'retry', status: row.status, invokeResponse: row.invokeResponse };
}

/** Records how many messages of the turn have been sent, and its invoke response once there is one. */
export async function recordTurnReplies(db: Db, key: string, sent: number, invokeResponse?: string): Promise<void> {
  await withBusyRetry(() =>
    db.turnReply.update({ where: { activityKey: key }, data: { sent, ...(invokeResponse !== undefined ? { invokeResponse } : {}) } }),
  );
}

/** Marks the turn answered, with how many messages it sent and its invoke response if it has one: one statement. */
export async function finishTurn(db: Db, key: string, sent?: number, invokeResponse?: string): Promise<void> {
  if (isPostgres(db)) return endsOf(db)({ key, sent: sent ?? null, invokeResponse: invokeResponse ?? null });
  await withBusyRetry(() => executeSql(db, endOne({ key, sent: sent ?? null, invokeResponse: invokeResponse ?? null })));
}

type TurnEnd = { key: string; sent: number | null; invokeResponse: string | null };

const endOne = ({ key, sent, invokeResponse }: TurnEnd) =>
  sent === null
    ? sqltag`UPDATE "TurnReply" SET "status" = 'done' WHERE "activityKey" = ${key}`
    : invokeResponse === null
      ? sqltag`UPDATE "TurnReply" SET "status" = 'done', "sent" = ${sent} WHERE "activityKey" = ${key}`
      : sqltag`UPDATE "TurnReply" SET "status" = 'done', "sent" = ${sent}, "invokeResponse" = ${invokeResponse} WHERE "activityKey" = ${key}`;

const ends = new WeakMap<Db, (end: TurnEnd) => Promise<void>>();

/**
 * PostgreSQL: turns ending while another's end is being written are marked answered together, in one statement once
 * that write is done (see batchWhileBusy), each with its own count and invoke response. Every turn still waits for its
 * own end to be written before it answers Teams, so a retry finds it as before; a busy server sends one statement for
 * many turns (each statement is a round trip and a socket write on either side).
 */
function endsOf(db: Db): (end: TurnEnd) => Promise<void> {
  let end = ends.get(db);
  if (!end) {
    end = batchWhileBusy<TurnEnd>(async (unordered) => {
      const [one] = unordered;
      if (unordered.length === 1 && one) {
        await withBusyRetry(() => executeSql(db, endOne(one)));
        return;
      }
      // in key order, so two instances' groups lock shared rows (a turn taken over) in the same order
      const group = [...unordered].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      await withBusyRetry(() =>
        executeSql(
          db,
          sqltag`
        UPDATE "TurnReply" t SET "status" = 'done', "sent" = COALESCE(e."sent", t."sent"), "invokeResponse" = COALESCE(e."invokeResponse", t."invokeResponse")
        FROM unnest(${group.map((g) => g.key)}::text[], ${group.map((g) => g.sent)}::int[], ${group.map((g) => g.invokeResponse)}::text[])
          AS e("activityKey", "sent", "invokeResponse")
        WHERE t."activityKey" = e."activityKey"`,
        ),
      );
    });
    ends.set(db, end);
  }
  return end;
}

/** Forgets turns whose retries can no longer come. */
export async function purgeExpiredTurns(db: Db, at: Date): Promise<number> {
  return (await withBusyRetry(() => db.turnReply.deleteMany({ where: { expiresAt: { lt: at } } }))).count;
}
