import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from '../../bot/store/migrate.js';

/** A SQLite database as a deployment of the bot before identity (migration 0004) left it, with rows in every table that points at a person. */
function databaseBeforeIdentity(): { file: string; url: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'prevent-migrate-')), 'bot.db');
  const db = new Database(file);
  db.exec('CREATE TABLE "_app_migrations" ("name" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)');
  for (const m of listMigrations('sqlite').filter((m) => m.name < '0004')) {
    db.exec(m.sql);
    db.prepare('INSERT INTO "_app_migrations" VALUES (?, ?)').run(m.name, '2026-01-01T00:00:00Z');
  }
  db.exec(`
    INSERT INTO Partnership (id, name) VALUES (1, 'City of London');
    INSERT INTO Plan (id, partnershipId, title) VALUES (1, 1, 'Plan');
    INSERT INTO Theme (id, planId, name, position) VALUES (1, 1, 'Awareness', 1);
    INSERT INTO Action (id, planId, themeId, ref, title) VALUES (1, 1, 1, 1, 'Run the Act Early campaign');
    INSERT INTO Person (id, partnershipId, chatId, displayName, role) VALUES (1, 1, '29:ali', 'Ali Burlington', 'lead');
    INSERT INTO ReminderMute (actionId, personId, "until") VALUES (1, 1, '2027-01-01');
    INSERT INTO UpdateRound (id, partnershipId, title, meetingDate, deadline, createdBy, createdAt) VALUES (1, 1, 'Board', '2026-12-04', '2026-12-01', 'Cleo', '2026-11-20T09:00:00Z');
    INSERT INTO UpdateRoundItem (roundId, actionId, personId) VALUES (1, 1, 1);
  `);
  db.close();
  return { file, url: `file:${file}` };
}

describe('SQLite migrations that rebuild a table', () => {
  it('keep the rows of other tables that point at it (no cascade on the rebuild), and leave foreign keys consistent', async () => {
    const { file, url } = databaseBeforeIdentity();
    const applied = await applyMigrations(url);
    expect(applied[0]).toBe('0004_person_identity');
    const db = new Database(file);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    expect({ people: count('Person'), mutes: count('ReminderMute'), roundItems: count('UpdateRoundItem') }).toEqual({
      people: 1,
      mutes: 1,
      roundItems: 1,
    });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
