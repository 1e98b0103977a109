import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMessageCard } from '../../cards/message-card.js';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import type { ClaimedMessage, OutboxInput } from '../../bot/store/outbox.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import { recordSqliteStatements } from '../support/sqlite-statements.js';

// before any store connects: its connections keep the query function they were made with
const pg = countPgStatements();

// The outbox sender's claim and the end of a message it sent: one statement each, on both databases, never two senders
// holding the same row.
const AT = new Date('2026-11-23T09:00:00Z');
const PARTNERSHIP = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;

beforeEach(async () => {
  demo = await openDemoStore(PARTNERSHIP, AT);
  store = demo.store as OpenStore;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await demo.done();
});

const message = (n: number): OutboxInput => ({
  key: `test:${n}`,
  partnership: PARTNERSHIP,
  kind: 'announcement',
  conversationId: `19:channel-${n}@thread.tacv2`,
  recipient: 'the partnership channel',
  reply: buildMessageCard({ lines: [`Message ${n}`] }),
});
const rowOf = (key: string) => store.db.outboxMessage.findUniqueOrThrow({ where: { key } });

/** The statements `work` sends the database, as their first two words (BEGIN and COMMIT included). */
async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const words = (sql: string) => sql.trim().split(/\s+/).slice(0, 2).join(' ');
  if (store.kind === 'sqlite') {
    const run = recordSqliteStatements();
    const result = await work();
    vi.restoreAllMocks();
    return { result, statements: run.map(words) };
  }
  pg.statements.length = 0;
  pg.counting.on = true;
  try {
    const result = await work();
    return { result, statements: pg.statements.map(words) };
  } finally {
    pg.counting.on = false;
  }
}

