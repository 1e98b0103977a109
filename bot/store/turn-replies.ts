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

/** A turn answered: how many messages it sent and its invoke response, each left as it was when not given. */
type Finished = { key: string; sent?: number; invokeResponse?: string };

/** Each database's turns being marked answered, written together (see coalesced). */
const finishing = new WeakMap<Db, (turn: Finished) => Promise<void>>();

/**
 * Marks the turn answered, with how many messages it sent and its invoke response if it has one. Turns that finish
 * while another's record is being written are marked together, in the next statement: at fifty conversations a record
 * a turn becomes one every few turns, while a turn on its own is written at once. See quickCommit.
 */
export function finishTurn(db: Db, key: string, sent?: number, invokeResponse?: string): Promise<void> {
  let finish = finishing.get(db);
  if (!finish) {
    finish = coalesced((turns) => markFinished(db, turns));
    finishing.set(db, finish);
  }
  return finish({ key, sent, invokeResponse });
}

/**
 * One statement for any number of answered turns (the last word for a key given twice). On PostgreSQL the rows are
 * found by the primary key from an array of the keys, and each one's count and invoke response by its place in it (a
 * join with a list's rows was planned as a scan of the whole table: the planner guesses ten or a hundred rows for a
 * list); on SQLite a JSON object by key, which SQLite walks, looking each key up.
 */
async function markFinished(db: Db, turns: Finished[]): Promise<void> {
  const byKey = new Map(turns.map((t) => [t.key, t]));
  const keys = [...byKey.keys()];
  const at = sqltag`array_position(CAST(${keys} AS text[]), "activityKey")`;
  const statement = isPostgres(db)
    ? sqltag`
      UPDATE "TurnReply" SET "status" = 'done',
        "sent" = COALESCE((CAST(${[...byKey.values()].map((t) => t.sent ?? null)} AS integer[]))[${at}], "sent"),
        "invokeResponse" = COALESCE((CAST(${[...byKey.values()].map((t) => t.invokeResponse ?? null)} AS text[]))[${at}], "invokeResponse")
      WHERE "activityKey" = ANY(CAST(${keys} AS text[])) ${quickCommit(db)}`
    : sqltag`
      UPDATE "TurnReply" SET "status" = 'done',
        "sent" = COALESCE(CAST(f.value ->> 'sent' AS INTEGER), "TurnReply"."sent"),
        "invokeResponse" = COALESCE(f.value ->> 'invokeResponse', "TurnReply"."invokeResponse")
      FROM json_each(${JSON.stringify(Object.fromEntries([...byKey.values()].map((t) => [t.key, { sent: t.sent, invokeResponse: t.invokeResponse }])))}) AS f
      WHERE "TurnReply"."activityKey" = f.key`;
  await withBusyRetry(() => executeSql(db, statement));
}

/** Forgets turns whose retries can no longer come. */
export async function purgeExpiredTurns(db: Db, at: Date): Promise<number> {
  return (await withBusyRetry(() => db.turnReply.deleteMany({ where: { expiresAt: { lt: at } } }))).count;
}
