import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { allObjects, buttons, visibleText } from '../cards/card-walk.js';
import { cardOf, startTestBot, textOf, type TestBot } from '../support/bot.js';
import { makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';
import { action, ali, buttonOn, history, sam, setUpPeople } from './chat.js';

// The update conversation in the places Teams offers: a group chat where several people see one person's cards, and a
// conversation left open while the person asks something else. Over HTTP, through the real bot.

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot();
  await setUpPeople(bot);
});
afterEach(async () => {
  await bot.close();
});

const GROUP = { id: '19:partners-group@thread.v2', conversationType: 'groupChat', tenantId: TEAMS.tenantId, isGroup: true };

/** What the bot said in a conversation after a message there (an @mention in a group chat, as Teams requires). */
async function sayIn(conversation: { id: string; conversationType: string }, text: string, from = ali) {
  bot.connector.clear();
  const mention = conversation.conversationType !== 'personal';
  const res = await bot.post(makeMessage(bot.connector.url, { text, from, conversation, mention }));
  expect(res.status).toBe(200);
  return bot.connector.to(conversation.id).map((s) => {
    const card = cardOf(s.activity);
    if (card) expect(validateCard(card)).toEqual([]);
    return { text: textOf(s.activity), card };
  });
}

/** Presses a button as Teams desktop does; the invoke's answer (a card or a message) and any new messages. */
async function press(conversation: { id: string }, card: object, title: string, from: typeof ali, inputs: Record<string, unknown> = {}) {
  const { verb, data } = buttonOn(card, title);
  bot.connector.clear();
  const res = await bot.post(makeInvoke(bot.connector.url, verb, { ...data, ...inputs }, { from, conversation }));
  expect(res.status).toBe(200);
  return {
    type: res.body.type as string,
    value: res.body.value,
    messages: bot.connector.to(conversation.id).map((s) => textOf(s.activity)),
  };
}

const personal = (who = ali) => TEAMS.personalOf(who.id);

describe("a person's update is theirs", () => {
  it("in a group chat, someone else pressing Ali's buttons is told whose it is; nothing changes and the card stays", async () => {
    const [question] = await sayIn(GROUP, 'update action 18');
    expect(question!.text).toContain('What is its RAG rating now?');
    const before = await bot.store.db.dialogState.findFirstOrThrow();

    const pressed = await press(GROUP, question!.card, 'Send', sam, { answer: 'GREEN' });
    expect(pressed.type).toBe('application/vnd.microsoft.activity.message');
    expect(pressed.value).toContain("This is Ali Burlington's update");
    expect(pressed.value).not.toContain('This conversation has ended');
    expect(pressed.messages).toEqual([]);
    const after = await bot.store.db.dialogState.findFirstOrThrow();
    expect(after).toMatchObject({ id: before.id, version: before.version, state: before.state });

    // Teams mobile (Action.Submit): the same answer, as a message; still nothing changes
    bot.connector.clear();
    const submitted = { ...buttonOn(question!.card, 'Send').data, answer: 'AMBER' };
    await bot.post(makeSubmit(bot.connector.url, submitted, { from: sam, conversation: GROUP }));
    const said = bot.connector.to(GROUP.id).map((s) => textOf(s.activity));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain("This is Ali Burlington's update");
    expect((await bot.store.db.dialogState.findFirstOrThrow()).version).toBe(before.version);

    // Ali's own press still works: the conversation was waiting for her
    const mine = await press(GROUP, question!.card, 'Send', ali, { answer: 'GREEN' });
    expect(mine.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText(mine.value)).toContain('What has happened since the last update?');
    expect((await action(bot, 18)).rag).toBe('RED');
    expect(await history(bot, 18)).toHaveLength(1);
  });

  it('ownership is by stable id, not by name: someone with the same display name is still someone else', async () => {
    const [question] = await sayIn(GROUP, 'update action 18');
    const namesake = TEAMS.user('Ali Burlington', '29:other-ali');
    const pressed = await press(GROUP, question!.card, 'Cancel', namesake);
    expect(pressed.value).toContain("This is Ali Burlington's update");
    expect((await bot.store.db.dialogState.findFirstOrThrow()).version).toBe(1);
  });
});

describe('a question is never mistaken for an answer', () => {
  it('while the update waits for a rating, "who are the leads?" is answered and the update reminds where it was', async () => {
    await sayIn(personal(), 'update action 18');
    const replies = await sayIn(personal(), 'who are the leads?');
    expect(replies.length).toBe(2);
    expect(replies[0]!.text).not.toContain('RAG rating');
    expect(replies[0]!.text).toContain('Ali Burlington');
    expect(replies[1]!.text).toBe('Your update to action 18 is still open: red, amber, green or complete?');
    const [note] = await sayIn(personal(), 'amber');
    expect(note!.text).toContain('What has happened since the last update?');
  });

  it('at the note, "what\'s overdue?" and "help" are answered, not saved as the note; a plain note is still the note', async () => {
    await sayIn(personal(), 'update action 18 to amber');
    const overdue = await sayIn(personal(), "what's overdue?");
    expect(overdue).toHaveLength(2);
    expect(overdue[0]!.text).toMatch(/overdue/i);
    expect(overdue[0]!.text).not.toContain('Save this update?');
    expect(overdue[1]!.text).toBe(
      'Your update to action 18 is still open: what has happened since the last update? (say "skip" for no note)',
    );
    const help = await sayIn(personal(), 'help');
    expect(help[0]!.text).toContain('Here are some things you can ask me');
    expect(help[1]!.text).toContain('Your update to action 18 is still open');

    const [summary] = await sayIn(personal(), 'Met with schools on Tuesday');
    expect(summary!.text).toContain('Save this update?');
    expect(summary!.text).toContain('Note: Met with schools on Tuesday');
    const [saved] = await sayIn(personal(), 'yes');
    expect(saved!.text).toContain('Saved: action 18 is RED → AMBER.');
    expect((await history(bot, 18))[0]).toMatchObject({ note: 'Met with schools on Tuesday' });
  });
});

