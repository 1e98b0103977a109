import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { PrismaClient as PostgresClient } from './generated/postgres/client.ts';
import type { Db } from './client.js';
import { applyMigrations } from './migrate.js';
import { repositories, type Repositories } from './store.js';

export type { Db } from './client.js';
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
  // The two generated clients have the same models and differ only in the transaction isolation levels they accept,
  // so the PostgreSQL one is used through the SQLite one's type; the cast stays here, inside bot/store.
  const db =
    kind === 'sqlite'
      ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 5000 }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db);
  return { ...repositories(db), db, kind, url, migrationsApplied, close: () => db.$disconnect() };
}
