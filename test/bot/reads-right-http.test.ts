import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { buttons, visibleText } from '../cards/card-walk.js';
import { cardOf, startTestBot, textOf, type TestBot } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { captureLogs } from '../privacy/tables.js';
import { action } from '../dialog/chat.js';

// Issue 14, over HTTP through the real bot: the channel welcome tells the truth about announcements, the action card
// shows the latest note after an update, lists page back, and every turn writes one log line without the words.

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
});
afterEach(async () => {
  await bot.close();
});

const OTHER_CHANNEL = { ...TEAMS.channel, id: '19:second-channel@thread.tacv2' };

describe('the channel welcome', () => {
  it('says RAG changes will be posted in the first channel, and how to move them; a second channel is told where they go', async () => {
    await bot.post(makeInstall(bot.connector.url, { conversation: { ...TEAMS.channel, id: '19:prevent-partnership@thread.tacv2' } }));
    const [first] = bot.connector.to('19:prevent-partnership@thread.tacv2').map((s) => s.activity);
    expect(textOf(first!)).toContain('I will post RAG changes in this channel.');
    expect(visibleText(cardOf(first!))).toContain('"@Prevent plan post updates here"');

    bot.connector.clear();
    await bot.post(makeInstall(bot.connector.url, { conversation: OTHER_CHANNEL }));
    const [second] = bot.connector.to(OTHER_CHANNEL.id).map((s) => s.activity);
    expect(textOf(second!)).toContain('RAG changes are posted in another channel of this team.');

    // and it is true: a RAG change is announced in the first channel
    bot.connector.clear();
    const a18 = await action(bot, 18);
    await bot.post(makeInvoke(bot.connector.url, VERBS.submitUpdate, { actionId: a18.id, version: a18.version, rag: 'AMBER', note: '' }));
    expect(bot.connector.to('19:prevent-partnership@thread.tacv2')).toHaveLength(1);
    expect(bot.connector.to(OTHER_CHANNEL.id)).toHaveLength(0);
  });
});

describe('cards that show what is current', () => {
  beforeEach(async () => {
    await bot.post(makeInstall(bot.connector.url));
    bot.connector.clear();
  });

  it('after an update from the card, its Notes show the new note, not the old one', async () => {
    const a18 = await action(bot, 18);
    const res = await bot.post(
      makeInvoke(bot.connector.url, VERBS.submitUpdate, {
        actionId: a18.id,
        version: a18.version,
        rag: 'AMBER',
        note: 'Forum booked for 12 January.',
      }),
    );
    const seen = visibleText(res.body.value);
    const notesAt = seen.indexOf('\nNotes\n');
    expect(notesAt).toBeGreaterThan(0);
    expect(seen.slice(notesAt + '\nNotes\n'.length).startsWith('Forum booked for 12 January.')).toBe(true);
    expect(seen).toContain('Earlier notes: Re-engage with faith groups.');
  });

  it('"Show previous" pages back to the first page', async () => {
    bot.connector.clear();
    await bot.post(makeMessage(bot.connector.url, { text: 'CST actions', mention: true }));
    const first = cardOf(bot.connector.to(TEAMS.channel.id)[0]!.activity);
    const more = buttons(first).find((b) => b.title === 'Show more')!;
    const page2 = (await bot.post(makeInvoke(bot.connector.url, VERBS.showMore, more.data as Record<string, unknown>))).body.value;
    expect(visibleText(page2)).toContain('Showing 16–22 of 22');
    const previous = buttons(page2).find((b) => b.title === 'Show previous');
    expect(previous, 'a Show previous button').toBeTruthy();
    const back = (await bot.post(makeInvoke(bot.connector.url, VERBS.showMore, previous!.data as Record<string, unknown>))).body.value;
    expect(visibleText(back)).toContain('Showing 1–15 of 22');
    expect(buttons(back).map((b) => b.title)).toContain('Show more');
  });
});

describe('one structured log line per turn', () => {
  it('names the activity type, route, partnership, duration and outcome, and never the words of a message or note', async () => {
    await bot.post(makeInstall(bot.connector.url));
    const logs = captureLogs();
    const personal = TEAMS.personalOf(ali.id);
    try {
      await bot.post(makeMessage(bot.connector.url, { text: 'what changed this week zebracrossing?', from: ali, conversation: personal }));
      await bot.post(makeMessage(bot.connector.url, { text: 'update action 18 to amber', from: ali, conversation: personal }));
      await bot.post(makeMessage(bot.connector.url, { text: 'Visited the quokkasanctuary mosque', from: ali, conversation: personal }));
      await bot.post(makeInvoke(bot.connector.url, 'no.such.verb', { x: 'wombatverb' }, { from: ali, conversation: personal }));
    } finally {
      logs.stop();
    }
    const turns = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'Turn');
    expect(turns).toHaveLength(4);
    for (const t of turns) {
      expect(t).toMatchObject({ module: 'turn', partnership: 'City of London', outcome: expect.any(String) });
      expect(t.durationMs).toEqual(expect.any(Number));
    }
    expect(turns.map((t) => [t.activityType, t.route, t.outcome])).toEqual([
      ['message', 'plan question', 'answered'],
      ['message', 'update conversation', 'answered'],
      ['message', 'update conversation answer', 'answered'],
      ['invoke', 'unknown card verb', 'invalid'],
    ]);
    const everything = logs.lines.join('\n');
    for (const words of ['zebracrossing', 'quokkasanctuary', 'wombatverb', 'no.such.verb']) expect(everything).not.toContain(words);
  });
});
