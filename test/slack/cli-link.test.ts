import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { openStore } from '../../bot/store/database.js';
import { createTestDatabase } from '../support/database.js';

let db: { url: string; drop(): Promise<void> };
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.drop();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const code = await runCli(
    argv,
    { DATABASE_URL: db.url },
    (t) => void out.push(t),
    (t) => void out.push(t),
  );
  return { code, out: out.join('\n') };
}

describe('npm run cli -- partnership link <name> --slack-team T...', () => {
  it('links a workspace to a partnership; linking it elsewhere moves it; bad ids are refused', async () => {
    const linked = await cli('partnership', 'link', 'Riverside', '--slack-team', 'T024BE7LD');
    expect(linked.code).toBe(0);
    expect(linked.out).toContain('Riverside is linked to Slack workspace T024BE7LD');
    const moved = await cli('partnership', 'link', 'Hillside', '--slack-team', 'T024BE7LD');
    expect(moved.out).toContain('(It was linked to Riverside before.)');
    const store = await openStore(db.url);
    try {
      expect(await store.slack.partnershipFor('T024BE7LD', 'City of London')).toBe('Hillside');
      // once any workspace is linked, an unlinked one belongs to no partnership (not the default)
      expect(await store.slack.partnershipFor('T0UNKNOWN', 'City of London')).toBeNull();
      expect(await store.slack.partnershipFor('T0UNKNOWN', 'City of London', { production: true })).toBeNull();
    } finally {
      await store.close();
    }
    const bad = await cli('partnership', 'link', 'Riverside', '--slack-team', 'riverside.slack.com');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('is not a Slack workspace id');
    expect((await cli('partnership', 'link', 'Riverside')).code).toBe(2);
  });
});
