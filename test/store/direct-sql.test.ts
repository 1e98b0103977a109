import { sqltag } from '@prisma/client/runtime/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import { directTransaction, executeSql, queryRows } from '../../bot/store/direct-sql.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { recordSqliteStatements } from '../support/sqlite-statements.js';

// The statements every turn runs go straight to the driver; they must read and write exactly what Prisma would.
const AT = new Date('2026-11-22T10:00:00Z');
const PARTNERSHIP = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;

beforeEach(async () => {
  demo = await openDemoStore(PARTNERSHIP, AT);
  store = demo.store;
  await store.db.person.create({
    data: {
      partnership: { connect: { name: PARTNERSHIP } },
      chatId: '29:ali',
      aadObjectId: 'aad-ali',
      displayName: 'Ali Burlington',
      guest: true,
      createdAt: new Date('2026-07-01T23:30:00.123Z'),
    },
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await demo.done();
});

/** Every kind of value a turn reads: integers, text, booleans, timestamps (one in British Summer Time), nulls, aggregates. */
const everyKind = sqltag`
  SELECT pe."id" AS "id", pe."displayName" AS "displayName", pe."guest" AS "guest", pe."createdAt" AS "createdAt",
    pe."removedAt" AS "removedAt", pl."importedAt" AS "importedAt", pl."id" AS "planId",
    (SELECT COUNT(*) || ':' || COALESCE(SUM(a."version"), 0) FROM "Action" a WHERE a."planId" = pl."id") AS "actions"
  FROM "Person" pe JOIN "Plan" pl ON pl."partnershipId" = pe."partnershipId"
  WHERE pe."chatId" = ${'29:ali'}`;

describe('statements run straight on the driver', () => {
  it('read the same values as Prisma’s $queryRaw, whatever the process’s time zone', async () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      const direct = await queryRows<Record<string, unknown>>(store.db, everyKind);
      const prisma = await store.db.$queryRaw<Record<string, unknown>[]>(everyKind);
      expect(direct).toEqual(prisma);
      expect(direct[0]).toMatchObject({ displayName: 'Ali Burlington', guest: true, removedAt: null, actions: '24:24' });
      expect((direct[0]?.createdAt as Date | undefined)?.toISOString()).toBe('2026-07-01T23:30:00.123Z');
      expect(typeof direct[0]?.id).toBe('number');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('write timestamps Prisma reads back as the same instant', async () => {
    const claimedAt = new Date('2026-06-15T22:45:10.500Z');
    const changed = await executeSql(
      store.db,
      sqltag`INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent") VALUES (${'k1'}, 'running', ${claimedAt}, ${claimedAt}, 0)`,
    );
    expect(changed).toBe(1);
    const row = await store.db.turnReply.findUnique({ where: { activityKey: 'k1' } });
    expect(row?.claimedAt.toISOString()).toBe(claimedAt.toISOString());
    // and Prisma's own comparisons see it in order with its own timestamps
    expect(await store.db.turnReply.count({ where: { claimedAt: { lt: new Date('2026-06-15T22:45:10.501Z') } } })).toBe(1);
    expect(await store.db.turnReply.count({ where: { claimedAt: { lt: claimedAt } } })).toBe(0);
  });

  it('answer a turn’s first reads, its claim and its finish without going through Prisma’s client', async () => {
    const turn = (key: string) => async () => {
      const opened = await store.turns.open({
        partnership: PARTNERSHIP,
        sender: { id: '29:ali', name: 'Ali', aadObjectId: 'aad-ali' },
        conversationId: 'c1',
      });
      await store.turnReplies.claim({ key, at: AT, ttlMs: 60_000, leaseMs: 60_000 });
      await store.turnReplies.finish(key, 1);
      return { person: opened?.person, plan: await opened?.reads.livePlan() };
    };
    await turn('k1')(); // the plan is read into the cache once
    const raw: string[] = [];
    for (const method of ['$queryRaw', '$executeRaw'] as const) {
      const original = store.db[method].bind(store.db) as (...args: unknown[]) => unknown;
      vi.spyOn(store.db, method).mockImplementation(((...args: unknown[]) => {
        raw.push(method);
        return original(...args);
      }) as never);
    }
    const { person, plan } = await turn('k2')();
    expect(raw).toEqual([]);
    expect(person).toMatchObject({ aadObjectId: 'aad-ali', guest: true, removed: false });
    expect(plan?.actions).toHaveLength(24);
    expect(await store.db.turnReply.findUnique({ where: { activityKey: 'k2' } })).toMatchObject({ status: 'done', sent: 1 });
  });

  it.skipIf(TEST_POSTGRES_URL)(
    'answer a Slack message’s workspace, sender and conversation without Prisma’s generated queries',
    async () => {
      await store.db.partnership.update({ where: { name: PARTNERSHIP }, data: { slackTeamId: 'T1' } });
      const person = await store.db.person.findFirstOrThrow({ where: { chatId: '29:ali' } });
      await store.db.person.update({ where: { id: person.id }, data: { slackTeamId: 'T1', slackUserId: 'U1' } });
      const message = async () => ({
        partnership: await store.slack.partnershipFor('T1', 'Nowhere'),
        unknownWorkspace: await store.slack.partnershipFor('T2', 'Nowhere'),
        sender: await store.slack.identify(PARTNERSHIP, { teamId: 'T1', userId: 'U1', name: 'Ali Burlington' }),
        conversation: await store.slack.rememberConversation({
          partnership: PARTNERSHIP,
          teamId: 'T1',
          channel: 'C1',
          kind: 'channel',
          userChatId: null,
          now: AT,
        }),
      });
      await message(); // the conversation is remembered once
      // every statement where it runs on the connection
      const run = recordSqliteStatements();
      const seen = await message();
      expect(run.length).toBe(4);
      expect(run.filter((sql) => sql.includes('`main`.'))).toEqual([]);
      expect(seen).toMatchObject({
        partnership: PARTNERSHIP,
        unknownWorkspace: null,
        sender: { displayName: 'Ali Burlington', guest: true },
        conversation: 'slack:T1:C1',
      });
    },
  );

  it('inside a transaction go through it, and are undone with it', async () => {
    const outcome = await store.db
      .$transaction(async (tx) => {
        await executeSql(
          tx as never,
          sqltag`INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent") VALUES (${'k3'}, 'running', ${AT}, ${AT}, 0)`,
        );
        expect(await queryRows(tx as never, sqltag`SELECT "activityKey" FROM "TurnReply" WHERE "activityKey" = ${'k3'}`)).toHaveLength(1);
        throw new Error('roll back');
      })
      .catch((err: Error) => err.message);
    expect(outcome).toBe('roll back');
    expect(await store.db.turnReply.count({ where: { activityKey: 'k3' } })).toBe(0);
  });

  it('in a transaction of their own are saved together or not at all, and other turns do not see it half done', async () => {
    const claim = (key: string) =>
      sqltag`INSERT INTO "TurnReply" ("activityKey", "status", "claimedAt", "expiresAt", "sent") VALUES (${key}, 'running', ${AT}, ${AT}, 0)`;
    const keys = async () => (await store.db.turnReply.findMany({ orderBy: { activityKey: 'asc' } })).map((r) => r.activityKey);
    const committed = await directTransaction(store.db, async (tx) => {
      await executeSql(tx, claim('a1'));
      await executeSql(tx, claim('a2'));
      return 'done';
    });
    expect(committed).toBe('done');
    let meanwhile: Promise<string[]> | undefined;
    const failed = directTransaction(store.db, async (tx) => {
      await executeSql(tx, claim('b1'));
      meanwhile = keys(); // another turn, while this transaction is open (on SQLite it waits for the end)
      await new Promise((resolve) => setTimeout(resolve, 50));
      await executeSql(tx, claim('a1')); // the key is taken: the whole transaction fails
      return 'not reached';
    });
    await expect(failed).rejects.toMatchObject({ code: expect.stringMatching(/23505|SQLITE_CONSTRAINT/) });
    expect(await meanwhile).toEqual(['a1', 'a2']);
    expect(await keys()).toEqual(['a1', 'a2']);
  });

  it.skipIf(!TEST_POSTGRES_URL)(
    'carry on after PostgreSQL ended the store’s idle connections (a restart), without an unhandled error',
    async () => {
      // a store that has only run direct statements so far (Prisma's adapter has not connected on its own)
      const fresh = await openStore(demo.url, { migrate: false });
      try {
        const ask = () => fresh.turns.open({ partnership: PARTNERSHIP, sender: { id: '29:ali', name: 'Ali' }, conversationId: 'c1' });
        expect(await ask()).not.toBeNull();
        // as a restart does: the server ends every other connection to this database
        await store.db
          .$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
        await new Promise((resolve) => setTimeout(resolve, 100));
        const again = await ask().catch(() => ask()); // a statement on a connection cut while in use may fail once
        expect(again?.reads.partnership).toBe(PARTNERSHIP);
      } finally {
        await fresh.close();
      }
    },
  );
});
