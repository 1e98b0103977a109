import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../bot/store/migrate.js';

/** A SQLite database as the bot left it before plans had a status: two partnerships, one with two plans. */
function databaseBeforePlanStatus(): { file: string; url: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'prevent-plans-')), 'bot.db');
  const db = new Database(file);
  db.exec('CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
  for (const m of listMigrations('sqlite').filter((m) => m.name < '0009')) {
    db.exec(m.sql);
    db.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(m.name, '2026-01-01T00:00:00Z');
  }
  // importedAt as Prisma stores it on SQLite (milliseconds since the epoch)
  const at = (iso: string) => Date.parse(iso);
  db.exec(`
    INSERT INTO Partnership (id, name) VALUES (1, 'City of London'), (2, 'Riverside');
    INSERT INTO Plan (id, partnershipId, title, importedAt) VALUES
      (1, 1, 'Prevent Action Plan 2025-26', ${at('2025-04-01T00:00:00Z')}),
      (2, 1, 'City of London Prevent Strategic Action Plan', ${at('2020-10-01T00:00:00Z')}),
      (3, 2, 'Riverside Prevent Plan', ${at('2024-01-01T00:00:00Z')});
    INSERT INTO Theme (id, planId, name, position) VALUES (1, 2, 'Awareness', 1);
    INSERT INTO Action (id, planId, themeId, ref, title) VALUES (1, 2, 1, 1, 'Run the Act Early campaign');
  `);
  db.close();
  return { file, url: `file:${file}` };
}

describe('migration 0009_plans on an existing database', () => {
  it('keeps live the plan the bot used (the one imported last), archives the others, and allows one live plan per partnership', async () => {
    const { file, url } = databaseBeforePlanStatus();
    expect(await applyMigrations(url)).toContain('0009_plans');
    const db = new Database(file);
    const plans = db
      .prepare('SELECT id, status, liveSince IS NOT NULL AS live, archivedAt IS NOT NULL AS archived FROM Plan ORDER BY id')
      .all();
    expect(plans).toEqual([
      { id: 1, status: 'live', live: 1, archived: 0 },
      { id: 2, status: 'archived', live: 0, archived: 1 },
      { id: 3, status: 'live', live: 1, archived: 0 },
    ]);
    expect(db.prepare('SELECT carriedFromActionId FROM Action WHERE id = 1').get()).toEqual({ carriedFromActionId: null });
    expect(() => db.prepare("UPDATE Plan SET status = 'live' WHERE id = 2").run()).toThrow(/UNIQUE/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
