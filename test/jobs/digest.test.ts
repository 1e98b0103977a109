import { textOf } from '../support/bot.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore, type OpenStore as Store } from '../../bot/store/database.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { validateCard } from '../../cards/validate.js';
import type { TestBot } from '../support/bot.js';
import { createTestDatabase } from '../support/database.js';
import { cardOf, CLEO, person, say, startJobsBot, TEAMS, tickAt } from './support.js';

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function change(store: Store, ref: number, rag: 'RED' | 'AMBER' | 'GREEN', by: string, at: string) {
  const action = (await loadPlanView(store.db, 'City of London'))!.actions.find((a) => a.ref === ref)!;
  await applyUpdate(store.db, {
    actionId: action.id,
    expectedVersion: action.version,
    rag,
    note: '',
    progress: null,
    actor: { name: by, chatId: null },
    source: 'card',
    idempotencyKey: `${ref}:${at}`,
    at: new Date(at),
  });
}

describe('npm run cli -- digest --preview', () => {
  it("shows the demo plan's 12 AMBER, 2 RED, 8 GREEN, 2 COMPLETE and this week's changes", async () => {
    const database = await createTestDatabase();
    const store = await openStore(database.url);
    try {
      await loadDemoPlanIfEmpty(store, 'City of London', new Date('2026-10-01T09:00:00Z'));
      await change(store, 18, 'AMBER', 'Ali Burlington', '2026-11-18T14:05:00Z');
      await change(store, 6, 'RED', 'Pat Police', '2026-11-20T10:00:00Z');
      await change(store, 3, 'GREEN', 'Old News', '2026-11-02T10:00:00Z');
      await change(store, 3, 'AMBER', 'Old News', '2026-11-03T10:00:00Z');
      const out: string[] = [];
      const code = await runCli(
        ['digest', '--preview', '--at', '2026-11-23T09:00:00Z'],
        { DATABASE_URL: database.url },
        (t) => void out.push(t),
      );
      const text = out.join('\n');
      expect(code).toBe(0);
      expect(text).toContain('RAG ratings: 2 RED (no change), 12 AMBER (no change), 8 GREEN (no change), 2 COMPLETE (no change)');
      expect(text).toContain('RAG changes this week (2):');
      expect(text).toContain(
        '- Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington, Wednesday 18 November 2026 at 14:05',
      );
      expect(text).toContain('- Action 6 · Embrace training opportunities');
      expect(text).toContain('AMBER → RED, by Pat Police, Friday 20 November 2026 at 10:00');
      expect(text).not.toContain('Old News');
      expect(text).toContain('Overdue actions (6):');
      expect(text).toContain('No deadlines in the next 30 days.');
      const json: string[] = [];
      await runCli(
        ['digest', '--preview', '--json', '--at', '2026-11-23T09:00:00Z'],
        { DATABASE_URL: database.url },
        (t) => void json.push(t),
      );
      expect(validateCard(JSON.parse(json.join('\n')))).toEqual([]);
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it('says so when there is no plan', async () => {
    const database = await createTestDatabase();
    const out: string[] = [];
    expect(await runCli(['digest', '--preview'], { DATABASE_URL: database.url }, (t) => void out.push(t))).toBe(1);
    expect(out.join('\n')).toContain('There is no plan for City of London yet');
    await database.drop();
  });
});

describe('the weekly digest job', () => {
  const personal = (id: string) => TEAMS.personalOf(id).id;
  const digests = () => bot!.connector.to(personal(CLEO.id)).filter((s) => textOf(s.activity).startsWith('Weekly digest'));

  it('goes to each coordinator on Monday at 09:00 UK time, in winter and in summer, as a card with a text fallback', async () => {
    bot = await startJobsBot('2026-03-20T12:00:00Z');
    expect((await tickAt(bot, '2026-03-23T09:00:00Z')).find((r) => r.job === 'weekly-digest')?.status).toBe('done');
    expect((await tickAt(bot, '2026-03-30T09:00:00Z')).filter((r) => r.job === 'weekly-digest')).toEqual([]);
    expect((await tickAt(bot, '2026-03-30T08:00:00Z')).find((r) => r.job === 'weekly-digest')?.status).toBe('done');
    expect(digests()).toHaveLength(2);
    expect(validateCard(cardOf(digests()[0]!.activity))).toEqual([]);
    expect(textOf(digests()[1]!.activity)).toContain('City of London, Monday 30 March 2026');
  });

  it('each coordinator can change the day and time, or switch it off, in chat', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const dm = TEAMS.personalOf(CLEO.id);
    expect((await say(bot, CLEO, 'send my digest on Fridays at 4pm', dm))[0]).toContain(
      'Your weekly digest comes on Fridays at 16:00 (Europe/London time), in personal chat.',
    );
    expect((await tickAt(bot, '2026-11-23T09:00:00Z')).filter((r) => r.job === 'weekly-digest')).toEqual([]);
    expect((await tickAt(bot, '2026-11-27T16:00:00Z')).find((r) => r.job === 'weekly-digest')?.status).toBe('done');
    expect((await say(bot, CLEO, 'turn off my digest', dm))[0]).toContain('Your weekly digest is switched off.');
    expect(await tickAt(bot, '2026-12-04T16:00:00Z')).toEqual([]);
    expect((await say(bot, CLEO, 'turn on my digest', dm))[0]).toContain('Fridays at 16:00');
    expect(digests()).toHaveLength(1);
    expect((await say(bot, TEAMS.user('Sam Member', '29:sam'), 'send my digest on Monday at 08:00', dm))[0]).toContain(
      'Only a coordinator can get the weekly digest',
    );
  });

  it('"show the digest" previews it for a coordinator', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    const replies = await say(bot, CLEO, 'show the digest');
    expect(replies[0]).toContain('12 AMBER');
  });

  it('lists people with a role whom the bot cannot reach', async () => {
    bot = await startJobsBot('2026-11-22T12:00:00Z');
    await person(bot, TEAMS.user('Lee Lead', '29:lee'), 'lead', { chat: false, organisation: 'CST' });
    await tickAt(bot, '2026-11-23T09:00:00Z');
    expect(textOf(digests()[0]!.activity)).toContain('People I cannot reach in personal chat (1):\n- Lee Lead.');
  });
});
