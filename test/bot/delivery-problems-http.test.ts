import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMessageCard } from '../../cards/message-card.js';
import { grantRole } from '../../bot/store/people.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeMessage, TEAMS } from '../support/activities.js';
import { say } from '../dialog/chat.js';

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
const bea = TEAMS.user('Bea Never', '29:bea');
const cy = TEAMS.user('Cy Blocked', '29:cy');
const sam = TEAMS.user('Sam Member', '29:sam');
const P = 'City of London';

beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: P, person: asPerson(ali), role: 'coordinator' });
  await grantRole(bot.store.db, { partnership: P, person: asPerson(bea), role: 'lead', organisation: 'CST' });
  await grantRole(bot.store.db, { partnership: P, person: asPerson(cy), role: 'lead', organisation: 'CST' });
  await bot.post(makeInstall(bot.connector.url));
  await say(bot, 'hello', ali);
  await say(bot, 'hello', cy);
  // Cy then blocks the bot: the next proactive message to Cy is refused with 403, which the outbox sender records.
  const chat = await bot.services.store.conversations.personal(cy.id);
  bot.connector.failNext({
    status: 403,
    body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } },
  });
  const message = { partnership: P, kind: 'notice' as const, recipient: cy.name, reply: buildMessageCard({ lines: ['A reminder'] }) };
  await bot.store.outbox.queue([{ ...message, key: 'test:cy', conversationId: chat!.conversationId }], bot.clock.now());
  await bot.delivered();
  expect(await bot.store.outbox.list({ keyPrefix: 'test:' })).toEqual([
    expect.objectContaining({ status: 'unreachable', attempts: 1, lastError: 'blocked' }),
  ]);
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function channel(text: string, from = ali): Promise<string> {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, mention: true, from }));
  return bot.connector
    .to(TEAMS.channel.id)
    .map((s) => textOf(s.activity))
    .join('\n');
}

describe('"delivery problems" (coordinators)', () => {
  it('names who cannot be reached, why in plain words, and what to do', async () => {
    const text = await channel('delivery problems');
    expect(text).toContain('Delivery problems (2)');
    expect(text).toContain('Bea Never (lead) has never talked to the bot, so it cannot message them: ask them to open a chat with the bot');
    expect(text).toContain('Cy Blocked (lead) blocked the bot: ask them to unblock it');
    expect(text).not.toContain('Ali Burlington');
  });

  it('lists the people an open update round could not reach; round status says what to do', async () => {
    const started = await channel('start an update round for the board meeting on 4 December');
    expect(started).toContain('I could not reach');
    const text = await channel('delivery problems');
    expect(text).toMatch(/Update round for the board meeting on Friday 4 December 2026: the request did not reach Bea Never, Cy Blocked\./);
    const status = await channel('update round status');
    expect(status).toContain('ask them to open a chat with me in Teams, and say "delivery problems" for the list');
    expect(status).toContain('Bea Never');
  });

  it('lists messages Teams kept failing this week, by recipient and what they were', async () => {
    const chat = await bot.services.store.conversations.personal(ali.id);
    bot.connector.failNext({ status: 400, conversationId: chat!.conversationId });
    const reply = buildMessageCard({ lines: ['Weekly digest'] });
    await bot.store.outbox.queue(
      [{ key: 'test:digest', partnership: P, kind: 'digest', recipient: ali.name, reply, conversationId: chat!.conversationId }],
      bot.clock.now(),
    );
    await bot.delivered();
    expect(await bot.store.outbox.list({ keyPrefix: 'test:digest' })).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^400: /) }),
    ]);
    expect(await channel('delivery problems')).toContain(
      'A weekly digest to Ali Burlington could not be delivered this week: Teams kept failing after every retry.',
    );
  });

  it('says there are none when everyone can be reached', async () => {
    await say(bot, 'hello', bea);
    await bot.store.db.conversationRef.updateMany({ where: { userChatId: cy.id }, data: { active: true } });
    expect(await channel('delivery problems')).toContain('No delivery problems');
  });

  it('is for coordinators only', async () => {
    expect(await channel('delivery problems', sam)).toContain('Only a coordinator can see delivery problems');
  });
});
