import { afterEach, describe, expect, it } from 'vitest';
import { warmUp } from '../../bot/warm-up.js';
import { asPerson, makeMessage, TEAMS } from '../support/activities.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';

// Start-up rehearses partners' questions before taking traffic (bot/index.ts): read-only, bounded, never fatal.
let bot: TestBot;
afterEach(() => bot?.close());

/** Every table's rows, as counts and the newest change time anywhere: what a read-only rehearsal must leave as it was. */
async function everything(b: TestBot): Promise<Record<string, unknown>> {
  const db = b.store.db as unknown as Record<string, { count(): Promise<number> }>;
  const tables = Object.keys(db).filter((k) => !k.startsWith('$') && !k.startsWith('_') && typeof db[k]?.count === 'function');
  const counts: Record<string, unknown> = {};
  for (const t of tables.sort()) counts[t] = await db[t]!.count();
  counts.actions = await b.store.db.action.findMany({ orderBy: { id: 'asc' }, select: { id: true, version: true, updatedAt: true } });
  return counts;
}

describe('warming up before taking traffic', () => {
  it('rehearses the usual questions on each plan, and changes nothing anywhere', async () => {
    bot = await startTestBot();
    await bot.store.people.grantRole({
      partnership: 'City of London',
      person: asPerson(TEAMS.user('Ali Burlington', '29:ali')),
      role: 'lead',
      organisation: 'CST',
    });
    const before = await everything(bot);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    const done = await warmUp(bot.services, { budgetMs: 1 });
    expect(done.partnerships).toBe(1);
    // whatever the budget, the first question in each partnership (its plan read, the pool's connection); nothing past
    // the budget after that (a plan read and an answer take longer than 1 ms)
    expect(done.turns).toBe(1);
    expect(await everything(bot)).toEqual(before);
    expect(bot.connector.sent).toEqual([]);
    // and the bot answers as before
    await bot.post(makeMessage(bot.connector.url, { text: "what's amber?", mention: true, from: TEAMS.user('Ali Burlington', '29:ali') }));
    expect(textOf(bot.connector.to(TEAMS.channel.id)[0]!.activity)).toMatch(/amber/i);
  });

  it('goes on for more rounds while the budget lasts, and not at all when WARM_UP_MS is 0', async () => {
    bot = await startTestBot({ env: { WARM_UP_MS: '0' } });
    expect(await warmUp(bot.services)).toEqual({ partnerships: 0, turns: 0, ms: 0 });
    expect((await warmUp(bot.services, { budgetMs: 60_000 })).turns).toBe(4 * 7);
  });

  it('a database it cannot read is logged, not thrown: start-up goes on', async () => {
    bot = await startTestBot();
    const broken = {
      ...bot.services,
      store: {
        ...bot.services.store,
        plans: { ...bot.services.store.plans, partnershipsWithPlans: async () => Promise.reject(new Error('connection reset')) },
      },
    };
    expect(await warmUp(broken as typeof bot.services, { budgetMs: 100 })).toMatchObject({ partnerships: 0, turns: 0 });
  });
});
