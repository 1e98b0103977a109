import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMessageCard } from '../../cards/message-card.js';
import type { OpenStore } from '../../bot/store/database.js';
import type { UpdateCommand } from '../../bot/store/updates.js';
import { TEAMS } from '../support/activities.js';
import { openDemoStore, TEST_POSTGRES_URL } from '../support/database.js';
import { countPgStatements } from '../support/pg-statements.js';
import { recordSqliteStatements } from '../support/sqlite-statements.js';

// before any store connects: its connections keep the query function they were made with
const pg = countPgStatements();

// The one update path's outcomes, as the store reports them to the card and the update conversation.
const AT = new Date('2026-11-22T10:00:00Z');
const PARTNERSHIP = 'City of London';
let demo: Awaited<ReturnType<typeof openDemoStore>>;
let store: OpenStore;

beforeEach(async () => {
  demo = await openDemoStore(PARTNERSHIP, AT);
  store = demo.store;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await demo.done();
});

const a18 = async () => (await store.plans.require(PARTNERSHIP)).actions.find((a) => a.ref === 18)!;
const history = async (actionId: number) => store.db.actionUpdate.findMany({ where: { actionId }, orderBy: { id: 'asc' } });

/** Ali's update of action 18 from the version they saw; an announcement to queue when it changes the RAG. */
async function command(overrides: Partial<UpdateCommand> = {}): Promise<UpdateCommand> {
  const action = await a18();
  return {
    actionId: action.id,
    expectedVersion: action.version,
    rag: 'AMBER',
    note: 'Met three faith leaders.',
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: `key-${action.version}`,
    at: AT,
    announce: [
      {
        key: `announce:${action.id}:v${action.version + 1}`,
        partnership: PARTNERSHIP,
        kind: 'announcement',
        conversationId: TEAMS.channelId,
        recipient: 'the partnership channel',
        reply: buildMessageCard({ lines: ['Action 18 is now AMBER'] }),
      },
    ],
    ...overrides,
  };
}

