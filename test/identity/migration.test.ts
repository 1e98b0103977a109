import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../bot/store/migrate.js';
import { createTestDatabase } from '../support/database.js';

const OBJECT_ID = '9D3E08F9-A7AE-43AA-A4D3-DE3F319A8A9C';

/** Runs SQL on the test database, whichever kind it is. */
async function withDatabase(url: string, run: (sql: (text: string) => Promise<unknown[]>) => Promise<void>) {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length));
    try {
      await run(async (text) => {
        if (/^\s*select/i.test(text)) return db.prepare(text).all();
        db.exec(text);
        return [];
      });
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(async (text) => (await client.query(text)).rows);
  } finally {
    await client.end();
  }
}

describe('migration 0004: people keyed by object id', () => {
  it('keeps existing people, takes an object id from a chat id that is one, and clears emails Teams never confirmed', async () => {
    const database = await createTestDatabase();
    const kind = database.url.startsWith('file:') ? 'sqlite' : 'postgres';
    try {
      const before = listMigrations(kind).filter((m) => m.name < '0004');
      await withDatabase(database.url, async (sql) => {
        for (const m of before) await sql(m.sql);
        await sql('CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
        for (const m of before) await sql(`INSERT INTO "_app_migrations" VALUES ('${m.name}', '2026-01-01')`);
        await sql(`INSERT INTO "Partnership" ("id", "name") VALUES (1, 'City of London')`);
        await sql(`INSERT INTO "Person" ("id", "partnershipId", "chatId", "displayName", "email", "role") VALUES
          (1, 1, '29:ali', 'Ali Burlington', 'ali@example.org', 'lead'),
          (2, 1, '${OBJECT_ID}', 'Cora Coordinator', NULL, 'coordinator'),
          (3, 1, 'pending:bea@example.org', 'bea', 'bea@example.org', 'coordinator')`);
      });
      expect(await applyMigrations(database.url)).toEqual(
        listMigrations(kind)
          .filter((m) => m.name >= '0004')
          .map((m) => m.name),
      );
      await withDatabase(database.url, async (sql) => {
        const rows = (await sql('SELECT "id", "aadObjectId", "chatId", "email", "role" FROM "Person" ORDER BY "id"')) as Record<
          string,
          unknown
        >[];
        expect(rows.map((r) => ({ ...r, id: Number(r.id) }))).toEqual([
          { id: 1, aadObjectId: null, chatId: '29:ali', email: null, role: 'lead' },
          { id: 2, aadObjectId: OBJECT_ID.toLowerCase(), chatId: OBJECT_ID, email: null, role: 'coordinator' },
          { id: 3, aadObjectId: null, chatId: 'pending:bea@example.org', email: 'bea@example.org', role: 'coordinator' },
        ]);
      });
    } finally {
      await database.drop();
    }
  });
});
