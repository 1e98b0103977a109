import type { Db } from './client.js';
import { withBusyRetry } from './retry.js';
import { executeSql } from './direct-sql.js';
import { quickCommit } from './dialect.js';
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

/** Marks the turn answered, with how many messages it sent and its invoke response if it has one: one statement (see quickCommit). */
export async function finishTurn(db: Db, key: string, sent?: number, invokeResponse?: string): Promise<void> {
  const where = sqltag`WHERE "activityKey" = ${key} ${quickCommit(db)}`;
  await withBusyRetry(() =>
    sent === undefined
      ? executeSql(db, sqltag`UPDATE "TurnReply" SET "status" = 'done' ${where}`)
      : invokeResponse === undefined
        ? executeSql(db, sqltag`UPDATE "TurnReply" SET "status" = 'done', "sent" = ${sent} ${where}`)
        : executeSql(db, sqltag`UPDATE "TurnReply" SET "status" = 'done', "sent" = ${sent}, "invokeResponse" = ${invokeResponse} ${where}`),
  );
}

/** Forgets turns whose retries can no longer come. */
export async function purgeExpiredTurns(db: Db, at: Date): Promise<number> {
  return (await withBusyRetry(() => db.turnReply.deleteMany({ where: { expiresAt: { lt: at } } }))).count;
}