describe('claiming due outbox rows', () => {
  it('claims the due rows oldest first with their partnership, in one statement, leaving rows not yet due and rows another sender holds', async () => {
    await store.outbox.queue([1, 2, 3, 4].map(message), AT);
    await store.db.outboxMessage.update({ where: { key: 'test:2' }, data: { availableAt: new Date(AT.getTime() + 60_000) } });
    await store.db.outboxMessage.update({
      where: { key: 'test:3' },
      data: { leasedBy: 'other#1', leaseUntil: new Date(Date.now() + 60_000) },
    });
    const { result: claimed, statements } = await statementsOf(() =>
      store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 10 }),
    );
    expect(statements).toEqual(['WITH "due"']);
    expect(claimed.map((m) => m.key)).toEqual(['test:1', 'test:4']);
    expect(claimed[0]).toMatchObject({
      partnership: PARTNERSHIP,
      kind: 'announcement',
      conversationId: '19:channel-1@thread.tacv2',
      recipient: 'the partnership channel',
      reply: buildMessageCard({ lines: ['Message 1'] }),
      attempts: 0,
      roundId: null,
      personId: null,
      onFailure: null,
      createdAt: AT,
    });
    expect(claimed[0]!.createdAt).toBeInstanceOf(Date);
    expect(await rowOf('test:1')).toMatchObject({ leasedBy: claimed[0]!.lease });
    expect(await rowOf('test:3')).toMatchObject({ leasedBy: 'other#1' });
    // nothing left that this sender may take, until the row waiting for a retry is due
    expect(await store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 10 })).toEqual([]);
    const later = await store.outbox.claim({ instance: 'here', at: new Date(AT.getTime() + 60_000), leaseMs: 30_000, limit: 10 });
    expect(later.map((m) => m.key)).toEqual(['test:2']);
  });

  it('takes over a row whose lease has run out, and claims no more than asked for', async () => {
    await store.outbox.queue([1, 2, 3].map(message), AT);
    await store.db.outboxMessage.update({
      where: { key: 'test:1' },
      data: { leasedBy: 'gone#1', leaseUntil: new Date(Date.now() - 1_000) },
    });
    const claimed = await store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 2 });
    expect(claimed.map((m) => m.key)).toEqual(['test:1', 'test:2']);
    expect((await rowOf('test:1')).leasedBy).toBe(claimed[0]!.lease);
    expect((await rowOf('test:3')).leasedBy).toBeNull();
  });

  it('never gives the same row to two instances claiming at once', async () => {
    await store.outbox.queue(
      Array.from({ length: 30 }, (_, i) => message(i + 1)),
      AT,
    );
    // on PostgreSQL a second instance with its own connections; on SQLite a second client of the same file
    const other = await openStore(demo.url, { migrate: false });
    try {
      const claims: ClaimedMessage[][] = [];
      for (let round = 0; round < 5; round++) {
        claims.push(
          ...(await Promise.all([
            store.outbox.claim({ instance: 'one', at: AT, leaseMs: 30_000, limit: 4 }),
            other.outbox.claim({ instance: 'two', at: AT, leaseMs: 30_000, limit: 4 }),
            store.outbox.claim({ instance: 'one', at: AT, leaseMs: 30_000, limit: 4 }),
          ])),
        );
      }
      const keys = claims.flat().map((m) => m.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(keys).toHaveLength(30);
      for (const m of claims.flat()) expect((await rowOf(m.key)).leasedBy).toBe(m.lease);
    } finally {
      await other.close();
    }
  });
  it.runIf(TEST_POSTGRES_URL)(
    'on PostgreSQL passes over rows another instance is claiming at this moment, without waiting for it',
    async () => {
      await store.outbox.queue(
        Array.from({ length: 8 }, (_, i) => message(i + 1)),
        AT,
      );
      // another instance's claim half-way: the first four rows locked, its transaction not yet committed
      const { default: pg } = await import('pg');
      const other = new pg.Client({ connectionString: demo.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT "id" FROM "OutboxMessage" WHERE "key" IN ('test:1', 'test:2', 'test:3', 'test:4') FOR UPDATE`);
        const waited = new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000).unref());
        const claimed = await Promise.race([store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 4 }), waited]);
        expect(claimed).not.toBe('waited');
        expect((claimed as ClaimedMessage[]).map((m) => m.key)).toEqual(['test:5', 'test:6', 'test:7', 'test:8']);
      } finally {
        await other.query('ROLLBACK');
        await other.end();
      }
      // the rows the other claim let go are still there to be claimed
      const rest = await store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 10 });
      expect(rest.map((m) => m.key)).toEqual(['test:1', 'test:2', 'test:3', 'test:4']);
    },
  );
});

describe('recording how a claimed row ended', () => {
  it('records a message sent in one statement, and nothing when the lease has been taken over', async () => {
    await store.outbox.queue([message(1), message(2)], AT);
    const [first, second] = await store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 2 });
    const sentAt = new Date(AT.getTime() + 5_000);
    const { result: recorded, statements } = await statementsOf(() => store.outbox.finish(first!, { status: 'sent', attempts: 2 }, sentAt));
    expect(recorded).toBe(true);
    expect(statements).toEqual(['UPDATE "OutboxMessage"']);
    expect(await rowOf('test:1')).toMatchObject({ status: 'sent', sentAt, attempts: 2, leasedBy: null, leaseUntil: null, lastError: null });
    // another instance took the second row over when this one's lease ran out: this one's end is not recorded
    await store.db.outboxMessage.update({ where: { key: 'test:2' }, data: { leasedBy: 'other#9' } });
    expect(await store.outbox.finish(second!, { status: 'sent', attempts: 1 }, sentAt)).toBe(false);
    expect(await rowOf('test:2')).toMatchObject({ status: 'pending', sentAt: null, attempts: 0, leasedBy: 'other#9' });
  });

  it('puts a row back for a later try with the error, and fails one for good, each in one statement', async () => {
    await store.outbox.queue([message(1), message(2)], AT);
    const [first, second] = await store.outbox.claim({ instance: 'here', at: AT, leaseMs: 30_000, limit: 2 });
    const retryAt = new Date(AT.getTime() + 60_000);
    const { statements } = await statementsOf(() =>
      store.outbox.finish(first!, { status: 'retry', error: '503 Service Unavailable', availableAt: retryAt, attempts: 3 }, AT),
    );
    expect(statements).toEqual(['UPDATE "OutboxMessage"']);
    expect(await rowOf('test:1')).toMatchObject({
      status: 'pending',
      attempts: 3,
      lastError: '503 Service Unavailable',
      availableAt: retryAt,
      sentAt: null,
      leasedBy: null,
    });
    expect(await store.outbox.finish(second!, { status: 'failed', error: 'x'.repeat(600), attempts: 1 }, AT)).toBe(true);
    expect(await rowOf('test:2')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'x'.repeat(500), leasedBy: null });
    // the row put back is claimed again once it is due, with the attempts so far
    const again = await store.outbox.claim({ instance: 'here', at: retryAt, leaseMs: 30_000, limit: 2 });
    expect(again.map((m) => [m.key, m.attempts])).toEqual([['test:1', 3]]);
  });
});
