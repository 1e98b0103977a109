import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../bot/store/client.js';
import { grantRole } from '../../bot/store/people.js';
import { repositories } from '../../bot/store/store.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { startConversation, type Conversation } from '../support/conversation.js';
import { action, ali, history, PARTNERSHIP } from './chat.js';

// A typed update conversation whose end could not be written (PostgreSQL restarting just as the update was saved)
// once left the update saved and the conversation open, so the person's next message was taken as an answer. The end
// is now written in the update's own transaction: the update and the end of the conversation are saved together, or
// neither is.

let bot: Conversation;
let failEndOnce = false;
beforeEach(async () => {
  bot = await startConversation();
  await grantRole(bot.store.db, { partnership: PARTNERSHIP, person: asPerson(TEAMS.user()), role: 'lead', organisation: 'CST' });
  await bot.install();
  // the store, as the bot uses it, over a client whose write of a conversation's end fails once as a lost connection does
  const flaky = bot.store.db.$extends({
    query: {
      dialogState: {
        updateMany({ args, query }) {
          const ending = typeof args.data?.state === 'string' && args.data.state.includes('"finished":{');
          if (ending && failEndOnce) {
            failEndOnce = false;
            return Promise.reject(new Error('Connection terminated unexpectedly'));
          }
          return query(args);
        },
      },
    },
  }) as unknown as Db;
  Object.assign(bot.store, repositories(flaky));
});
afterEach(async () => {
  await bot.close();
});

const openDialogs = () => bot.store.db.dialogState.count({ where: { expiresAt: { gt: bot.clock.now() } } });

describe('the end of a typed update conversation', () => {
  it('is saved with the update: when writing it fails, neither is saved, and "yes" again saves both', async () => {
    await bot.say('update action 18', ali);
    await bot.say('amber', ali);
    const [summary] = await bot.say('Met three faith leaders.', ali);
    expect(summary!.text).toContain('Save this update?');
    failEndOnce = true;
    const [failed] = await bot.say('yes', ali);
    expect(failEndOnce).toBe(false);
    expect(failed!.text).not.toContain('Saved:');
    // they agree: the update was not saved and the conversation is still waiting for "yes"
    expect((await action(bot, 18)).rag).toBe('RED');
    expect((await history(bot, 18)).filter((h) => h.source === 'chat')).toEqual([]);
    expect(await openDialogs()).toBe(1);

    const [saved] = await bot.say('yes', ali);
    expect(saved!.text).toContain('Saved: action 18 is RED → AMBER. The partnership channel will be told.');
    expect((await action(bot, 18)).rag).toBe('AMBER');
    expect((await history(bot, 18)).filter((h) => h.source === 'chat')).toHaveLength(1);
    expect(await openDialogs()).toBe(0);
    // the next message is not taken as an answer
    const [after] = await bot.say("what's red?", ali);
    expect(after!.text.split('\n')[0]).toBe('1 action is RED');
  });

  it('records what the person was told as the end, so a retried message gets the same answer', async () => {
    await bot.say('update action 18', ali);
    await bot.say('green', ali);
    await bot.say('Forum held.', ali);
    const [saved] = await bot.say('yes', ali);
    expect(saved!.text).toContain('Saved: action 18 is RED → GREEN.');
    expect(await openDialogs()).toBe(0);
    const stored = await bot.store.db.dialogState.findFirstOrThrow();
    expect(JSON.parse(stored.state)).toMatchObject({
      finished: {
        title: 'Update saved',
        lines: ['Saved: action 18 is RED → GREEN. The partnership channel will be told.', 'Note: Forum held.'],
      },
    });
  });
});
