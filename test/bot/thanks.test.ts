import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeMessage, TEAMS } from '../support/activities.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, {
    partnership: 'City of London',
    who: 'Ali Burlington',
    role: 'lead',
    organisation: 'CST',
    chatId: '29:ali',
    displayName: 'Ali Burlington',
  });
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

async function say(text: string, from = TEAMS.user('Ali Burlington', '29:ali')) {
  const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true, from }));
  expect(res.status).toBe(200);
  return bot.connector.to(TEAMS.channel.id).map((s) => s.activity);
}

describe('"thanks"', () => {
  it.each(['thanks', 'Thank you very much!', 'cheers', 'many thanks.'])(
    '"%s" gets a short friendly answer by first name, not the help card',
    async (text) => {
      const replies = await say(text);
      expect(replies).toHaveLength(1);
      expect(textOf(replies[0])).toBe('You\'re welcome, Ali! Ask me about the plan any time, or say "help" to see what I can do.');
      expect(cardOf(replies[0]!)).toBeFalsy();
    },
  );

  it('someone the bot does not know is thanked without a name', async () => {
    const [reply] = await say('thanks', TEAMS.user('Visitor Person', '29:visitor'));
    expect(textOf(reply)).toBe('You\'re welcome! Ask me about the plan any time, or say "help" to see what I can do.');
  });

  it('a sentence that only starts with thanks is not taken for thanks', async () => {
    const [reply] = await say("thanks, what's red?");
    expect(textOf(reply)).not.toMatch(/welcome/);
  });
});
