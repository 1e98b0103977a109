import pgDriver from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenStore } from '../../bot/store/database.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import { recordSqliteStatements } from '../support/sqlite-statements.js';

// A turn marked answered: at once and alone when nothing else is being written, together with the turns that finished
// meanwhile when a record is in flight, each with its own values, on both databases.
const pg = countPgStatements();
/** The last statement (SQL and values) a pg client was given, to explain it. */
const given: { last?: { text: string; values: unknown[] } } = {};
{
  const query = pgDriver.Client.prototype.query;
  pgDriver.Client.prototype.query = function (this: pgDriver.Client, ...args: unknown[]) {
    const config = args[0] as { text?: string; values?: unknown[] };
    if (config?.text) given.last = { text: config.text, values: config.values ?? [] };
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}
const NOW = new Date('2026-11-23T09:00:00Z');
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;
beforeEach(async () => {
  demo = await openDemoStore('City of London', NOW);
  store = demo.store as OpenStore;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await demo.done();
});

const claim = (key: string) => store.turnReplies.claim({ key, at: NOW, ttlMs: 60 * 60_000, leaseMs: 120_000 });
const row = (key: string) => store.db.turnReply.findUniqueOrThrow({ where: { activityKey: key } });

/** The statements that change TurnReply while `work` runs. */
async function recordsOf(work: () => Promise<unknown>): Promise<string[]> {
  const ours = (sql: string) => /^\s*UPDATE "TurnReply"/.test(sql);
  if (store.kind === 'sqlite') {
    const run = recordSqliteStatements();
    await work();
    vi.restoreAllMocks();
    return run.filter(ours);
  }
  pg.statements.length = 0;
  pg.counting.on = true;
  try {
    await work();
    return pg.statements.filter(ours);
  } finally {
    pg.counting.on = false;
  }
}

describe('marking turns answered', () => {
  it('marks a turn on its own in one statement, with what it sent and its invoke response', async () => {
    await claim('t1');
    const records = await recordsOf(() => store.turnReplies.finish('t1', 2, '{"statusCode":200}'));
    expect(records).toHaveLength(1);
    expect(await row('t1')).toMatchObject({ status: 'done', sent: 2, invokeResponse: '{"statusCode":200}' });
  });

  it('marks the turns that finish while a record is written together in the next statement, each with its own count, leaving the rest', async () => {
    for (const key of ['a', 'c', 'd', 'e', 'untouched']) await claim(key);
    await store.turnReplies.record('c', 3, '{"before":true}');
    const records = await recordsOf(() =>
      Promise.all([
        store.turnReplies.finish('a', 1),
        // nothing given: what the turn recorded before stays
        store.turnReplies.finish('c'),
        store.turnReplies.finish('d', 0),
        store.turnReplies.finish('e', 7),
      ]),
    );
    // the first at once, the three that came while it was written in one more
    expect(records).toHaveLength(2);
    expect(await row('a')).toMatchObject({ status: 'done', sent: 1, invokeResponse: null });
    expect(await row('c')).toMatchObject({ status: 'done', sent: 3, invokeResponse: '{"before":true}' });
    expect(await row('d')).toMatchObject({ status: 'done', sent: 0 });
    expect(await row('e')).toMatchObject({ status: 'done', sent: 7 });
    expect(await row('untouched')).toMatchObject({ status: 'running', sent: 0 });
    // the same turns again (a retry's record): nothing changes
    await Promise.all([store.turnReplies.finish('a', 1), store.turnReplies.finish('a', 1), store.turnReplies.finish('d')]);
    expect(await row('a')).toMatchObject({ status: 'done', sent: 1 });
    expect(await row('d')).toMatchObject({ status: 'done', sent: 0 });
  });

  it('marks a card’s turn with its invoke response, exactly as given, together with the turns that finish beside it', async () => {
    for (const key of ['a', 'b', 'c']) await claim(key);
    const response =
      '{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"body":[{"text":"it’s “quoted” \\ {x}"}]}}';
    const records = await recordsOf(() =>
      Promise.all([store.turnReplies.finish('a', 1), store.turnReplies.finish('b', 4, response), store.turnReplies.finish('c', 2)]),
    );
    expect(records).toHaveLength(2);
    expect(await row('a')).toMatchObject({ status: 'done', sent: 1, invokeResponse: null });
    expect(await row('b')).toMatchObject({ status: 'done', sent: 4, invokeResponse: response });
    expect(await row('c')).toMatchObject({ status: 'done', sent: 2, invokeResponse: null });
    // the card's activity again is a retry with the invoke response it recorded
    expect(await claim('b')).toEqual({ kind: 'retry', status: 'done', invokeResponse: response });
  });

  it.runIf(TEST_POSTGRES_URL)('on PostgreSQL finds the turns by their key, never reading the whole table of turns', async () => {
    // a busy hour's turns, with the planner's statistics up to date
    await store.db.$executeRawUnsafe(
      `INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent") SELECT 'busy:' || g, 'done', now(), now() + interval '1 hour', 1 FROM generate_series(1, 20000) g`,
    );
    await store.db.$executeRawUnsafe('ANALYZE "TurnReply"');
    for (const key of ['a', 'b']) await claim(key);
    await Promise.all([store.turnReplies.finish('a', 1), store.turnReplies.finish('b', 2, '{"statusCode":200}')]);
    const statement = given.last!;
    expect(statement.text).toMatch(/^\s*UPDATE "TurnReply"/);
    const client = new pgDriver.Client({ connectionString: demo.url });
    await client.connect();
    try {
      const { rows } = await client.query({ text: `EXPLAIN (FORMAT JSON) ${statement.text}`, values: statement.values });
      const plan = JSON.stringify(rows[0]);
      expect(plan).not.toMatch(/"Seq Scan"/);
      expect(plan).toMatch(/"Index Name":"TurnReply_pkey"/);
    } finally {
      await client.end();
    }
    expect(await row('b')).toMatchObject({ status: 'done', sent: 2, invokeResponse: '{"statusCode":200}' });
  });
});
