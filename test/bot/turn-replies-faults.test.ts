import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { createTestDatabase } from '../support/database.js';

// A turn's reply goes out, then the database restarts before the turn's end is recorded (PostgreSQL restarting: the
// connection is cut). The user must get the answer once: no "Sorry, something went wrong" after it, and no second
// answer when Teams retries the activity, at this instance or another, before or after the turn's lease runs out.

let database: { url: string; drop(): Promise<void> };
let bot: TestBot;
let other: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');

beforeEach(async () => {
  database = await createTestDatabase();
  bot = await startTestBot({ databaseUrl: database.url });
  other = await startTestBot({ databaseUrl: database.url, demo: false });
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
});
afterEach(async () => {
  await other.close();
  await bot.close();
  await database.drop();
});

const texts = (b: TestBot) => b.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
const connectionCut = () => Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });

/** Makes the store's `finish` of turn replies fail `times` times with a cut connection, as while PostgreSQL restarts. */
function failFinish(b: TestBot, times: number) {
  const replies = b.store.turnReplies;
  const finish = replies.finish;
  let left = times;
  const calls = { count: 0 };
  replies.finish = (...args: Parameters<typeof finish>) => {
    calls.count++;
    return left-- > 0 ? Promise.reject(connectionCut()) : finish(...args);
  };
  return calls;
}

describe('a turn whose end cannot be recorded at first (database restarting)', () => {
  it('is answered once, without an error message after the answer', async () => {
    const calls = failFinish(bot, 1);
    const question = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    expect((await bot.post(question)).status).toBe(200);
    expect(texts(bot)).toHaveLength(1);
    expect(texts(bot)[0]).toContain('RED');
    expect(calls.count).toBe(2);
  });

  it('a retry at another instance after the lease ran out does not answer again', async () => {
    failFinish(bot, 1);
    const question = makeMessage(bot.connector.url, { text: "what's amber?", mention: true, from: ali });
    await bot.post(question);
    other.clock.set(new Date(bot.clock.now().getTime() + 5 * 60_000));
    expect((await other.post({ ...question, serviceUrl: other.connector.url })).status).toBe(200);
    expect([...texts(bot), ...texts(other)]).toHaveLength(1);
  });

  it('a card update is answered with its saved card, not "something went wrong", and a retry gets the same card', async () => {
    failFinish(bot, 2);
    const a18 = (await loadPlanView(bot.store.db, 'City of London'))!.actions.find((a) => a.ref === 18)!;
    const press = makeInvoke(
      bot.connector.url,
      VERBS.submitUpdate,
      { actionId: a18.id, version: a18.version, rag: 'AMBER', note: 'Forum planned.' },
      { from: ali },
    );
    const first = await bot.post(press);
    expect(JSON.stringify(first.body)).toContain('Saved: action 18 is RED → AMBER');
    expect(JSON.stringify(first.body)).not.toContain('went wrong');
    const retry = await other.post({ ...press, serviceUrl: other.connector.url });
    expect(retry.body).toEqual(first.body);
    expect(await bot.store.db.actionUpdate.count({ where: { actionId: a18.id } })).toBe(2);
  });
});
