import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore } from '../../bot/store/database.js';
import { cacheStatements } from '../../bot/store/sqlite-statements.js';
import { TEST_POSTGRES_URL } from '../support/database.js';

// Prisma's SQLite adapter prepares every query afresh; the store keeps prepared statements by their SQL text.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'prevent-statements-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('kept statements on a better-sqlite3 connection', () => {
  const open = () => {
    const db = new Database(path.join(dir, 'x.db'));
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)');
    return db;
  };

  it('prepares a query once however often it runs, each time with its own arguments', () => {
    const db = open();
    const kept = cacheStatements(db);
    for (const name of ['a', 'b', 'c']) db.prepare('INSERT INTO t (name) VALUES (?)').bind([name]).run();
    const read = (id: number) => db.prepare('SELECT name FROM t WHERE id = ?').bind([id]).raw().all();
    expect([read(1), read(2), read(3)]).toEqual([[['a']], [['b']], [['c']]]);
    expect(kept.prepared()).toBe(2);
    db.close();
  });

  it('can use a statement again after it failed', () => {
    const db = open();
    cacheStatements(db);
    const insert = (name: string) => db.prepare('INSERT INTO t (name) VALUES (?)').bind([name]).run();
    insert('a');
    expect(() => insert('a')).toThrow(/UNIQUE/);
    expect(insert('b').changes).toBe(1);
    db.close();
  });

  it('keeps at most the given number, dropping the least recently used', () => {
    const db = open();
    const kept = cacheStatements(db, 2);
    const select = (n: number) => db.prepare(`SELECT ${n}`).bind([]).raw().all();
    select(1);
    select(2);
    select(1); // 1 used last: 2 goes when 3 comes
    select(3);
    select(1);
    expect(kept.prepared()).toBe(3);
    select(2);
    expect(kept.prepared()).toBe(4);
    db.close();
  });

  it('sees a column added after the statement was kept', () => {
    const db = open();
    cacheStatements(db);
    db.prepare('INSERT INTO t (name) VALUES (?)').bind(['a']).run();
    const all = () => db.prepare('SELECT * FROM t').bind([]).raw().all();
    expect(all()).toEqual([[1, 'a']]);
    db.exec("ALTER TABLE t ADD COLUMN colour TEXT DEFAULT 'red'");
    expect(all()).toEqual([[1, 'a', 'red']]);
    db.close();
  });

  it('describes a kept query’s columns once, and again after a schema change', () => {
    const db = open();
    cacheStatements(db);
    // the rows first: SQLite notices a schema change only when a statement runs
    const describe = () => {
      const statement = db.prepare('SELECT * FROM t').bind([]);
      statement.raw().all();
      return statement.columns().map((c) => c.name);
    };
    const columns = vi.spyOn(Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')), 'columns');
    expect(describe()).toEqual(['id', 'name']);
    expect(describe()).toEqual(['id', 'name']);
    expect(columns).toHaveBeenCalledTimes(1);
    db.prepare("ALTER TABLE t ADD COLUMN colour TEXT DEFAULT 'red'").bind([]).run();
    expect(describe()).toEqual(['id', 'name', 'colour']);
    db.exec('ALTER TABLE t ADD COLUMN size INTEGER');
    expect(describe()).toEqual(['id', 'name', 'colour', 'size']);
    expect(columns).toHaveBeenCalledTimes(3);
    db.close();
  });
});

describe.skipIf(TEST_POSTGRES_URL)('the store on SQLite', () => {
  it('never binds the plan status that the one-live-plan partial index filters on (SQLite would re-plan the statement on every run)', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const store = await openStore(`file:${path.join(dir, 'store.db')}`);
    await loadDemoPlanIfEmpty(store, 'City of London', new Date('2026-11-22T10:00:00Z'));
    const partial = (store.db as unknown as { $queryRawUnsafe<T>(sql: string): Promise<T> }).$queryRawUnsafe<{ sql: string }[]>(
      `SELECT sql FROM sqlite_master WHERE type = 'index' AND sql LIKE '%WHERE%'`,
    );
    expect((await partial).map((r) => r.sql).join('\n')).toMatch(/ON "Plan".*WHERE "status" = 'live'/);
    prepare.mockClear();
    const opened = await store.turns.open({ partnership: 'City of London', sender: { id: '29:ali', name: 'Ali' }, conversationId: 'c1' });
    await opened?.reads.livePlan();
    await store.plans.current('City of London');
    const planStatements = prepare.mock.calls.map(([sql]) => String(sql)).filter((sql) => sql.includes('"Plan"'));
    expect(planStatements.length).toBeGreaterThan(0);
    expect(planStatements.filter((sql) => /"status"\s*=\s*\?/.test(sql))).toEqual([]);
    await store.close();
  });

  it('prepares each of a question’s statements once, not once per question', async () => {
    const prepare = vi.spyOn(Database.prototype, 'prepare');
    const store = await openStore(`file:${path.join(dir, 'store.db')}`);
    await loadDemoPlanIfEmpty(store, 'City of London', new Date('2026-11-22T10:00:00Z'));
    prepare.mockClear();
    for (let i = 0; i < 5; i++) {
      const key = `activity-${i}`;
      await store.turnReplies.claim({ key, at: new Date(), ttlMs: 60_000, leaseMs: 60_000 });
      await store.turnReplies.finish(key, 1);
    }
    const times = new Map<string, number>();
    for (const [sql] of prepare.mock.calls) times.set(String(sql), (times.get(String(sql)) ?? 0) + 1);
    expect(times.size).toBeGreaterThan(0);
    expect([...times.values()].every((n) => n === 1)).toBe(true);
    expect((await store.db.turnReply.findMany({ where: { status: 'done' } })).length).toBe(5);
    await store.close();
  });
});
