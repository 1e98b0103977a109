import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from './client.js';
import type { Database as SqliteConnection } from 'better-sqlite3';
import { logger } from '../logger.js';
import { markPostgres } from './dialect.js';
import { applyMigrations } from './migrate.js';
import { cacheStatements } from './sqlite-statements.js';
import { serialiseTransactions, type SqliteAdapterConnection } from './sqlite-transactions.js';
import { postgresDirect, runDirectly, sqliteDirect, type DirectSql } from './direct-sql.js';
import { keepStatements, postgresConnection } from './pg-statements.js';
import { repositories, type Repositories } from './store.js';

export type { Db } from './client.js';

const log = logger('store');
export type DatabaseKind = 'sqlite' | 'postgres';

/** The store port: repositories over an open database, and what kind of server is behind it. No Prisma client. */
export interface Store extends Repositories {
  kind: DatabaseKind;
  url: string;
  close(): Promise<void>;
  /** migrations this open applied (empty when the database was up to date) */
  migrationsApplied: string[];
}

/** An open store with its Prisma client, for bot/store itself, the entry points that open it, and tests that inspect rows. */
export interface OpenStore extends Store {
  db: Db;
}

/** Which database a DATABASE_URL names. */
export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('file:') ? 'sqlite' : 'postgres';
}

/** The file path of a SQLite URL ("file:./data/x.db" -> "./data/x.db"). */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

/** Opens the database, applying any pending migrations first (idempotent; safe with several instances). */
export async function openStore(url: string, options: { migrate?: boolean } = {}): Promise<OpenStore> {
  const kind = databaseKind(url);
  if (kind === 'sqlite') mkdirSync(path.dirname(path.resolve(sqlitePath(url))), { recursive: true });
  const migrationsApplied = options.migrate !== false ? await applyMigrations(url) : [];
  // Only the client and driver for this kind of database are loaded (each generated client carries its whole data model).
  const db = kind === 'sqlite' ? await sqliteClient(url) : await postgresClient(url);
  if (kind === 'postgres') markPostgres(db);
  return { ...repositories(db), db, kind, url, migrationsApplied, close: () => db.$disconnect() };
}

// The two generated clients have the same models and differ only in the transaction isolation levels they accept, so the
// PostgreSQL one is used through the SQLite one's type; the cast stays here, inside bot/store. errorFormat 'minimal'
// spares every query a stack capture (Prisma's call site for pretty error messages); error codes are unchanged.
async function sqliteClient(url: string): Promise<Db> {
  const [{ PrismaBetterSQLite3 }, { PrismaClient }] = await Promise.all([
    import('@prisma/adapter-better-sqlite3'),
    import('./generated/sqlite/client.ts'),
  ]);
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 5000 });
  const connect = adapter.connect.bind(adapter);
  let direct: DirectSql | undefined;
  adapter.connect = async () => {
    const connection = await connect();
    const turns = serialiseTransactions(connection as unknown as SqliteAdapterConnection);
    // the adapter's better-sqlite3 connection (a public field of its class, not of its type)
    const client = (connection as { client?: SqliteConnection }).client;
    if (typeof client?.prepare === 'function') {
      cacheStatements(client);
      direct = sqliteDirect(client, turns);
    } else log.warn('The SQLite adapter has no connection to keep statements on: every query is prepared afresh, through Prisma');
    return connection;
  };
  const db = new PrismaClient({ adapter, errorFormat: 'minimal' });
  await db.$connect();
  if (direct) runDirectly(db, direct);
  return db;
}

async function postgresClient(url: string): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient }, { default: pg }] = await Promise.all([
    import('@prisma/adapter-pg'),
    import('./generated/postgres/client.ts'),
    import('pg'),
  ]);
  const { connectionString, keepStatements: keep } = postgresConnection(url);
  const pool = new pg.Pool({ connectionString, max: 10 });
  // an idle connection the server ended (a restart, a failover) is dropped and replaced by the pool: said, not thrown
  pool.on('error', (err: Error & { code?: string }) =>
    log.warn({ code: err.code, reason: err.message }, 'A PostgreSQL connection was closed by the server; the pool opens another'),
  );
  if (keep) keepStatements(pool);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), errorFormat: 'minimal' }) as unknown as Db;
  // connected now, so that closing the store ends the pool even when every statement so far went straight to it
  await db.$connect();
  runDirectly(db, postgresDirect(pool, pg.types));
  return db;
}
