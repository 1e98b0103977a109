import { afterEach, describe, expect, it } from 'vitest';
import { buildMessageCard } from '../../cards/message-card.js';
import type { OutboxInput } from '../../bot/store/outbox.js';
import { textOf, type TestBot } from '../support/bot.js';
import { CLEO, person, say, startJobsBot, TEAMS } from './support.js';

// Teams failing for a passing reason (5xx for a while, a 429 storm, a network reset) no longer loses a message: the
// row goes back to pending and is tried again 1, 5, 30 minutes and then every 2 hours after it was queued, for a
// day. Coordinators hear "could not be delivered" only when it finally gives up; a 400 gives up at once.

let bot: TestBot;
afterEach(() => bot?.close());

const PAT = TEAMS.user('Pat Panel', '29:pat');
const personal = (id: string) => TEAMS.personalOf(id).id;
const QUEUED = '2026-11-22T12:00:00Z';

async function queueToPat(key = 'test:retry:pat'): Promise<void> {
  const message: OutboxInput = {
    key,
    partnership: 'City of London',
    kind: 'panel-reminder',
    conversationId: personal(PAT.id),
    recipient: PAT.name,
    reply: buildMessageCard({ title: 'Reminder: Channel panel', lines: ['Tuesday at 10:00'] }),
    onFailure: 'the Channel panel reminder for Tuesday',
  };
  await bot.store.outbox.queue([message], bot.clock.now());
}

const row = (key = 'test:retry:pat') => bot.store.db.outboxMessage.findUniqueOrThrow({ where: { key } });
const toPat = () => bot.connector.to(personal(PAT.id));
const noticesToCleo = () =>
  bot.connector.to(personal(CLEO.id)).filter((s) => textOf(s.activity).includes('I could not send the Channel panel reminder'));

async function setUp() {
  bot = await startJobsBot(QUEUED);
  await person(bot, PAT, 'member', { panel: true });
  bot.connector.clear();
}

describe('outbox rows that Teams fails to take for a passing reason', () => {
  it('go back to pending and are sent once Teams recovers, without telling coordinators', async () => {
    await setUp();
    bot.connector.goDown({ status: 502, conversationId: personal(PAT.id) });
    await queueToPat();
    await bot.delivered();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 5, lastError: expect.stringMatching(/^502: /) });
    expect((await row()).availableAt).toEqual(new Date('2026-11-22T12:01:00Z'));
    // not due yet: a pass now sends nothing
    const refused = bot.connector.refused();
    await bot.delivered();
    expect(bot.connector.refused()).toBe(refused);
    // coordinators see it as still being tried, at the London time of the next try
    expect((await say(bot, CLEO, 'delivery problems')).join('\n')).toContain(
      'A Channel panel reminder to Pat Panel is waiting to be delivered: Teams has not accepted it yet; I will try again at 12:01.',
    );
    // the second try fails too: the next is five minutes later
    bot.clock.set('2026-11-22T12:01:00Z');
    await bot.delivered();
    expect(await row()).toMatchObject({ status: 'pending', attempts: 10, availableAt: new Date('2026-11-22T12:06:00Z') });
    bot.connector.recover();
    bot.clock.set('2026-11-22T12:06:00Z');
    await bot.delivered();
    expect(await row()).toMatchObject({ status: 'sent', attempts: 11 });
    expect(toPat()).toHaveLength(1);
    expect(noticesToCleo()).toEqual([]);
    expect(await bot.store.outbox.list({ kind: 'notice' })).toEqual([]);
    const problems = (await say(bot, CLEO, 'delivery problems')).join('\n');
    expect(problems).not.toContain('Pat Panel');
    // sent rows are never claimed again
    bot.clock.set('2026-11-23T12:00:00Z');
    await bot.delivered();
    expect(toPat()).toHaveLength(1);
  });

  it('give up about a day after they were queued; coordinators are told once, then', async () => {
    await setUp();
    bot.connector.goDown({ status: 429, headers: { 'Retry-After': '1' }, conversationId: personal(PAT.id) });
    await queueToPat();
    await bot.delivered();
    const tries: string[] = [];
    for (let current = await row(); current.status === 'pending'; current = await row()) {
      expect(noticesToCleo()).toEqual([]);
      expect(current.availableAt).not.toBeNull();
      tries.push(current.availableAt!.toISOString().slice(11, 16));
      bot.clock.set(current.availableAt!);
      await bot.delivered();
    }
    // 1, 5 and 30 minutes, then every 2 hours, up to a day after it was queued
    expect(tries.slice(0, 5)).toEqual(['12:01', '12:06', '12:36', '14:36', '16:36']);
    expect(tries).toHaveLength(14);
    expect(tries.at(-1)).toBe('10:36');
    expect(await row()).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^429: /) });
    expect(toPat()).toEqual([]);
    expect(noticesToCleo()).toHaveLength(1);
    const problems = (await say(bot, CLEO, 'delivery problems')).join('\n');
    expect(problems).toContain('A Channel panel reminder to Pat Panel could not be delivered this week');
    expect(problems).not.toContain('I will try again');
  });

  it('a network failure (connection refused) is retried later too', async () => {
    await setUp();
    await bot.store.db.conversationRef.updateMany({
      where: { conversationId: personal(PAT.id) },
      data: { serviceUrl: 'http://127.0.0.1:9/' },
    });
    const ref = await bot.store.db.conversationRef.findFirstOrThrow({ where: { conversationId: personal(PAT.id) } });
    const reference = JSON.parse(ref.reference) as Record<string, unknown>;
    await bot.store.db.conversationRef.update({
      where: { id: ref.id },
      data: { reference: JSON.stringify({ ...reference, serviceUrl: 'http://127.0.0.1:9/' }) },
    });
    await queueToPat();
    await bot.delivered();
    expect(await row()).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/^network: /) });
    expect(noticesToCleo()).toEqual([]);
  });

  it('a refusal that retrying cannot fix (400) is failed at once and coordinators are told', async () => {
    await setUp();
    bot.connector.failNext({ status: 400, conversationId: personal(PAT.id) });
    await queueToPat();
    await bot.delivered();
    expect(await row()).toMatchObject({ status: 'failed', attempts: 1, availableAt: null, lastError: expect.stringMatching(/^400: /) });
    expect(noticesToCleo()).toHaveLength(1);
    bot.clock.set('2026-11-22T12:30:00Z');
    await bot.delivered();
    expect(bot.connector.refused()).toBe(1);
  });
});
