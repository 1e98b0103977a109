import type { Db } from './client.js';
import { withBusyRetry } from './retry.js';
import { executeSql } from './direct-sql.js';
import { coalesced } from './coalesce.js';
import { isPostgres, quickCommit } from './dialect.js';
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
      SELECT ${input.key}, 'running', ${input.at}, ${expiresAt}, 0 WHERE true ${quickCommit(db)}
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

/** A turn answered with no invoke response: how many messages it sent, left as it was when not given. */
type Finished = { key: string; sent?: number };

/** Each database's turns being marked answered, written together (see coalesced). */
const finishing = new WeakMap<Db, (turn: Finished) => Promise<void>>();

/**
 * Marks the turn answered, with how many messages it sent and its invoke response if it has one. Turns without one
 * (questions) that finish while another's record is being written are marked together, in the next statement: at
 * fifty conversations a record a question becomes one every few questions, while a turn on its own is written at once.
 * A turn with an invoke response (a card's refreshed card, some kilobytes) has a statement of its own, its response
 * bound as it is: carried in a list for the others it cost more than the statement it saved. See quickCommit.
 */
export function finishTurn(db: Db, key: string, sent?: number, invokeResponse?: string): Promise<void> {
  if (invokeResponse !== undefined) {
    const where = sqltag`WHERE "activityKey" = ${key} ${quickCommit(db)}`;
    return withBusyRetry(() =>
      executeSql(
        db,
        sqltag`UPDATE "TurnReply" SET "status" = 'done', "sent" = COALESCE(CAST(${sent ?? null} AS INTEGER), "sent"), "invokeResponse" = ${invokeResponse} ${where}`,
      ),
    ).then(() => undefined);
  }
  let finish = finishing.get(db);
  if (!finish) {
    finish = coalesced((turns) => markFinished(db, turns));
    finishing.set(db, finish);
  }
  return finish({ key, sent });
}

/**
 * One statement for any number of answered turns (the last word for a key given twice). On PostgreSQL the rows are
 * found by the primary key from an array of the keys and each one's count by its place in it (a join with a list's rows
 * was planned as a scan of the whole table: the planner guesses ten or a hundred rows for a list); on SQLite a JSON
 * object of key and count, which SQLite walks, looking each key up.
 */
async function markFinished(db: Db, turns: Finished[]): Promise<void> {
  const byKey = new Map(turns.map((t) => [t.key, t.sent ?? null]));
  const statement = isPostgres(db)
    ? sqltag`
      UPDATE "TurnReply" SET "status" = 'done',
        "sent" = COALESCE((CAST(${[...byKey.values()]} AS integer[]))[array_position(CAST(${[...byKey.keys()]} AS text[]), "activityKey")], "sent")
      WHERE "activityKey" = ANY(CAST(${[...byKey.keys()]} AS text[])) ${quickCommit(db)}`
    : sqltag`
      UPDATE "TurnReply" SET "status" = 'done', "sent" = COALESCE(CAST(f.value AS INTEGER), "TurnReply"."sent")
      FROM json_each(${JSON.stringify(Object.fromEntries(byKey))}) AS f
      WHERE "TurnReply"."activityKey" = f.key`;
  await withBusyRetry(() => executeSql(db, statement));
}

/** Forgets turns whose retries can no longer come. */
export async function purgeExpiredTurns(db: Db, at: Date): Promise<number> {
  return (await withBusyRetry(() => db.turnReply.deleteMany({ where: { expiresAt: { lt: at } } }))).count;
}
