import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { appPath } from '../app-root.js';
import { AppError } from '../errors.js';
import { logger } from '../logger.js';
import { postgresConnection } from './pg-statements.js';

const log = logger('migrate');
const MIGRATIONS_DIR = appPath('prisma', 'migrations');
/** Arbitrary constant: the PostgreSQL advisory lock that serialises migrations between instances. */
const PG_LOCK_KEY = 7_202_611;

export interface Migration {
  name: string;
  sql: string;
}

/** The migrations for one kind of database, in order (prisma/migrations/NNNN_name/{sqlite,postgres}.sql). */
export function listMigrations(kind: 'sqlite' | 'postgres'): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((d) => /^\d{4}_/.test(d) && existsSync(path.join(MIGRATIONS_DIR, d, `${kind}.sql`)))
    .sort()
    .map((name) => ({ name, sql: readFileSync(path.join(MIGRATIONS_DIR, name, `${kind}.sql`), 'utf8') }));
}

/** Refuses a database that a newer version of the bot has migrated: this version would misread it. */
function refuseNewerDatabase(applied: string[], known: Migration[]): void {
  const names = new Set(known.map((m) => m.name));
  const unknown = applied.filter((name) => !names.has(name));
  if (unknown.length) {
    throw new AppError(
      'DATABASE_NEWER',
      `The database has ${unknown.length === 1 ? 'a migration' : 'migrations'} this version of the bot does not know (${unknown.join(', ')}): a newer version has used it. Run that version, or restore a backup taken before the upgrade.`,
    );
  }
}

/** Applies pending migrations, each in its own transaction; returns the names applied. */
export async function applyMigrations(url: string): Promise<string[]> {
  return url.startsWith('file:') ? migrateSqlite(url) : migratePostgres(url);
}

/** The database driver is loaded for the kind of database in use only (the other one is never loaded). */
async function migrateSqlite(url: string): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url.replace(/^file:/, '').replace(/\?.*$/, ''), { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    // Prisma writes SQLite table changes as "copy to a new table, drop the old one, rename". With foreign keys on, the
    // drop would cascade and delete every row that points at the old table (reminder mutes, round items...). SQLite
    // ignores this pragma inside a transaction, so it is set here; each migration checks the keys before it commits.
    db.pragma('foreign_keys = OFF');
    db.exec('CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
    const known = listMigrations('sqlite');
    const done = (db.prepare('SELECT "name" FROM "_app_migrations"').all() as { name: string }[]).map((r) => r.name);
    refuseNewerDatabase(done, known);
    const applied: string[] = [];
    for (const m of known) {
      // BEGIN IMMEDIATE takes the write lock first, so two processes cannot both apply a migration.
      const apply = db.transaction(() => {
        if (db.prepare('SELECT 1 FROM "_app_migrations" WHERE "name" = ?').get(m.name)) return false;
        db.exec(m.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`Migration ${m.name} leaves ${broken.length} rows pointing at rows that do not exist`);
        db.prepare('INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (?, ?)').run(m.name, new Date().toISOString());
        return true;
      });
      if (apply.immediate()) applied.push(m.name);
    }
    if (applied.length) log.debug({ applied }, `Applied ${applied.length} migration(s) to SQLite`);
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: postgresConnection(url).connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PG_LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
    const done = new Set((await client.query('SELECT "name" FROM "_app_migrations"')).rows.map((r) => r.name as string));
    const known = listMigrations('postgres');
    refuseNewerDatabase([...done], known);
    const applied: string[] = [];
    for (const m of known) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES ($1, $2)', [m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(m.name);
    }
    if (applied.length) log.debug({ applied }, `Applied ${applied.length} migration(s) to PostgreSQL`);
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PG_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
