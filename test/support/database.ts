import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';

/** The PostgreSQL server to test against, when the run is a PostgreSQL run (npm run test:postgres). */
export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? process.env.TEST_DATABASE_URL : undefined;

let counter = 0;

/** A fresh, migrated, empty database URL: a temporary SQLite file, or a new PostgreSQL database on the test server. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_POSTGRES_URL) {
    const dir = mkdtempSync(path.join(tmpdir(), 'prevent-test-'));
    return { url: `file:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `prevent_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A fresh store on a fresh database; close() also drops the database. */
export async function createTestStore(): Promise<Store & { drop(): Promise<void> }> {
  const database = await createTestDatabase();
  const store = await openStore(database.url);
  const drop = async () => {
    await store.close();
    await database.drop();
  };
  return { ...store, drop };
}

/** A fresh database with the demo plan loaded for one partnership; `done()` closes the store and drops the database. */
export async function openDemoStore(partnership: string, at: Date): Promise<{ url: string; store: Store; done(): Promise<void> }> {
  const database = await createTestDatabase();
  const store = await openStore(database.url);
  await loadDemoPlanIfEmpty(store, partnership, at);
  return {
    url: database.url,
    store,
    done: async () => {
      await store.close();
      await database.drop();
    },
  };
}
