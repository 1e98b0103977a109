import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpenStore } from '../../bot/store/database.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { directTransaction, queryRows } from '../../bot/store/direct-sql.js';
import { quickCommit } from '../../bot/store/dialect.js';
import { sqltag } from '@prisma/client/runtime/client';
import pg from 'pg';

// A turn's conversation and its claim: one statement on PostgreSQL when the conversation is known, two elsewhere.
// Statements are counted at the driver, from before the store's connections are made (they keep their query function).
const { statements, values, counting } = countPgStatements();
const NOW = new Date('2026-11-23T09:00:00Z');
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;
beforeEach(async () => {
  demo = await openDemoStore('City of London', NOW);
  store = demo.store;
});
afterEach(async () => {
  await demo.done();
});

const seen = (conversationId: string) => ({
  conversationId,
  kind: 'channel' as const,
  reference: { conversation: { id: conversationId } },
  serviceUrl: 'https://smba.example/',
  now: NOW,
});
const claim = (key: string) => ({ key, at: NOW, ttlMs: 60 * 60_000 });
const claims = (key: string) => store.db.turnReply.count({ where: { activityKey: key } });

describe('entering a conversation with the turn’s claim', () => {
  it('claims in the same statement on PostgreSQL once the conversation is known; a key seen before is not claimed again', async () => {
    const forNew = vi.fn(async () => 'City of London');
    // a new conversation: its partnership from the tenant, nothing claimed here (the turn claims it as before)
    expect(await store.conversations.enter(seen('19:c1'), forNew, claim('k1'))).toEqual({ partnership: 'City of London' });
    expect(forNew).toHaveBeenCalledTimes(1);
    expect(await claims('k1')).toBe(0);
    const known = await store.conversations.enter(seen('19:c1'), forNew, claim('k2'));
    const again = await store.conversations.enter(seen('19:c1'), forNew, claim('k2'));
    expect(forNew).toHaveBeenCalledTimes(1);
    if (TEST_POSTGRES_URL) {
      expect(known).toEqual({ partnership: 'City of London', claimed: true });
      expect(again).toEqual({ partnership: 'City of London', claimed: false });
      expect(await claims('k2')).toBe(1);
      expect(await store.db.turnReply.findUnique({ where: { activityKey: 'k2' } })).toMatchObject({
        status: 'running',
        sent: 0,
        claimedAt: NOW,
        expiresAt: new Date(NOW.getTime() + 60 * 60_000),
      });
    } else {
      expect([known, again]).toEqual([{ partnership: 'City of London' }, { partnership: 'City of London' }]);
      expect(await claims('k2')).toBe(0);
    }
  });

  it('claims nothing for a conversation no partnership owns', async () => {
    expect(await store.conversations.enter(seen('19:stranger'), async () => null, claim('k3'))).toEqual({ partnership: null });
    expect(await claims('k3')).toBe(0);
  });

  it('a turn claimed with its conversation is new; the same activity again is a retry', async () => {
    await store.conversations.enter(seen('19:c2'), async () => 'City of London');
    const entered = await store.conversations.enter(seen('19:c2'), async () => null, claim('k4'));
    const first = await store.turnReplies.claim({ ...claim('k4'), leaseMs: 120_000, inserted: entered.claimed });
    expect(first).toEqual({ kind: 'new' });
    const retry = await store.conversations.enter(seen('19:c2'), async () => null, claim('k4'));
    expect(await store.turnReplies.claim({ ...claim('k4'), leaseMs: 120_000, inserted: retry.claimed })).toMatchObject({ kind: 'retry' });
    expect(await claims('k4')).toBe(1);
  });

  it('given the sender, PostgreSQL makes the turn’s first reads in the same statement: the turn opens as openTurn opens it, and first contact needs no lookup', async () => {
    const ali = TEAMS.user('Ali Burlington', '29:ali');
    const stranger = TEAMS.user('Stranger', '29:stranger');
    await store.people.grantRole({ partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
    await store.conversations.enter(seen('19:c5'), async () => 'City of London');
    statements.length = 0;
    counting.on = true;
    const entered = await store.conversations.enter(seen('19:c5'), async () => null, claim('k5'), ali);
    counting.on = false;
    if (!TEST_POSTGRES_URL) {
      expect(entered).toEqual({ partnership: 'City of London' });
      return;
    }
    expect(statements).toHaveLength(1);
    expect(entered).toMatchObject({ partnership: 'City of London', claimed: true });
    const ahead = entered.ahead!;
    // what recogniseSender would have looked up: known by object id, not yet from the roster
    expect(ahead.roster).toEqual(await store.roster.state('City of London', ali.aadObjectId!));
    expect(ahead.roster).toEqual({ fromRoster: false });
    const opened = await ahead.open();
    const direct = await store.turns.open({ partnership: 'City of London', sender: ali, conversationId: '19:c5' });
    expect(opened!.person).toEqual(direct!.person);
    expect(opened!.person).toMatchObject({ chatId: ali.id, role: 'lead', organisation: 'CoLC Community Safety Team' });
    expect({ ...opened!.reads, livePlan: undefined, dialog: undefined }).toEqual({
      ...direct!.reads,
      livePlan: undefined,
      dialog: undefined,
    });
    expect(await opened!.reads.livePlan()).toBe(await direct!.reads.livePlan());
    expect(await opened!.reads.dialog()).toEqual(await direct!.reads.dialog());
    // someone the partnership does not know: nobody, and no roster record
    const theirs = await store.conversations.enter(seen('19:c5'), async () => null, claim('k6'), stranger);
    expect(theirs.ahead!.roster).toBeNull();
    expect((await theirs.ahead!.open())!.person).toBeNull();
    // a retry's statement reads as well, but claims nothing
    const retry = await store.conversations.enter(seen('19:c5'), async () => null, claim('k5'), ali);
    expect(retry.claimed).toBe(false);
    expect(await claims('k5')).toBe(1);
  });
});

describe.runIf(TEST_POSTGRES_URL)('a turn’s bookkeeping on PostgreSQL', () => {
  const setting = (sql: string) => sql.includes(`set_config('synchronous_commit', 'off', true)`);
  const synchronousCommit = async () =>
    (await queryRows<{ s: string }>(store.db, sqltag`SELECT current_setting('synchronous_commit') AS "s", pg_sleep(0.02)`))[0]!.s;

  it('commits the claim and the record without waiting for the disk, and every other statement on those connections still waits', async () => {
    await store.conversations.enter(seen('19:c6'), async () => 'City of London', claim('k6'));
    statements.length = 0;
    counting.on = true;
    await store.conversations.enter(seen('19:c6'), async () => 'City of London', claim('k7'));
    await store.turnReplies.claim({ key: 'k8', at: NOW, ttlMs: 60_000, leaseMs: 30_000 });
    await store.turnReplies.finish('k7', 1, '{"statusCode":200}');
    counting.on = false;
    // each of the three is one statement that turns it off for its own transaction only
    expect(statements).toHaveLength(3);
    expect(statements.filter(setting)).toHaveLength(3);
    expect(await store.db.turnReply.findUnique({ where: { activityKey: 'k7' } })).toMatchObject({ status: 'done', sent: 1 });
    expect(await claims('k8')).toBe(1);
    // the setting ends with the transaction: more statements than the pool has connections, at once, all wait for the disk
    expect(await Promise.all(Array.from({ length: 12 }, synchronousCommit))).toEqual(Array(12).fill('on'));
    // while inside a transaction that ran the condition, it is off
    const inside = await directTransaction(store.db, async (tx) => {
      await queryRows(tx, sqltag`SELECT 1 AS "one" WHERE true ${quickCommit(store.db)}`);
      return (await queryRows<{ s: string }>(tx, sqltag`SELECT current_setting('synchronous_commit') AS "s"`))[0]!.s;
    });
    expect(inside).toBe('off');
    expect(await synchronousCommit()).toBe('on');
  });
});

describe.runIf(TEST_POSTGRES_URL)('turns opening at once on PostgreSQL', () => {
  const ali = TEAMS.user('Ali Burlington', '29:ali');
  const zoe = TEAMS.user('Zoe Coordinator', '29:zoe');
  const stranger = TEAMS.user('Stranger', '29:stranger');
  const nobody = async () => null;
  /** What a turn's first reads give, without the functions (compared by calling them). */
  const readsOf = async (entered: {
    ahead?: { open(): Promise<unknown> };
  }): Promise<{ person: unknown; reads: Record<string, unknown> }> => {
    const opened = (await entered.ahead?.open()) as { person: unknown; reads: Record<string, unknown> & { dialog(): Promise<unknown> } };
    return { person: opened.person, reads: { ...opened.reads, livePlan: undefined, dialog: await opened.reads.dialog() } };
  };

  it('go in one statement while another is in flight, each with its own claim and first reads, as if it had opened alone', async () => {
    await store.people.grantRole({ partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
    await store.people.grantRole({ partnership: 'City of London', person: asPerson(zoe), role: 'coordinator' });
    for (const c of ['19:c10', '19:c11', '19:c12']) await store.conversations.enter(seen(c), async () => 'City of London');
    statements.length = 0;
    counting.on = true;
    const [first, ...together] = await Promise.all([
      store.conversations.enter(seen('19:c12'), nobody, claim('b0'), zoe),
      store.conversations.enter(seen('19:c10'), nobody, claim('b1'), ali, { updaters: true }),
      store.conversations.enter(seen('19:c11'), nobody, claim('b2'), stranger),
      store.conversations.enter(seen('19:c12'), nobody, claim('b3'), zoe),
      store.conversations.enter(seen('19:stranger'), nobody, claim('b4'), ali),
    ]);
    counting.on = false;
    // the first at once, alone; the four that came while it was in flight together
    expect(statements).toHaveLength(2);
    expect(first).toMatchObject({ partnership: 'City of London', claimed: true });
    expect(together.map((t) => [t.partnership, t.claimed])).toEqual([
      ['City of London', true],
      ['City of London', true],
      ['City of London', true],
      [null, undefined],
    ]);
    expect(await Promise.all(['b0', 'b1', 'b2', 'b3', 'b4'].map(claims))).toEqual([1, 1, 1, 1, 0]);
    expect(await store.db.turnReply.findUnique({ where: { activityKey: 'b2' } })).toMatchObject({
      status: 'running',
      sent: 0,
      claimedAt: NOW,
      expiresAt: new Date(NOW.getTime() + 60 * 60_000),
    });
    // each turn's reads are its own: the lead with who may update (asked for), someone unknown, the coordinator
    const [forAli, forStranger, forZoe] = together;
    expect(forAli!.ahead!.roster).toEqual({ fromRoster: false });
    expect(forStranger!.ahead!.roster).toBeNull();
    const alone = (sender: typeof ali, conversationId: string, updaters?: boolean) =>
      store.turns.open({ partnership: 'City of London', sender, conversationId, ...(updaters ? { updaters } : {}) });
    const expected = async (opened: ReturnType<typeof alone>) => readsOf({ ahead: { open: () => opened } });
    expect(await readsOf(forAli!)).toEqual(await expected(alone(ali, '19:c10', true)));
    expect((await readsOf(forAli!)).reads.updaters).toEqual(await store.people.updaters('City of London'));
    expect(await readsOf(forStranger!)).toEqual(await expected(alone(stranger, '19:c11')));
    expect((await readsOf(forStranger!)).person).toBeNull();
    expect(await readsOf(forZoe!)).toEqual(await expected(alone(zoe, '19:c12')));
    expect((await readsOf(forZoe!)).reads).not.toHaveProperty('updaters');
    expect((await readsOf(forZoe!)).person).toMatchObject({ chatId: zoe.id, role: 'coordinator' });
  });

  it('claims a key given twice at once only once: the retry finds the first delivery’s claim', async () => {
    for (const c of ['19:c13', '19:c14']) await store.conversations.enter(seen(c), async () => 'City of London');
    const entered = await Promise.all([
      store.conversations.enter(seen('19:c14'), nobody, claim('d0'), ali),
      store.conversations.enter(seen('19:c13'), nobody, claim('d1'), ali),
      store.conversations.enter(seen('19:c14'), nobody, claim('d2'), zoe),
      store.conversations.enter(seen('19:c13'), nobody, claim('d1'), ali),
      // the first's key again, in the next statement: already there
      store.conversations.enter(seen('19:c14'), nobody, claim('d0'), ali),
    ]);
    expect(entered.map((e) => e.claimed)).toEqual([true, true, true, false, false]);
    expect(await Promise.all(['d0', 'd1', 'd2'].map(claims))).toEqual([1, 1, 1]);
    expect(entered.every((e) => e.ahead)).toBe(true);
  });

  it('a statement that fails fails every turn in it, and the next turns are read as usual', async () => {
    await store.conversations.enter(seen('19:c15'), async () => 'City of London');
    const broken = { ...claim('e1'), at: new Date(Number.NaN) };
    const entered = await Promise.allSettled([
      store.conversations.enter(seen('19:c15'), nobody, claim('e0'), ali),
      store.conversations.enter(seen('19:c15'), nobody, claim('e2'), ali),
      store.conversations.enter(seen('19:c15'), nobody, broken, zoe),
    ]);
    expect(entered.map((e) => e.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(await Promise.all(['e0', 'e1', 'e2'].map(claims))).toEqual([1, 0, 0]);
    const again = await store.conversations.enter(seen('19:c15'), nobody, claim('e2'), ali);
    expect(again.claimed).toBe(true);
  });

  it('finds each turn’s conversation, claim, sender and conversation in progress by an index, never reading a whole table', async () => {
    // the nation's partnerships, and a national partnership's worth of conversations and people, with the planner's statistics up to date
    const [{ id } = { id: 0 }] = await store.db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT "id" FROM "Partnership" WHERE "name" = 'City of London'`,
    );
    await store.db.$executeRawUnsafe(
      `INSERT INTO "ConversationRef" ("partnershipId", "conversationId", "kind", "reference", "serviceUrl") SELECT ${id}, '19:many-' || g, 'personal', '{}', 'https://smba.example/' FROM generate_series(1, 20000) g`,
    );
    await store.db.$executeRawUnsafe(
      `INSERT INTO "Person" ("partnershipId", "aadObjectId", "chatId", "displayName") SELECT ${id}, 'aad-' || g, '29:many-' || g, 'Person ' || g FROM generate_series(1, 5000) g`,
    );
    await store.db.$executeRawUnsafe(
      `INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent") SELECT 'busy:' || g, 'done', now(), now() + interval '1 hour', 1 FROM generate_series(1, 20000) g`,
    );
    await store.db.$executeRawUnsafe(`INSERT INTO "Partnership" ("name") SELECT 'Partnership ' || g FROM generate_series(1, 400) g`);
    for (const table of ['Partnership', 'ConversationRef', 'Person', 'TurnReply']) await store.db.$executeRawUnsafe(`ANALYZE "${table}"`);
    statements.length = 0;
    values.length = 0;
    counting.on = true;
    await Promise.all(
      ['f0', 'f1', 'f2', 'f3'].map((key, i) => store.conversations.enter(seen(`19:many-${i + 1}`), nobody, claim(key), ali)),
    );
    counting.on = false;
    expect(statements).toHaveLength(2);
    const client = new pg.Client({ connectionString: demo.url });
    await client.connect();
    try {
      const { rows } = await client.query({ text: `EXPLAIN (FORMAT JSON) ${statements[1]}`, values: values[1] });
      const scanned: string[] = [];
      const walk = (node: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }) => {
        if (node['Node Type'] === 'Seq Scan') scanned.push(String(node['Relation Name']));
        for (const child of node.Plans ?? []) walk(child as typeof node);
      };
      const plan = (rows[0] as { 'QUERY PLAN': { Plan: Parameters<typeof walk>[0] }[] })['QUERY PLAN'][0]!.Plan;
      walk(plan);
      expect(JSON.stringify(rows[0])).toMatch(/"Index Name":"ConversationRef_conversationId_key"/);
      // the partnerships (a few hundred rows, a few pages) the planner may read whole rather than look up each turn's;
      // nothing that grows with use: conversations, people, turns, conversations in progress, actions
      expect(scanned.filter((table) => table !== 'Partnership')).toEqual([]);
    } finally {
      await client.end();
    }
    expect(await Promise.all(['f0', 'f1', 'f2', 'f3'].map(claims))).toEqual([1, 1, 1, 1]);
  });
});
