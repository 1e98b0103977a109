import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OpenStore } from '../../bot/store/database.js';
import { TEST_POSTGRES_URL } from '../support/database.js';

// Prisma's SQLite adapter has one connection; a statement from another turn must not run inside an open transaction.
let dir: string;
let store: OpenStore;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'prevent-sqlite-tx-'));
  store = await openStore(`file:${path.join(dir, 'store.db')}`);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const names = async () => (await store.db.partnership.findMany({ orderBy: { name: 'asc' } })).map((p) => p.name);

/** A transaction that writes, waits while other turns go on, then fails (or ends well) and is rolled back (or committed). */
function slowTransaction(fail: boolean) {
  return store.db
    .$transaction(async (tx) => {
      await tx.partnership.create({ data: { name: 'inside' } });
      await pause(150);
      if (fail) throw new Error('this transaction fails');
    })
    .then(
      () => 'committed',
      () => 'rolled back',
    );
}

describe.skipIf(TEST_POSTGRES_URL)('statements from other turns while a transaction is open on SQLite', () => {
  it('keeps another turn’s write when the open transaction rolls back', async () => {
    const transaction = slowTransaction(true);
    await pause(30);
    await store.db.partnership.create({ data: { name: 'outside' } });
    await store.turnReplies.claim({ key: 'activity-1', at: new Date(), ttlMs: 60_000, leaseMs: 60_000 });
    expect(await transaction).toBe('rolled back');
    expect(await names()).toEqual(['outside']);
    expect(await store.db.turnReply.count({ where: { activityKey: 'activity-1' } })).toBe(1);
  });

  it('shows another turn only what was committed, not what the open transaction has written so far', async () => {
    const transaction = slowTransaction(true);
    await pause(30);
    expect(await names()).toEqual([]);
    expect(await transaction).toBe('rolled back');
  });

  it('saves both when the open transaction commits, the other turn’s write after it', async () => {
    const transaction = slowTransaction(false);
    await pause(30);
    const outside = store.db.partnership.create({ data: { name: 'outside' } });
    expect(await transaction).toBe('committed');
    await outside;
    const rows = await store.db.partnership.findMany({ orderBy: { id: 'asc' } });
    expect(rows.map((p) => p.name)).toEqual(['inside', 'outside']);
  });

  it('runs transactions one after another and statements between them in the order they came', async () => {
    const order: string[] = [];
    const first = slowTransaction(false).then(() => order.push('first transaction'));
    await pause(10);
    const read = names().then((seen) => order.push(`read saw ${seen.join(',') || 'nothing'}`));
    const second = store.db
      .$transaction(async (tx) => {
        await tx.partnership.create({ data: { name: 'second' } });
      })
      .then(() => order.push('second transaction'));
    await Promise.all([first, read, second]);
    expect(order).toEqual(['first transaction', 'read saw inside', 'second transaction']);
  });
});
