import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../bot/store/migrate.js';
import { freePort, runBotUntilExit } from '../support/processes.js';

const POSTGRES_SERVER = 'postgres://postgres@127.0.0.1:5432';

/** The lines a failed start printed: exactly one, no stack trace. */
function oneLine(output: string): string {
  const lines = output.split('\n').filter((l) => l.trim());
  expect(lines, output).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0] ?? '';
}

describe('start-up failures: one line that says what to do, and exit code 1', { timeout: 90_000 }, () => {
  it('a PostgreSQL port where nothing listens', async () => {
    const port = await freePort();
    const { code, output } = await runBotUntilExit({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      `Cannot reach the database server at 127.0.0.1:${port} (connection refused): start PostgreSQL there, or correct DATABASE_URL.`,
    );
  });

  it('a PostgreSQL database that does not exist', async () => {
    const { code, output } = await runBotUntilExit({
      DATABASE_URL: `${POSTGRES_SERVER}/no_such_prevent_db`,
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      'The database "no_such_prevent_db" does not exist on 127.0.0.1:5432: create it (createdb no_such_prevent_db) or correct DATABASE_URL.',
    );
  });

  it('a PostgreSQL user the server refuses', async () => {
    const { code, output } = await runBotUntilExit({
      DATABASE_URL: 'postgres://nobody_here@127.0.0.1:5432/postgres',
      PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      'The database server at 127.0.0.1:5432 refused the user "nobody_here" (wrong password, or not allowed to connect): correct DATABASE_URL.',
    );
  });

  it('a SQLite path that cannot be written', async () => {
    const { code, output } = await runBotUntilExit({ DATABASE_URL: 'file:/proc/prevent-bot-test.db', PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(oneLine(output)).toMatch(
      /^Cannot open the SQLite database \/proc\/prevent-bot-test\.db for writing \([A-Z_]+\): make sure its folder exists and is writable, or set DATABASE_URL to another path\.$/,
    );
  });

  it('a port already in use', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) =>
      blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)),
    );
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'prevent-port-'));
      const { code, output } = await runBotUntilExit({ DATABASE_URL: `file:${dir}/bot.db`, PORT: String(port) });
      expect(code).toBe(1);
      expect(oneLine(output)).toBe(`Port ${port} is already in use: stop the other process using it, or set PORT to a free port.`);
    } finally {
      blocker.close();
    }
  });

  it('a database a newer version has migrated is refused, and left as it was', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prevent-newer-'));
    const file = path.join(dir, 'bot.db');
    await applyMigrations(`file:${file}`);
    const db = new Database(file);
    db.prepare('INSERT INTO "_app_migrations" ("name", "appliedAt") VALUES (?, ?)').run(
      '9999_from_a_newer_version',
      new Date().toISOString(),
    );
    db.close();
    const { code, output } = await runBotUntilExit({ DATABASE_URL: `file:${file}`, PORT: String(await freePort()) });
    expect(code).toBe(1);
    expect(oneLine(output)).toBe(
      'The database has a migration this version of the bot does not know (9999_from_a_newer_version): a newer version has used it. Run that version, or restore a backup taken before the upgrade.',
    );
  });

  it('LOG_LEVEL=debug adds the stack trace for whoever is debugging', async () => {
    const port = await freePort();
    const { code, output } = await runBotUntilExit({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
      PORT: String(await freePort()),
      LOG_LEVEL: 'debug',
    });
    expect(code).toBe(1);
    expect(output).toContain(`Cannot reach the database server at 127.0.0.1:${port}`);
    expect(output).toMatch(/^\s+at /m);
  });
});
