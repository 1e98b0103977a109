import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { startBotProcess } from '../support/processes.js';

const SKIPPED = 'Skipped a missed occurrence';

/** Waits until the process has logged the end of its start-up catch-up. */
async function caughtUp(output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!output().includes('Start-up catch-up finished')) {
    if (Date.now() > deadline) throw new Error(`no catch-up in 90 s: ${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Moves the database's creation (its migrations' appliedAt) back by `days`, as if it had existed that long. */
async function backdate(url: string, days: number): Promise<string> {
  const at = new Date(Date.now() - days * 86_400_000).toISOString();
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length));
    db.prepare('UPDATE "_app_migrations" SET "appliedAt" = ?').run(at);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('UPDATE "_app_migrations" SET "appliedAt" = $1', [at]);
    await client.end();
  }
  return at;
}

describe('start-up catch-up on a new database', { timeout: 120_000 }, () => {
  it('a brand-new database reports no missed occurrences from before it existed; one that existed does', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startBotProcess({ DATABASE_URL: database.url, DEMO_PLAN: 'on', LOG_LEVEL: 'info' });
      await caughtUp(first.output);
      await first.stop();
      expect(first.output()).toContain('First start');
      expect(first.output()).not.toContain(SKIPPED);

      const born = await backdate(database.url, 3);
      const later = await startBotProcess({ DATABASE_URL: database.url, DEMO_PLAN: 'on', LOG_LEVEL: 'info' });
      await caughtUp(later.output);
      await later.stop();
      const skipped = later
        .output()
        .split('\n')
        .filter((l) => l.includes(SKIPPED))
        .map((l) => JSON.parse(l) as { job: string; due: string });
      const reminders = skipped.filter((s) => s.job === 'deadline-reminders');
      expect(reminders.length).toBeGreaterThanOrEqual(2);
      expect(reminders.length).toBeLessThanOrEqual(3);
      for (const s of skipped) expect(s.due > born).toBe(true);
    } finally {
      await database.drop();
    }
  });
});