describe('applying an update', () => {
  it('changes the action once, keeps its progress when none is given, records the RAG before and queues the announcement with it', async () => {
    const before = await a18();
    const cmd = await command();
    expect(await store.actions.applyUpdate(cmd)).toMatchObject({
      status: 'applied',
      ragFrom: 'RED',
      ragTo: 'AMBER',
      version: before.version + 1,
    });
    const after = await a18();
    expect(after).toMatchObject({ rag: 'AMBER', version: before.version + 1, progress: before.progress });
    expect((await history(before.id)).at(-1)).toMatchObject({
      ragFrom: 'RED',
      ragTo: 'AMBER',
      note: cmd.note,
      actorName: 'Ali Burlington',
    });
    expect(await store.outbox.list({ kind: 'announcement' })).toHaveLength(1);
  });

  it('reports the same request again as a duplicate of the first, saving nothing more', async () => {
    const cmd = await command();
    const first = await store.actions.applyUpdate(cmd);
    const entries = (await history(cmd.actionId)).length;
    expect(await store.actions.applyUpdate(cmd)).toEqual({ ...first, status: 'duplicate' });
    expect(await history(cmd.actionId)).toHaveLength(entries);
    expect(await store.outbox.list({ kind: 'announcement' })).toHaveLength(1);
  });

  it('refuses an update from an old version as stale, saying the current one, and queues nothing', async () => {
    const old = await command({ note: 'first' });
    await store.actions.applyUpdate({ ...old, rag: 'RED', announce: [] });
    const entries = (await history(old.actionId)).length;
    expect(await store.actions.applyUpdate({ ...old, idempotencyKey: 'another', note: 'second' })).toEqual({
      status: 'stale',
      currentVersion: old.expectedVersion + 1,
    });
    expect(await history(old.actionId)).toHaveLength(entries);
    expect(await store.outbox.list({ kind: 'announcement' })).toHaveLength(0);
  });

  it('says an unknown action is missing, and an action of a plan that is no longer live is closed, saving nothing', async () => {
    expect(await store.actions.applyUpdate(await command({ actionId: 999_999 }))).toEqual({ status: 'missing' });
    const cmd = await command();
    const entries = (await history(cmd.actionId)).length;
    const plan = await store.db.plan.findFirstOrThrow({ where: { status: 'live' } });
    await store.db.plan.update({ where: { id: plan.id }, data: { status: 'archived' } });
    expect(await store.actions.applyUpdate(cmd)).toEqual({ status: 'closed', planStatus: 'archived', planTitle: plan.title });
    expect(await history(cmd.actionId)).toHaveLength(entries);
  });

  it('saves a note and progress that keep the RAG, with its history entry and no announcement', async () => {
    const before = await a18();
    const cmd = await command({ rag: before.rag, keepsRag: true, progress: 4, note: 'Two more sessions booked.' });
    expect(await store.actions.applyUpdate(cmd)).toMatchObject({
      status: 'applied',
      ragFrom: before.rag,
      ragTo: before.rag,
      version: before.version + 1,
    });
    expect(await a18()).toMatchObject({ rag: before.rag, progress: 4, version: before.version + 1 });
    expect((await history(before.id)).at(-1)).toMatchObject({
      ragFrom: before.rag,
      ragTo: before.rag,
      note: 'Two more sessions booked.',
      progress: 4,
    });
    expect(await store.outbox.list({ kind: 'announcement' })).toHaveLength(0);
  });

  it('of two different notes from the same version at once, saves one and calls the other stale', async () => {
    const before = await a18();
    const one = await command({ rag: before.rag, keepsRag: true, note: 'one', idempotencyKey: 'one' });
    const two = await command({ rag: before.rag, keepsRag: true, note: 'two', idempotencyKey: 'two' });
    const outcomes = await Promise.all([store.actions.applyUpdate(one), store.actions.applyUpdate(two)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'stale']);
    const notes = (await history(before.id)).map((h) => h.note).filter((n) => n === 'one' || n === 'two');
    expect(notes).toHaveLength(1);
    expect(await a18()).toMatchObject({ version: before.version + 1 });
  });

  it('saves the same note sent twice at once only once, and says so to both', async () => {
    const before = await a18();
    const cmd = await command({ rag: before.rag, keepsRag: true, note: 'twice', idempotencyKey: 'twice' });
    const outcomes = await Promise.all([store.actions.applyUpdate(cmd), store.actions.applyUpdate(cmd)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'duplicate']);
    expect(new Set(outcomes.map((o) => ('historyId' in o ? o.historyId : null))).size).toBe(1);
    expect((await history(before.id)).filter((h) => h.note === 'twice')).toHaveLength(1);
  });

  it('queues a RAG change’s announcement as Prisma would have: its row whole, once, even when its key is queued already', async () => {
    const cmd = await command();
    await store.actions.applyUpdate(cmd);
    const partnership = await store.db.partnership.findUniqueOrThrow({ where: { name: PARTNERSHIP } });
    expect(await store.db.outboxMessage.findMany()).toEqual([
      expect.objectContaining({
        key: cmd.announce![0]!.key,
        partnershipId: partnership.id,
        kind: 'announcement',
        conversationId: TEAMS.channelId,
        personId: null,
        recipient: 'the partnership channel',
        reply: JSON.stringify(cmd.announce![0]!.reply),
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: AT,
        availableAt: null,
        sentAt: null,
      }),
    ]);
    // the next change's announcement under a key already queued (a retried producer): saved, not queued twice
    const next = await command({ rag: 'GREEN', idempotencyKey: 'next' });
    expect(await store.actions.applyUpdate({ ...next, announce: cmd.announce })).toMatchObject({ status: 'applied', ragTo: 'GREEN' });
    expect(await store.db.outboxMessage.count()).toBe(1);
  });

  it.skipIf(TEST_POSTGRES_URL)(
    'saves a RAG change and its announcement in one transaction on the driver, without Prisma’s queries',
    async () => {
      const cmd = await command();
      const run = recordSqliteStatements();
      expect(await store.actions.applyUpdate(cmd)).toMatchObject({ status: 'applied', ragFrom: 'RED', ragTo: 'AMBER' });
      expect(run.map((sql) => sql.trim().split(/\s+/).slice(0, 3).join(' '))).toEqual([
        'BEGIN IMMEDIATE',
        'INSERT INTO "ActionUpdate"',
        'UPDATE "Action" SET',
        'INSERT INTO "OutboxMessage"',
        'COMMIT',
      ]);
    },
  );

  it.runIf(TEST_POSTGRES_URL)(
    'saves a RAG change and its announcements in one statement on PostgreSQL, counting only those waiting to be sent',
    async () => {
      const base = await command();
      const [message] = base.announce!;
      const cmd = {
        ...base,
        announce: [
          message!,
          { ...message!, key: `${message!.key}:slack`, conversationId: 'C0123SLACK' },
          { ...message!, key: `${message!.key}:gone`, conversationId: '19:gone@thread.tacv2', unreachable: 'removed' as const },
          message!,
        ],
      };
      const queued = vi.fn();
      const { onQueued } = await import('../../bot/store/outbox.js');
      const stop = onQueued(store.db, queued);
      pg.statements.length = 0;
      pg.counting.on = true;
      const outcome = await store.actions.applyUpdate(cmd);
      pg.counting.on = false;
      stop();
      expect(outcome).toMatchObject({ status: 'applied', ragFrom: 'RED', ragTo: 'AMBER', version: base.expectedVersion + 1 });
      expect(pg.statements.map((sql) => sql.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual(['WITH target']);
      const rows = await store.db.outboxMessage.findMany({ orderBy: { key: 'asc' } });
      expect(rows.map((r) => [r.key, r.conversationId, r.status, r.lastError])).toEqual([
        [message!.key, TEAMS.channelId, 'pending', null],
        [`${message!.key}:gone`, '19:gone@thread.tacv2', 'unreachable', 'removed'],
        [`${message!.key}:slack`, 'C0123SLACK', 'pending', null],
      ]);
      // the sender is woken once, after the commit
      expect(queued).toHaveBeenCalledTimes(1);
      expect(await a18()).toMatchObject({ rag: 'AMBER', version: base.expectedVersion + 1 });
    },
  );

  it('of two different RAG changes from the same version at once, saves one with its announcement and calls the other stale', async () => {
    const before = await a18();
    const amber = await command({ idempotencyKey: 'amber' });
    const green = await command({
      rag: 'GREEN',
      idempotencyKey: 'green',
      announce: amber.announce!.map((m) => ({ ...m, key: `${m.key}:green` })),
    });
    const outcomes = await Promise.all([store.actions.applyUpdate(amber), store.actions.applyUpdate(green)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'stale']);
    const winner = outcomes.findIndex((o) => o.status === 'applied') === 0 ? amber : green;
    expect(await a18()).toMatchObject({ rag: winner.rag, version: before.version + 1 });
    expect((await history(before.id)).filter((h) => h.idempotencyKey === 'amber' || h.idempotencyKey === 'green')).toEqual([
      expect.objectContaining({ ragFrom: 'RED', ragTo: winner.rag, idempotencyKey: winner.idempotencyKey }),
    ]);
    expect((await store.db.outboxMessage.findMany()).map((r) => r.key)).toEqual([winner.announce![0]!.key]);
  });

  it('saves the same RAG change sent twice at once only once, with one announcement, and says so to both', async () => {
    const before = await a18();
    const cmd = await command({ idempotencyKey: 'twice' });
    const outcomes = await Promise.all([store.actions.applyUpdate(cmd), store.actions.applyUpdate(cmd)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['applied', 'duplicate']);
    expect(outcomes.map((o) => ('ragTo' in o ? o.ragTo : null))).toEqual(['AMBER', 'AMBER']);
    expect((await history(before.id)).filter((h) => h.idempotencyKey === 'twice')).toHaveLength(1);
    expect(await store.db.outboxMessage.count()).toBe(1);
  });

  it('ends the conversation that asked for the update in the same transaction on the driver; a stale update ends nothing', async () => {
    const partnership = await store.db.partnership.findUniqueOrThrow({ where: { name: PARTNERSHIP } });
    const dialog = await store.db.dialogState.create({
      data: {
        partnershipId: partnership.id,
        conversationId: 'a:personal-29:ali',
        userChatId: '29:ali',
        kind: 'update',
        state: '{"step":"note"}',
        updatedAt: AT,
        expiresAt: new Date(AT.getTime() + 60_000),
      },
    });
    const ending = (saved: { ragFrom: string; ragTo: string }) => ({ id: dialog.id, version: dialog.version, state: { finished: saved } });
    const stale = await command({ expectedVersion: 0, idempotencyKey: 'stale' });
    expect(await store.actions.applyUpdate({ ...stale, endDialog: ending })).toMatchObject({ status: 'stale' });
    expect(await store.db.dialogState.findUniqueOrThrow({ where: { id: dialog.id } })).toMatchObject({ version: dialog.version });
    const run = recordSqliteStatements();
    expect(await store.actions.applyUpdate({ ...(await command()), endDialog: ending })).toMatchObject({
      status: 'applied',
      ragTo: 'AMBER',
    });
    expect(await store.db.dialogState.findUniqueOrThrow({ where: { id: dialog.id } })).toMatchObject({
      version: dialog.version + 1,
      state: JSON.stringify({ finished: { ragFrom: 'RED', ragTo: 'AMBER' } }),
      expiresAt: AT,
    });
    const heads = run.map((sql) => sql.trim().split(/\s+/).slice(0, 3).join(' '));
    if (!TEST_POSTGRES_URL)
      expect(heads.slice(heads.indexOf('BEGIN IMMEDIATE'), heads.indexOf('COMMIT') + 1)).toEqual([
        'BEGIN IMMEDIATE',
        'INSERT INTO "ActionUpdate"',
        'UPDATE "Action" SET',
        'INSERT INTO "OutboxMessage"',
        'UPDATE "DialogState" SET',
        'COMMIT',
      ]);
  });

  it('takes a hint that the RAG is kept as a hint: a RAG change still saves, with its announcement', async () => {
    const before = await a18();
    const cmd = await command({ keepsRag: true });
    expect(await store.actions.applyUpdate(cmd)).toMatchObject({ status: 'applied', ragFrom: before.rag, ragTo: 'AMBER' });
    expect(await store.outbox.list({ kind: 'announcement' })).toHaveLength(1);
  });
});
