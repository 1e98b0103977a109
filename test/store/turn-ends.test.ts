import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenStore } from '../../bot/store/database.js';
import { createTestStore, TEST_POSTGRES_URL } from '../support/database.js';

// Turns that end together are marked answered together on PostgreSQL (one statement for many), each with its own count
// and invoke response. Statements are counted at the driver, from before the store's connections are made.
const statements: string[] = [];
const counting = { on: false };
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  if (counting.on) statements.push(String((args[0] as { text?: string })?.text ?? args[0]));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const AT = new Date('2026-11-23T09:00:00Z');
let store: OpenStore & { drop(): Promise<void> };
beforeEach(async () => {
  store = (await createTestStore()) as typeof store;
});
afterEach(() => store.drop());

describe('the end of turns that finish at once', () => {
  it('each turn is marked answered with its own count and invoke response; a busy PostgreSQL writes them in a few statements', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `turn-${String(i).padStart(2, '0')}`);
    for (const key of keys) await store.turnReplies.claim({ key, at: AT, ttlMs: 60_000, leaseMs: 60_000 });
    // a turn that recorded two messages part-way, then ends without saying how many (its count stays)
    await store.turnReplies.record('turn-29', 2);
    const ending = (i: number) =>
      i === 29 ? undefined : { sent: i % 3, invokeResponse: i % 2 === 0 ? JSON.stringify({ statusCode: 200, n: i }) : undefined };
    statements.length = 0;
    counting.on = true;
    await Promise.all(keys.map((key, i) => store.turnReplies.finish(key, ending(i)?.sent, ending(i)?.invokeResponse)));
    counting.on = false;
    const rows = await store.db.turnReply.findMany({ orderBy: { activityKey: 'asc' } });
    expect(rows.map((r) => [r.activityKey, r.status, r.sent, r.invokeResponse])).toEqual(
      keys.map((key, i) => [key, 'done', ending(i)?.sent ?? 2, ending(i)?.invokeResponse ?? null]),
    );
    if (TEST_POSTGRES_URL) {
      // the first alone, then the rest together once it is written (more only if the pool hands them out in pieces)
      expect(statements.length).toBeGreaterThanOrEqual(2);
      expect(statements.length).toBeLessThan(5);
    }
  });

  it('a turn ending on its own is one statement, and a retry finds it answered', async () => {
    await store.turnReplies.claim({ key: 'alone', at: AT, ttlMs: 60_000, leaseMs: 60_000 });
    statements.length = 0;
    counting.on = true;
    await store.turnReplies.finish('alone', 1, '{"statusCode":200}');
    counting.on = false;
    if (TEST_POSTGRES_URL) expect(statements).toHaveLength(1);
    expect(await store.turnReplies.claim({ key: 'alone', at: AT, ttlMs: 60_000, leaseMs: 60_000 })).toEqual({
      kind: 'retry',
      status: 'done',
      invokeResponse: '{"statusCode":200}',
    });
  });
});
