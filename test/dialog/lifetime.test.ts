import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { loadDialog, saveDialog } from '../../bot/store/dialogs.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { action, ali, announcements, click, history, say, setUpPeople } from './chat.js';

let bot: TestBot;
let cleanups: (() => Promise<void>)[] = [];
beforeEach(async () => {
  bot = await startTestBot({ now: '2026-11-23T10:00:00Z' });
  await setUpPeople(bot);
});
afterEach(async () => {
  await bot.close();
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

const MINUTE = 60_000;

describe('an update conversation over time', () => {
  it('ends without saving after 30 minutes of silence, and says so the next time', async () => {
    await say(bot, 'update action 18');
    bot.clock.advance(29 * MINUTE);
    await say(bot, 'amber');
    bot.clock.advance(29 * MINUTE);
    await say(bot, 'A note typed just in time');
    bot.clock.advance(31 * MINUTE);
    const replies = await say(bot, 'yes');
    expect(replies[0]!.text).toBe(
      'Our conversation about action 18 ended after 30 minutes without an answer, so nothing was saved. Say "update action 18" to start again.',
    );
    expect(replies).toHaveLength(2);
    expect(replies[1]!.text).toContain("I didn't understand");
    expect((await action(bot, 18)).rag).toBe('RED');
    expect(await history(bot, 18)).toHaveLength(1);
    expect(await bot.store.db.dialogState.count()).toBe(0);
    const [next] = await say(bot, 'amber');
    expect(next!.text).toMatch(/^12 actions are AMBER/);
  });

  it('a button clicked after the timeout says the conversation ended', async () => {
    const [first] = await say(bot, 'update action 18');
    bot.clock.advance(31 * MINUTE);
    const { replaced } = await click(bot, first!.card, 'AMBER – at risk');
    expect(replaced.text).toContain('ended after 30 minutes without an answer');
    expect(await history(bot, 18)).toHaveLength(1);
  });

  it('a retried message (same activity id, as Teams sends after a slow turn) is not taken as a second answer, nor answered twice', async () => {
    await say(bot, 'update action 18');
    const conversation = TEAMS.personalOf(ali.id);
    const amber = makeMessage(bot.connector.url, { text: 'amber', from: ali, conversation });
    await bot.post(amber);
    bot.connector.clear();
    await bot.post(amber);
    expect(bot.connector.to(conversation.id)).toEqual([]);
    const [summary] = await say(bot, 'Note');
    expect(summary!.text).toContain('Save this update?');
    const yes = makeMessage(bot.connector.url, { text: 'yes', from: ali, conversation });
    bot.connector.clear();
    await bot.post(yes);
    expect(textOf(bot.connector.to(conversation.id)[0]?.activity)).toContain('Saved: action 18 is RED → AMBER.');
    bot.connector.clear();
    await bot.post(yes);
    expect(bot.connector.to(conversation.id)).toEqual([]);
    expect(await history(bot, 18)).toHaveLength(2);
  });

  it('two answers at once: one moves the conversation on, the other is told where it is; one update saved', async () => {
    await say(bot, 'update action 18');
    await say(bot, 'amber');
    await say(bot, 'Note');
    const conversation = TEAMS.personalOf(ali.id);
    const results = await Promise.all(
      [1, 2, 3].map(() => bot.post(makeMessage(bot.connector.url, { text: 'yes', from: ali, conversation }))),
    );
    for (const r of results) expect(r.status).toBe(200);
    expect(await history(bot, 18)).toHaveLength(2);
    expect(announcements(bot).filter((t) => t.includes('RED → AMBER'))).toHaveLength(1);
  });

  it('a stale save of the dialog state is refused (optimistic version)', async () => {
    await say(bot, 'update action 18');
    const stored = (await loadDialog(bot.store.db, { conversationId: TEAMS.personalOf(ali.id).id, userChatId: ali.id }))!;
    const now = bot.clock.now();
    expect(await saveDialog(bot.store.db, stored.id, stored.version, { state: stored.state, now, expiresAt: now })).toBe(
      stored.version + 1,
    );
    expect(await saveDialog(bot.store.db, stored.id, stored.version, { state: stored.state, now, expiresAt: now })).toBeNull();
  });

  it('if someone else updates the action meanwhile, nothing is saved until the person confirms again', async () => {
    await say(bot, 'update action 18');
    await say(bot, 'green');
    await say(bot, 'My note');
    const a18 = await action(bot, 18);
    await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a18.id, version: a18.version, rag: 'AMBER', note: 'From the card' },
        { from: ali },
      ),
    );
    const [stale] = await say(bot, 'yes');
    expect(stale!.text).toContain('Someone else updated action 18 while we were talking: it is now AMBER. Nothing has been saved yet.');
    expect(stale!.text).toContain('RAG: AMBER → GREEN');
    expect(stale!.text).toContain('Note: My note');
    const [saved] = await say(bot, 'yes');
    expect(saved!.text).toContain('Saved: action 18 is AMBER → GREEN.');
    expect((await history(bot, 18)).map((h) => h.ragTo)).toEqual(['GREEN', 'AMBER', 'RED']);
  });
});

describe('an update conversation across a restart', () => {
  it('a new server process on the same database carries on where the first left off', async () => {
    await say(bot, 'update action 18');
    await say(bot, 'amber');
    const url = bot.config.DATABASE_URL;
    const first = bot;
    await first.close({ keepDatabase: true });
    cleanups.push(() => first.dropDatabase());
    bot = await startTestBot({ databaseUrl: url, demo: false, now: '2026-11-23T10:10:00Z' });
    await bot.post(makeInstall(bot.connector.url));
    bot.connector.clear();
    const [summary] = await say(bot, 'Faith forum booked for January.');
    expect(summary!.text).toContain('Save this update?');
    expect(summary!.text).toContain('RAG: RED → AMBER');
    const [saved] = await say(bot, 'yes');
    expect(saved!.text).toContain('Saved: action 18 is RED → AMBER. The partnership channel has been told.');
    expect((await history(bot, 18))[0]).toMatchObject({ note: 'Faith forum booked for January.', source: 'chat' });
  });
});
