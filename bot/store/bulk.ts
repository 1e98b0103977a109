import Database from 'better-sqlite3';
import pg from 'pg';
import { databaseKind, sqlitePath } from './database.js';
import { postgresConnection } from './pg-statements.js';

/** A column to bulk-insert: its name and its PostgreSQL type (for the typed arrays of one multi-row INSERT). */
export interface BulkColumn {
  name: string;
  pg: 'int' | 'text' | 'boolean' | 'timestamp(3)';
}

/** Fast inserts of many rows on a connection of its own, for generated datasets; not for the bot's own writes. */
export interface BulkLoader {
  /** n fresh ids for a table's autoincrement key (on SQLite: call inside transaction()) */
  reserveIds(table: string, n: number): Promise<number[]>;
  insert(table: string, columns: BulkColumn[], rows: unknown[][]): Promise<void>;
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** refreshes the query planner's statistics */
  analyze(): Promise<void>;
  close(): Promise<void>;
}

/** Rows per INSERT on PostgreSQL. */
const PG_CHUNK = 5000;

/** Opens a bulk loader on the database a DATABASE_URL names (the schema must already be migrated). */
export function openBulkLoader(url: string): Promise<BulkLoader> {
  return databaseKind(url) === 'sqlite' ? Promise.resolve(sqliteLoader(url)) : postgresLoader(url);
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function sqliteLoader(url: string): BulkLoader {
  const db = new Database(sqlitePath(url), { timeout: 10_000 });
  db.pragma('journal_mode = WAL');
  const statements = new Map<string, Database.Statement>();
  // Stored as Prisma's SQLite adapter stores them, so ordering and comparisons agree.
  const toSqlite = (v: unknown) => (v instanceof Date ? v.toISOString().replace('Z', '+00:00') : typeof v === 'boolean' ? (v ? 1 : 0) : v);
  return {
    async reserveIds(table, n) {
      const row = db
        .prepare(
          `SELECT MAX(COALESCE((SELECT MAX(id) FROM ${quote(table)}), 0), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = ?), 0)) AS top`,
        )
        .get(table) as { top: number };
      return Array.from({ length: n }, (_, i) => row.top + 1 + i);
    },
    async insert(table, columns, rows) {
      const sql = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      for (const row of rows) statement.run(row.map(toSqlite));
    },
    async transaction(work) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    },
    async analyze() {
      db.exec('ANALYZE');
    },
    async close() {
      db.close();
    },
  };
}

async function postgresLoader(url: string): Promise<BulkLoader> {
  const client = new pg.Client({ connectionString: postgresConnection(url).connectionString });
  await client.connect();
  // timestamp(3) has no zone: an ISO instant ending in Z is read as UTC wall time, which is what Prisma stores.
  const toPg = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return {
    async reserveIds(table, n) {
      const { rows } = await client.query<{ id: number }>(
        'SELECT nextval(pg_get_serial_sequence($1, $2))::int AS id FROM generate_series(1, $3)',
        [quote(table), 'id', n],
      );
      return rows.map((r) => r.id);
    },
    async insert(table, columns, rows) {
      const arrays = columns.map((c, i) => `$${i + 1}::${c.pg}[]`).join(', ');
      const sql = `INSERT INTO ${quote(table)} (${columns.map((c) => quote(c.name)).join(', ')}) SELECT * FROM unnest(${arrays})`;
      for (let start = 0; start < rows.length; start += PG_CHUNK) {
        const chunk = rows.slice(start, start + PG_CHUNK);
        await client.query(
          sql,
          columns.map((_, i) => chunk.map((row) => toPg(row[i]))),
        );
      }
    },
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    },
    async analyze() {
      await client.query('ANALYZE');
    },
    async close() {
      await client.end();
    },
  };
}
