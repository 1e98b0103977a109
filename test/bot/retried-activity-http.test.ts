import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { createTestDatabase } from '../support/database.js';
import { answeredWorkDone } from '../../bot/core/after-answer.js';

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

async function action(ref: number) {
  const plan = await loadPlanView(bot.store.db, 'City of London');
  return plan!.actions.find((a) => a.ref === ref)!;
}

/** Ali saving action 18 as AMBER from its card: the action and the press. */
async function amberPress() {
  const a18 = await action(18);
  const note = 'Forum planned.';
  return {
    a18,
    press: makeInvoke(bot.connector.url, VERBS.submitUpdate, { actionId: a18.id, version: a18.version, rag: 'AMBER', note }, { from: ali }),
  };
}

const texts = (b: TestBot) => b.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
/** New posts in the channel itself (announcements), not replies in the thread. */
const posts = (b: TestBot) => b.connector.to(TEAMS.channelId).map((s) => textOf(s.activity));

describe('Teams retries the same activity: replies are not sent twice', () => {
  it('a question retried after it was answered gets no second reply', async () => {
    const question = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    expect((await bot.post(question)).status).toBe(200);
    expect((await bot.post(question)).status).toBe(200);
    expect(texts(bot)).toHaveLength(1);
    expect(texts(bot)[0]).toContain('RED');
  });

  it('a retry arriving while the first is still being answered, at another instance, sends nothing', async () => {
    const question = makeMessage(bot.connector.url, { text: "what's amber?", mention: true, from: ali });
    const retry = { ...question, serviceUrl: other.connector.url };
    const [first, second] = await Promise.all([bot.post(question), other.post(retry)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(texts(bot).length + texts(other).length).toBe(1);
  });

  it('a different activity with the same words is answered again', async () => {
    await bot.post(makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali }));
    await bot.post(makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali }));
    expect(texts(bot)).toHaveLength(2);
  });

  it('a retried card update is saved once, announced once, and the retry gets the same refreshed card', async () => {
    const { a18, press } = await amberPress();
    const first = await bot.post(press);
    const retry = await other.post({ ...press, serviceUrl: other.connector.url });
    expect(JSON.stringify(first.body.value)).toContain('Saved: action 18 is RED → AMBER');
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    const announcements = [...posts(bot), ...posts(other)].filter((t) => t.includes('RED → AMBER, by Ali Burlington'));
    expect(announcements).toHaveLength(1);
    expect(await bot.store.db.actionUpdate.count({ where: { actionId: a18.id } })).toBe(2);
  });

  it('a retry of a turn whose instance died mid-turn is answered, sending only what was not sent', async () => {
    const question = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    const key = createHash('sha256').update(`${question.conversation.id}\n${question.id}`).digest('hex');
    const claimedAt = new Date(bot.clock.now().getTime() - 3 * 60_000);
    await bot.store.db.turnReply.create({ data: { activityKey: key, claimedAt, expiresAt: new Date(claimedAt.getTime() + 3_600_000) } });
    await bot.post(question);
    expect(texts(bot)).toHaveLength(1);

    const sentAlready = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    const sentKey = createHash('sha256').update(`${sentAlready.conversation.id}\n${sentAlready.id}`).digest('hex');
    await bot.store.db.turnReply.create({
      data: { activityKey: sentKey, claimedAt, expiresAt: new Date(claimedAt.getTime() + 3_600_000), sent: 1 },
    });
    bot.connector.clear();
    await bot.post(sentAlready);
    expect(texts(bot)).toHaveLength(0);
  });
});

// A turn's reply goes out, then the database restarts before the turn's end is recorded (PostgreSQL restarting: the
// connection is cut). The user must get the answer once: no "Sorry, something went wrong" after it, and no second
// answer when Teams retries the activity, at this instance or another, before or after the turn's lease runs out.

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
    const { a18, press } = await amberPress();
    const first = await bot.post(press);
    expect(JSON.stringify(first.body)).toContain('Saved: action 18 is RED → AMBER');
    expect(JSON.stringify(first.body)).not.toContain('went wrong');
    const retry = await other.post({ ...press, serviceUrl: other.connector.url });
    expect(retry.body).toEqual(first.body);
    expect(await bot.store.db.actionUpdate.count({ where: { actionId: a18.id } })).toBe(2);
  });
});

