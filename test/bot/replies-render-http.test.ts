import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCardText } from '../../cards/card-text.js';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';

// Issue 14, 1 and 2: what Teams shows for a reply (the card carries the words; no paragraph of text beside it), and
// where channel posts go (new posts in the channel, replies only in the thread being answered).

let bot: TestBot;
const ali = TEAMS.user('Ali Burlington', '29:ali');
const cleo = TEAMS.user('Cleo Coordinator', '29:cleo');
/** a message in a thread of the partnership channel, as Teams sends one: the conversation id names the thread */
const thread = (messageId: string) => ({ ...TEAMS.channel, id: `${TEAMS.channelId};messageid=${messageId}` });

beforeAll(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(cleo), role: 'coordinator' });
  await bot.post(makeInstall(bot.connector.url, { conversation: { ...TEAMS.channel, id: TEAMS.channelId } }));
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

async function action(ref: number) {
  const plan = await loadPlanView(bot.store.db, 'City of London');
  return plan!.actions.find((a) => a.ref === ref)!;
}

async function ask(text: string, conversation: { id: string } = TEAMS.channel, from = ali) {
  bot.connector.clear();
  const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true, from, conversation }));
  expect(res.status).toBe(200);
  return bot.connector.to(conversation.id).map((s) => s.activity);
}

describe('a reply with a card reads once', () => {
  it('"what\'s amber?": one card and no paragraph of text beside it; the full words in fallbackText, a short summary', async () => {
    const replies = await ask("what's amber?");
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    const card = cardOf(reply!);
    expect(card).toBeTruthy();
    expect(reply!.text ?? '').toBe('');
    // the full answer, every action on it, for screen readers and clients that cannot draw the card
    expect(card.fallbackText).toMatch(/^12 actions are AMBER/);
    expect(card.fallbackText).toContain('Action 3 ·');
    expect(card.fallbackText).toContain('Action 24 · Utilise the CoLC Counter Terrorism Local Profile');
    expect(card.fallbackText.length).toBeGreaterThan(1000);
    // the notification text: the first words, cut at a word with an ellipsis
    const summary = reply!.summary as string;
    expect(summary).toMatch(/^12 actions are AMBER/);
    expect(summary.length).toBeLessThanOrEqual(1000);
    expect(summary.endsWith('…')).toBe(true);
    expect(textOf(reply)).toBe(readCardText(card.fallbackText));
  });

  it('a short answer with a card has its whole text as the summary, uncut', async () => {
    const [reply] = await ask('show action 18');
    const card = cardOf(reply!);
    expect(reply!.text ?? '').toBe('');
    expect(card.fallbackText).toContain('Action 18 · Engage with and support faith groups');
    expect(reply!.summary).toBe(readCardText(card.fallbackText).replace(/\s+/g, ' ').trim());
  });

  it('a reply without a card keeps its text', async () => {
    const [reply] = await ask('thanks');
    expect(cardOf(reply!)).toBeFalsy();
    expect(reply!.text).toBe('You\'re welcome, Ali! Ask me about the plan any time, or say "help" to see what I can do.');
  });

  it('the card that replaces a pressed one carries its words as fallbackText', async () => {
    const a18 = await action(18);
    const res = await bot.post(
      makeInvoke(bot.connector.url, VERBS.submitUpdate, { actionId: a18.id, version: a18.version, rag: 'AMBER', note: '' }, { from: ali }),
    );
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(res.body.value.fallbackText).toContain('Saved: action 18 is RED → AMBER');
    // the channel announcement reads once too: a card, no text, a summary for the notification
    const [announcement] = bot.connector.to(TEAMS.channelId).map((s) => s.activity);
    expect(announcement!.text ?? '').toBe('');
    expect(cardOf(announcement!).fallbackText).toContain(
      'Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington',
    );
    expect(announcement!.summary).toContain('RED → AMBER');
  });
});

describe('channel posts stay in the channel', () => {
  it('"post updates here" said in a thread: the answer is in that thread, later RAG changes are new channel posts', async () => {
    const asked = thread('1700000000555');
    const [confirmation] = await ask('post updates here', asked, cleo);
    expect(textOf(confirmation)).toContain('From now on I will post RAG changes in this channel');
    // the stored conversation is the channel itself, not the thread
    const stored = await bot.store.db.conversationRef.findMany({ where: { conversationId: { startsWith: TEAMS.channelId } } });
    expect(stored.map((c) => c.conversationId)).toEqual([TEAMS.channelId]);
    expect(JSON.parse(stored[0]!.reference).conversation.id).toBe(TEAMS.channelId);

    bot.connector.clear();
    const a19 = await action(19);
    await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a19.id, version: a19.version, rag: 'GREEN', note: '' },
        { from: ali, conversation: TEAMS.personalOf(ali.id) },
      ),
    );
    const posts = bot.connector.to(TEAMS.channelId);
    expect(posts.map((s) => textOf(s.activity))).toEqual([expect.stringContaining('AMBER → GREEN')]);
    expect(bot.connector.to(asked.id)).toEqual([]);
  });

  it('a question asked in a thread is answered in that thread, and in no other', async () => {
    const one = thread('1700000000777');
    const other = thread('1700000000888');
    const replies = await ask('summary', one);
    expect(replies).toHaveLength(1);
    expect(bot.connector.to(other.id)).toEqual([]);
    expect(bot.connector.to(TEAMS.channelId)).toEqual([]);
    await ask('summary', other);
    expect(bot.connector.to(other.id)).toHaveLength(1);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId: { startsWith: TEAMS.channelId } } })).toBe(1);
  });

  it('a channel stored from a thread before this change still gets new posts, not replies in that thread', async () => {
    const old = thread('1600000000000');
    const channel = await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: TEAMS.channelId } });
    const reference = { ...JSON.parse(channel.reference), conversation: { ...TEAMS.channel, id: old.id }, activityId: '1600000000000' };
    await bot.store.db.conversationRef.update({ where: { id: channel.id }, data: { reference: JSON.stringify(reference) } });
    const a20 = await action(20);
    await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: a20.id, version: a20.version, rag: 'GREEN', note: '' },
        { from: ali, conversation: TEAMS.personalOf(ali.id) },
      ),
    );
    expect(bot.connector.to(TEAMS.channelId).map((s) => textOf(s.activity))).toEqual([expect.stringContaining('AMBER → GREEN')]);
    expect(bot.connector.to(old.id)).toEqual([]);
  });
});
