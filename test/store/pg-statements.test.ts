import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../bot/store/database.js';
import { keepStatements, postgresConnection } from '../../bot/store/pg-statements.js';
import { createTestDatabase, TEST_POSTGRES_URL } from '../support/database.js';

// On PostgreSQL the store keeps each query prepared on the server per connection (pg sends only Bind and Execute after
// the first time), except behind PgBouncer in transaction mode, which DATABASE_URL says with pgbouncer=true.

describe('what DATABASE_URL says about keeping statements', () => {
  it('keeps them unless pgbouncer=true, and never hands pg the pgbouncer setting', () => {
    expect(postgresConnection('postgres://u@h:5432/db')).toEqual({ connectionString: 'postgres://u@h:5432/db', keepStatements: true });
    expect(postgresConnection('postgres://u@h:5432/db?pgbouncer=true&sslmode=require')).toEqual({
      connectionString: 'postgres://u@h:5432/db?sslmode=require',
      keepStatements: false,
    });
    expect(postgresConnection('postgres://u@h/db?pgbouncer=false').keepStatements).toBe(true);
  });
});

describe.skipIf(!TEST_POSTGRES_URL)('statements kept on a PostgreSQL connection', () => {
  let database: { url: string; drop(): Promise<void> };
  let pool: pg.Pool;
  const keptNames = async () =>
    (await pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name')).rows.map((r) => r.name);

  beforeEach(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
  });
  afterEach(async () => {
    await pool.end();
    await database.drop();
  });

  it('prepares a query once per connection, each run with its own arguments', async () => {
    keepStatements(pool);
    const square = async (n: number) => (await pool.query({ text: 'SELECT $1::int * $1::int AS n', values: [n] })).rows[0].n;
    expect([await square(2), await square(3), await square(4)]).toEqual([4, 9, 16]);
    expect(await keptNames()).toEqual([expect.stringMatching(/^prevent_/)]);
  });

  it('keeps at most the number given, running the rest unnamed', async () => {
    keepStatements(pool, 2);
    for (const n of [1, 2, 3, 1, 2, 3]) await pool.query({ text: `SELECT ${n} AS n`, values: [] });
    expect(await keptNames()).toHaveLength(2);
  });

  it('after a schema change makes a kept statement fail, runs it again unnamed and answers', async () => {
    keepStatements(pool);
    await pool.query('CREATE TABLE t (id int)');
    await pool.query('INSERT INTO t VALUES (1)');
    const all = async () => (await pool.query({ text: 'SELECT * FROM t', values: [], rowMode: 'array' })).rows;
    expect(await all()).toEqual([[1]]);
    await pool.query("ALTER TABLE t ADD COLUMN colour text DEFAULT 'red'");
    // PostgreSQL refuses the kept plan ("cached plan must not change result type"): the query is run again unnamed
    expect(await all()).toEqual([[1, 'red']]);
    expect(await all()).toEqual([[1, 'red']]);
    // and through the pool's own query, which answers by callback
    const viaCallback = await new Promise((resolve, reject) =>
      pool.query({ text: 'SELECT * FROM t', values: [], rowMode: 'array' }, (e: Error | undefined, r: pg.QueryResult) =>
        e ? reject(e) : resolve(r.rows),
      ),
    );
    expect(viaCallback).toEqual([[1, 'red']]);
  });

  it('the store keeps its statements, and keeps none with pgbouncer=true', async () => {
    const kept = async (url: string) => {
      const store = await openStore(url);
      // the same statement twice on a pool of ten: Prisma's own query, named once kept
      for (let i = 0; i < 12; i++) await store.db.$queryRaw`SELECT name FROM pg_prepared_statements`;
      const rows = await store.db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_prepared_statements`;
      await store.close();
      return rows.map((r) => r.name);
    };
    expect((await kept(database.url)).some((name) => name.startsWith('prevent_'))).toBe(true);
    const url = new URL(database.url);
    url.searchParams.set('pgbouncer', 'true');
    expect(await kept(url.toString())).toEqual([]);
  });
});