// A retry reaches another instance while the database is restarting: before it has claimed the turn it has sent
// nothing, so it waits for the database rather than saying "Sorry, something went wrong" beside the first answer.
describe('a retry that reaches another instance while its database cannot be reached', () => {
  it('waits for the database, finds the turn answered, and says nothing', async () => {
    const question = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    await bot.post(question);
    expect(texts(bot)).toHaveLength(1);
    const conversations = other.store.conversations;
    const enter = conversations.enter;
    let cut = 2;
    conversations.enter = (...args: Parameters<typeof enter>) => (cut-- > 0 ? Promise.reject(connectionCut()) : enter(...args));
    expect((await other.post({ ...question, serviceUrl: other.connector.url })).status).toBe(200);
    expect(cut).toBe(-1);
    expect(texts(other)).toEqual([]);
    expect(texts(bot)).toHaveLength(1);
  });

  it('a new question that meets a restarting database is answered once the database is back', async () => {
    const conversations = other.store.conversations;
    const enter = conversations.enter;
    let cut = 1;
    conversations.enter = (...args: Parameters<typeof enter>) => (cut-- > 0 ? Promise.reject(connectionCut()) : enter(...args));
    const question = makeMessage(other.connector.url, { text: "what's amber?", mention: true, from: ali });
    expect((await other.post(question)).status).toBe(200);
    expect(texts(other)).toHaveLength(1);
    expect(texts(other)[0]).not.toContain('went wrong');
  });
});

// Teams waits on the HTTP response (a card press for its refreshed card): the turn's end is written down after it.
describe("the platform is answered before the turn's end is written down", () => {
  /** Holds the store's `finish` of turn replies until `release` is called. */
  function holdFinish(b: TestBot) {
    const replies = b.store.turnReplies;
    const finish = replies.finish;
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = { started: 0, release };
    replies.finish = async (...args: Parameters<typeof finish>) => {
      held.started++;
      await released;
      return finish(...args);
    };
    return held;
  }
  const raw = (b: TestBot, activity: unknown) =>
    fetch(`${b.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const statusOf = async (b: TestBot, activity: { id: string; conversation: { id: string } }) => {
    const key = createHash('sha256').update(`${activity.conversation.id}\n${activity.id}`).digest('hex');
    return (await b.store.db.turnReply.findUnique({ where: { activityKey: key } }))?.status;
  };

  it('a question is answered while its end is still being recorded, and a retry meanwhile sends nothing', async () => {
    const held = holdFinish(bot);
    const question = makeMessage(bot.connector.url, { text: "what's red?", mention: true, from: ali });
    const res = await raw(bot, question);
    expect(res.status).toBe(200);
    expect(texts(bot)).toHaveLength(1);
    expect(held.started).toBe(1);
    expect(await statusOf(bot, question)).toBe('running');

    const retry = await other.post({ ...question, serviceUrl: other.connector.url });
    expect(retry.status).toBe(200);
    expect(texts(other)).toEqual([]);

    held.release();
    await bot.post(makeMessage(bot.connector.url, { text: 'help', mention: true, from: ali })); // waits for the answered work
    expect(await statusOf(bot, question)).toBe('done');
    expect(texts(bot).filter((t) => t.includes('RED'))).toHaveLength(1);
  });

  it('a card press gets its refreshed card at once; the card kept for a retry is written after', async () => {
    const held = holdFinish(bot);
    const { a18, press } = await amberPress();
    const res = await raw(bot, press);
    const body = await res.json();
    expect(JSON.stringify(body)).toContain('Saved: action 18 is RED → AMBER');
    expect(await statusOf(bot, press)).toBe('running');
    held.release();
    await bot.post(makeMessage(bot.connector.url, { text: 'help', mention: true, from: ali }));
    expect(await statusOf(bot, press)).toBe('done');
    const retry = await other.post({ ...press, serviceUrl: other.connector.url });
    expect(retry.body).toEqual(body);
    expect(await bot.store.db.actionUpdate.count({ where: { actionId: a18.id } })).toBe(2);
  });

  it('stopping waits for the turn ends still being written', async () => {
    const held = holdFinish(bot);
    const question = makeMessage(bot.connector.url, { text: "what's amber?", mention: true, from: ali });
    expect((await raw(bot, question)).status).toBe(200);
    let done = false;
    const stopped = answeredWorkDone(bot.services).then(() => void (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toBe(false);
    held.release();
    await stopped;
    expect(await statusOf(bot, question)).toBe('done');
  });
});