describe('words that do not fit are said back', () => {
  it('"update action 18 to purple" says purple is not a rating and asks for one; nothing is chosen for the person', async () => {
    const [question] = await sayIn(personal(), 'update action 18 to purple');
    expect(question!.text).toContain('"purple" is not a RAG rating: red, amber, green or complete?');
    expect(question!.text).toContain('What is its RAG rating now?');
    expect(buttons(question!.card).map((b) => b.title)).toContain('AMBER – at risk');
    const [note] = await sayIn(personal(), 'amber');
    expect(note!.text).toContain('What has happened since the last update?');
  });
});

describe('conversations that fit each place', () => {
  const CHANNEL = TEAMS.channel;
  const TYPING = /type it|type a whole number|type what|say "skip"|say "yes"/i;

  it('in a channel the update is answered on the card (rating list, text box, number box): nobody has to type', async () => {
    const [rag] = await sayIn(CHANNEL, 'update action 19');
    const ragWords = visibleText(rag!.card);
    expect(ragWords).not.toMatch(TYPING);
    expect(ragWords).toContain('@Prevent plan');
    const choice = inputsOf(rag!.card).find((i) => i.type === 'Input.ChoiceSet');
    expect(choice).toMatchObject({ id: 'answer', isRequired: true });
    expect((choice!.choices as { value: string }[]).map((c) => c.value)).toEqual(['RED', 'AMBER', 'GREEN', 'COMPLETE']);
    for (const b of buttons(rag!.card)) expect((b.fallback as { type: string }).type).toBe('Action.Submit');

    const note = await press(CHANNEL, rag!.card, 'Send', ali, { answer: 'GREEN' });
    expect(visibleText(note.value)).toContain('What has happened since the last update?');
    expect(visibleText(note.value)).not.toMatch(TYPING);
    expect(inputsOf(note.value).map((i) => i.type)).toEqual(['Input.Text']);

    const progress = await press(CHANNEL, note.value, 'Send', ali, { answer: 'Five firms trained in November.' });
    expect(visibleText(progress.value)).not.toMatch(TYPING);
    expect(inputsOf(progress.value).map((i) => i.type)).toEqual(['Input.Number']);

    const confirm = await press(CHANNEL, progress.value, 'Send', ali, { answer: 9 });
    expect(visibleText(confirm.value)).toContain('Save this update?');
    expect(visibleText(confirm.value)).not.toMatch(TYPING);
    const saved = await press(CHANNEL, confirm.value, 'Save', ali);
    expect(visibleText(saved.value)).toContain('Saved: action 19 is AMBER → GREEN.');
    expect(await action(bot, 19)).toMatchObject({ rag: 'GREEN', progress: 9 });
    expect((await history(bot, 19))[0]).toMatchObject({ note: 'Five firms trained in November.', source: 'chat' });
  });

  it('in personal chat the same conversation keeps rating buttons and typed answers', async () => {
    const [rag] = await sayIn(personal(), 'update action 19');
    expect(inputsOf(rag!.card)).toEqual([]);
    expect(buttons(rag!.card).map((b) => b.title)).toContain('GREEN – on track');
    expect(visibleText(rag!.card)).toContain('or type it');
  });

  it('a malformed card answer gets a clear reason with the question again, and changes nothing', async () => {
    const [rag] = await sayIn(GROUP, 'update action 18');
    const before = await bot.store.db.dialogState.findFirstOrThrow();
    const forged = await press(GROUP, rag!.card, 'Send', ali, { answer: { rag: 'GREEN' } });
    expect(forged.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText(forged.value)).toContain('That answer could not be read, so nothing has changed.');
    expect(visibleText(forged.value)).toContain('What is its RAG rating now?');
    const tooLong = await press(GROUP, rag!.card, 'Send', ali, { answer: 'x'.repeat(5000) });
    expect(visibleText(tooLong.value)).toContain('5,000 characters long, so nothing has changed');
    expect(await bot.store.db.dialogState.findFirstOrThrow()).toMatchObject({ version: before.version, state: before.state });

    const notRating = await press(GROUP, rag!.card, 'Send', ali, { answer: 'PURPLE' });
    expect(visibleText(notRating.value)).toContain('"PURPLE" is not a RAG rating: red, amber, green or complete?');
    expect((await action(bot, 18)).rag).toBe('RED');
  });

  it('a note on a group chat card passes the confidentiality guard: stopped, not saved, not put back on the shared card', async () => {
    const [rag] = await sayIn(GROUP, 'update action 18');
    const note = await press(GROUP, rag!.card, 'Send', ali, { answer: 'AMBER' });
    const personalNote = 'Met Sarah Khan 07700 900123, DOB 03/04/2011';
    const stopped = await press(GROUP, note.value, 'Send', ali, { answer: personalNote });
    const words = JSON.stringify(stopped.value);
    expect(words).toContain('Nothing was saved or posted');
    expect(words).not.toContain('07700');
    expect(visibleText(stopped.value)).toContain('What has happened since the last update?');
    expect(await history(bot, 18)).toHaveLength(1);
    expect(JSON.stringify(await bot.store.db.dialogState.findMany())).not.toContain('07700');
  });
});

/** The inputs on a card. */
function inputsOf(card: object): Record<string, unknown>[] {
  return allObjects(card).filter((o) => typeof o.type === 'string' && (o.type as string).startsWith('Input.'));
}
