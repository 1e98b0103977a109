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
}

const direct = new WeakMap<object, DirectSql>();

/** Says how a store's own client runs statements straight on its driver; openStore calls it. */
export function runDirectly(db: Db, runner: DirectSql): void {
  direct.set(db, runner);
}

/** Rows of a plain SQL query: straight on the driver for the store's own client, through Prisma in a transaction. */
export function queryRows<T>(db: Db, sql: Sql): Promise<T[]> {
  const runner = direct.get(db);
  return runner ? runner.query<T>(sql) : db.$queryRaw<T[]>(sql);
}

/** How many rows a plain SQL statement changed: straight on the driver for the store's own client, else through Prisma. */
export function executeSql(db: Db, sql: Sql): Promise<number> {
  const runner = direct.get(db);
  return runner ? runner.execute(sql) : db.$executeRaw(sql);
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
 * waiting its turn behind an open transaction (`outside`, see serialiseTransactions).
 */
export function sqliteDirect(connection: SqliteConnection, outside: <R>(run: () => R) => Promise<R>): DirectSql {
  // bound as Prisma's adapter binds (a kept statement takes its arguments this way, see cacheStatements)
  const bound = (sql: Sql) => connection.prepare(sql.sql).bind(sql.values.map(sqliteValue));
  return {
    query: <T>(sql: Sql) =>
      outside(() => {
        const statement = bound(sql);
        const columns = statement.columns() as Column[];
        const rows = statement.raw(true).all() as unknown[][];
        return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, sqliteResult(row[i], c.type)])) as T);
      }),
    execute: (sql: Sql) => outside(() => bound(sql).run().changes),
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
  return {
    query: async <T>(sql: Sql) => (await pool.query({ text: sql.text, values: values(sql), types: parsers })).rows as T[],
    execute: async (sql: Sql) => (await pool.query({ text: sql.text, values: values(sql), types: parsers })).rowCount ?? 0,
  };
}
