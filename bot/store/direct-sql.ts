import type { Sql } from '@prisma/client/runtime/client';
import type { Database as SqliteConnection } from 'better-sqlite3';
import type pg from 'pg';
import type { Db } from './client.js';

/**
 * A statement run straight on the database driver, for the few statements every turn runs (conversation, claim, first
 * reads, finish): Prisma's client costs about 60 µs a statement on top of the driver, a tenth of a question's CPU. Rows
 * come back as Prisma's $queryRaw gives them (integers as numbers, booleans as booleans, timestamps as Dates), so a
 * caller reads them the same way whichever path ran.
 */
export interface DirectSql {
  query<T>(sql: Sql): Promise<T[]>;
  execute(sql: Sql): Promise<number>;
  /** Runs `work` in a transaction of its own on the driver: committed when it returns, rolled back when it throws. */
  transaction<T>(work: (tx: DirectTransaction) => Promise<T>): Promise<T>;
}

/** A transaction on the driver, for queryRows and executeSql (not a Prisma client: plain SQL only). */
export class DirectTransaction {
  constructor(readonly runner: Pick<DirectSql, 'query' | 'execute'>) {}
}

const direct = new WeakMap<object, DirectSql>();

/** Says how a store's own client runs statements straight on its driver; openStore calls it. */
export function runDirectly(db: Db, runner: DirectSql): void {
  direct.set(db, runner);
}

const runnerOf = (db: Db | DirectTransaction) => (db instanceof DirectTransaction ? db.runner : direct.get(db));

/** Rows of a plain SQL query: straight on the driver for the store's own client, through Prisma in a Prisma transaction. */
export function queryRows<T>(db: Db | DirectTransaction, sql: Sql): Promise<T[]> {
  const runner = runnerOf(db);
  return runner ? runner.query<T>(sql) : (db as Db).$queryRaw<T[]>(sql);
}

/** How many rows a plain SQL statement changed: straight on the driver for the store's own client, else through Prisma. */
export function executeSql(db: Db | DirectTransaction, sql: Sql): Promise<number> {
  const runner = runnerOf(db);
  return runner ? runner.execute(sql) : (db as Db).$executeRaw(sql);
}

/** Runs `work` in a transaction straight on the driver; null when this client has none (a Prisma transaction, say). */
export function directTransaction<T>(db: Db, work: (tx: DirectTransaction) => Promise<T>): Promise<T> | null {
  return direct.get(db)?.transaction(work) ?? null;
}

/** A value bound to a SQLite statement as Prisma's adapter binds it (its default iso8601 timestamps). */
const sqliteValue = (v: unknown) =>
  v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v;

type Column = { name: string; type: string | null };

/** A SQLite value as Prisma returns it for a column of this declared type. */
function sqliteResult(value: unknown, type: string | null): unknown {
  if (value === null) return null;
  const declared = type?.toUpperCase();
  if (declared === 'DATETIME') return new Date(typeof value === 'bigint' ? Number(value) : String(value));
  if (declared === 'BOOLEAN') return Number(value) === 1;
  return typeof value === 'bigint' ? Number(value) : value;
}

/**
 * Direct statements on Prisma's own better-sqlite3 connection (so they see and take part in everything it does), each
 * waiting its turn behind an open transaction (`outside`); a direct transaction holds the connection (`alone`) from its
 * BEGIN to its COMMIT or ROLLBACK, so nothing else runs inside it (see serialiseTransactions).
 */
export function sqliteDirect(
  connection: SqliteConnection,
  turns: { outside<R>(run: () => R): Promise<R>; alone<R>(run: () => Promise<R>): Promise<R> },
): DirectSql {
  // bound as Prisma's adapter binds (a kept statement takes its arguments this way, see cacheStatements)
  const bound = (sql: Sql) => connection.prepare(sql.sql).bind(sql.values.map(sqliteValue));
  const query = <T>(sql: Sql): T[] => {
    const statement = bound(sql);
    const columns = statement.columns() as Column[];
    const rows = statement.raw(true).all() as unknown[][];
    return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, sqliteResult(row[i], c.type)])) as T);
  };
  const execute = (sql: Sql) => bound(sql).run().changes;
  const inside = new DirectTransaction({ query: async (sql) => query(sql), execute: async (sql) => execute(sql) });
  return {
    query: (sql) => turns.outside(() => query(sql)),
    execute: (sql) => turns.outside(() => execute(sql)),
    transaction: (work) =>
      turns.alone(async () => {
        connection.prepare('BEGIN IMMEDIATE').run();
        try {
          const result = await work(inside);
          connection.prepare('COMMIT').run();
          return result;
        } catch (err) {
          if (connection.inTransaction) connection.prepare('ROLLBACK').run();
          throw err;
        }
      }),
  };
}

const TIMESTAMP = 1114;
/** `timestamp without time zone` as Prisma reads it: the stored wall time is UTC. */
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);

/** Direct statements on the store's pg pool (whose connections keep statements prepared, see keepStatements). */
export function postgresDirect(pool: pg.Pool, types: typeof pg.types): DirectSql {
  const parsers = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === TIMESTAMP && format !== 'binary' ? utcTimestamp : types.getTypeParser(oid, format)) as typeof types.getTypeParser,
  };
  const values = (sql: Sql) => sql.values.map((v) => (v instanceof Date ? v.toISOString() : v === undefined ? null : v));
  const on = (client: pg.Pool | pg.PoolClient) => ({
    query: async <T>(sql: Sql) => (await client.query({ text: sql.text, values: values(sql), types: parsers })).rows as T[],
    execute: async (sql: Sql) => (await client.query({ text: sql.text, values: values(sql), types: parsers })).rowCount ?? 0,
  });
  return {
    ...on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await work(new DirectTransaction(on(client)));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          broken = rollback; // a connection that cannot roll back is not given back to the pool
        });
        throw err;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}
