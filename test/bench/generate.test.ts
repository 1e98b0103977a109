import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../bot/cli/index.js';
import { generateCommand } from './generate/command.js';
import { openStore } from '../../bot/store/database.js';
import { makeMessage } from '../support/activities.js';
import { startTestBot, textOf } from '../support/bot.js';
import { createTestDatabase } from '../support/database.js';

const databases: { url: string; drop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of databases.splice(0)) await d.drop();
});

async function generate(...args: string[]) {
  const database = await createTestDatabase();
  databases.push(database);
  const out: string[] = [];
  const code = await runCommand(
    generateCommand,
    ['--partnerships', '3', '--updates', '600', '--until', '2026-11-22', ...args],
    { DATABASE_URL: database.url },
    (t) => void out.push(t),
    (t) => void out.push(t),
  );
  return { database, code, out: out.join('\n') };
}

async function snapshot(url: string) {
  const store = await openStore(url);
  try {
    const updates = await store.db.actionUpdate.findMany({
      orderBy: { id: 'asc' },
      select: { actionId: true, actorName: true, at: true, ragFrom: true, ragTo: true, note: true, source: true },
    });
    const people = await store.db.person.findMany({
      orderBy: { id: 'asc' },
      select: { chatId: true, displayName: true, role: true, organisationId: true },
    });
    return JSON.stringify({ updates, people });
  } finally {
    await store.close();
  }
}

describe('cli generate', () => {
  it('writes partnerships with plans, people, channels and exactly the history asked for, consistently', async () => {
    const { database, code, out } = await generate('--seed', '5');
    expect(code).toBe(0);
    expect(out).toMatch(/3 partnerships/);
    const store = await openStore(database.url);
    try {
      expect(await store.db.partnership.count()).toBe(3);
      expect(await store.db.action.count()).toBe(120);
      expect(await store.db.actionUpdate.count()).toBe(600);
      expect(await store.db.conversationRef.count({ where: { kind: 'channel', announcements: true } })).toBe(3);
      expect(await store.db.person.count({ where: { role: 'coordinator' } })).toBeGreaterThanOrEqual(3);
      for (const action of await store.db.action.findMany({ include: { history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] } } })) {
        expect(action.version).toBe(action.history.length);
        expect(action.history.at(-1)!.ragTo).toBe(action.rag);
        expect(action.history[0]!.source).toBe('import');
      }
    } finally {
      await store.close();
    }
  });

  it('is deterministic for a seed, different for another, and refuses to generate twice into one database', async () => {
    const [a, b, c] = [await generate('--seed', '9'), await generate('--seed', '9', '--batch', '2'), await generate('--seed', '10')];
    expect(await snapshot(a.database.url)).toBe(await snapshot(b.database.url));
    expect(await snapshot(a.database.url)).not.toBe(await snapshot(c.database.url));
    const again = await runCommand(
      generateCommand,
      ['--partnerships', '3'],
      { DATABASE_URL: a.database.url },
      () => undefined,
      () => undefined,
    );
    expect(again).toBe(1);
  });

  it('routes a question asked in a generated channel to that partnership', async () => {
    const { database } = await generate('--seed', '3');
    const store = await openStore(database.url);
    const channel = await store.db.conversationRef.findFirst({
      where: { kind: 'channel' },
      orderBy: { id: 'desc' },
      include: { partnership: true },
    });
    const amber = await store.db.action.count({ where: { rag: 'AMBER', plan: { partnershipId: channel!.partnershipId } } });
    await store.close();
    const bot = await startTestBot({ databaseUrl: database.url, demo: false });
    try {
      const conversation = { id: channel!.conversationId, conversationType: 'channel', tenantId: channel!.tenantId, isGroup: true };
      await bot.post(
        makeMessage(bot.connector.url, {
          text: "what's amber?",
          mention: true,
          conversation,
          channelData: { tenant: { id: channel!.tenantId } },
        }),
      );
      expect(textOf(bot.connector.to(channel!.conversationId)[0]!.activity).split('\n')[0]).toBe(
        `${amber === 0 ? 'No' : amber} action${amber === 1 ? ' is' : 's are'} AMBER`,
      );
    } finally {
      await bot.close();
    }
  });
});
