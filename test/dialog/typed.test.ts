import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { asPerson, TEAMS } from '../support/activities.js';
import { startConversation, type Conversation } from '../support/conversation.js';
import { action, ali, history, PARTNERSHIP, sam } from './chat.js';

// In process, through the conversation driver: the real route table, handlers and store, without HTTP (see test/dialog/buttons.test.ts for the same over HTTP).
let bot: Conversation;
beforeEach(async () => {
  bot = await startConversation();
  await grantRole(bot.store.db, { partnership: PARTNERSHIP, person: asPerson(TEAMS.user()), role: 'lead', organisation: 'CST' });
  await bot.install();
});

/** Ali (or someone else) types in their personal chat with the bot. */
const say = (conversation: Conversation, text: string, from = ali) => conversation.say(text, from);
afterEach(async () => {
  await bot.close();
});

describe('an update by conversation, typed', () => {
  it('"update action 18": current state, RAG, note, summary, "yes": saved through the update path, announced, in the history', async () => {
    const [first] = await say(bot, 'update action 18');
    expect(first!.text).toContain('Action 18 · Engage with and support faith groups');
    expect(first!.text).toContain('It is RED now.');
    expect(first!.text).toContain('What is its RAG rating now?');
    expect(first!.text).toContain('"still red"');

    const [note] = await say(bot, 'amber');
    expect(note!.text).toContain('What has happened since the last update?');
    const [summary] = await say(bot, 'Met three faith leaders; forum planned for January.');
    expect(summary!.text).toContain('Save this update?');
    expect(summary!.text).toContain('RAG: RED → AMBER');
    expect(summary!.text).toContain('Note: Met three faith leaders; forum planned for January.');
    expect(summary!.text).not.toContain('Progress');
    expect((await action(bot, 18)).rag).toBe('RED');

    const [saved] = await say(bot, 'yes');
    expect(saved!.text).toContain('Saved: action 18 is RED → AMBER. The partnership channel will be told.');
    const a18 = await action(bot, 18);
    expect(a18.rag).toBe('AMBER');
    const [latest] = await history(bot, 18);
    expect(latest).toMatchObject({
      ragFrom: 'RED',
      ragTo: 'AMBER',
      note: 'Met three faith leaders; forum planned for January.',
      source: 'chat',
      actorName: 'Ali Burlington',
    });
    expect(await bot.store.db.dialogState.count({ where: { expiresAt: { gt: bot.clock.now() } } })).toBe(0);

    const [after] = await say(bot, "what's red?");
    expect(after!.text.split('\n')[0]).toBe('1 action is RED');
  });

  it('"I\'ve got an update on faith groups" finds action 18; "update 19" asks for progress against the target', async () => {
    const [first] = await say(bot, "I've got an update on faith groups");
    expect(first!.text).toContain('Action 18 · Engage with and support faith groups');
    await say(bot, 'cancel');

    const [rag] = await say(bot, 'update 19');
    expect(rag!.text).toContain('Progress: none recorded yet.');
    await say(bot, 'still amber');
    const [progress] = await say(bot, 'skip');
    expect(progress!.text).toContain('How many so far? The target is 25.');
    const [summary] = await say(bot, '12 of 25');
    expect(summary!.text).toContain('RAG: AMBER (no change)');
    expect(summary!.text).toContain('Note: (no note)');
    expect(summary!.text).toContain('Progress: 12 of 25');
    const [saved] = await say(bot, 'save it');
    expect(saved!.text).toContain('Saved: action 19 is still AMBER.');
    expect(saved!.text).toContain('Progress: 12 of 25.');
    expect((await action(bot, 19)).progress).toBe(12);
  });

  it('"update 18 to done" takes the rating from the message and starts at the note', async () => {
    const [note] = await say(bot, 'update 18 to done');
    expect(note!.text).toContain('What has happened since the last update?');
    const [summary] = await say(bot, 'All faith groups engaged.');
    expect(summary!.text).toContain('RAG: RED → COMPLETE');
  });

  it('"cancel" at any step saves nothing and ends the conversation', async () => {
    await say(bot, 'update action 18');
    await say(bot, 'green');
    await say(bot, 'A note that will not be saved');
    const [cancelled] = await say(bot, 'Cancel');
    expect(cancelled!.text).toBe('Cancelled: nothing was saved for action 18.');
    expect((await action(bot, 18)).rag).toBe('RED');
    expect(await history(bot, 18)).toHaveLength(1);
    const [amber] = await say(bot, 'amber');
    expect(amber!.text).toMatch(/^12 actions are AMBER/);
  });

  it('"back" returns to the previous question, and the new answer replaces the old one', async () => {
    await say(bot, 'update action 19');
    await say(bot, 'amber');
    const [again] = await say(bot, 'back');
    expect(again!.text).toContain('What is its RAG rating now?');
    await say(bot, 'green');
    await say(bot, 'Two sessions delivered');
    await say(bot, '7');
    const [noteAgain] = await say(bot, 'back');
    expect(noteAgain!.text).toContain('How many so far?');
    const [summary] = await say(bot, '8');
    expect(summary!.text).toContain('RAG: AMBER → GREEN');
    expect(summary!.text).toContain('Progress: 8 of 25');
    const [first] = await say(bot, 'update action 18');
    const [nothingBefore] = await say(bot, 'back');
    expect(first!.text).toContain('I have stopped our conversation about action 19');
    expect(nothingBefore!.text).toContain('This is the first question, so there is nothing to go back to.');
  });

  it('an answer that does not fit gets the question again, with examples', async () => {
    await say(bot, 'update action 19');
    const [rag] = await say(bot, 'purple');
    expect(rag!.text).toContain('"purple" is not a RAG rating: red, amber, green or complete?');
    expect(rag!.text).toContain('What is its RAG rating now?');
    expect(rag!.text).toContain('"amber", "still red", "done"');
    await say(bot, 'red or amber');
    await say(bot, 'amber');
    await say(bot, 'A note');
    const [progress] = await say(bot, 'lots');
    expect(progress!.text).toContain('I couldn\'t read "lots" as one whole number.');
    expect(progress!.text).toContain('for example "12"');
    await say(bot, '12');
    const [confirm] = await say(bot, 'maybe');
    expect(confirm!.text).toContain('I couldn\'t tell whether "maybe" means yes.');
    expect(confirm!.text).toContain('Say "yes" to save');
    expect(await history(bot, 19)).toHaveLength(1);
  });

  it('a member cannot start one: told who can, and nothing waits for an answer', async () => {
    const [refused] = await say(bot, 'update action 18', sam);
    expect(refused!.text).toContain("You can't update action 18. Who can:");
    expect(refused!.text).toContain('Ali Burlington');
    const [amber] = await say(bot, 'amber', sam);
    expect(amber!.text).toMatch(/^12 actions are AMBER/);
  });

  it('a topic nobody can place, or several actions, are answered helpfully', async () => {
    const [none] = await say(bot, "I've got an update on llamas");
    expect(none!.text).toContain('I couldn\'t find an action that mentions "llamas"');
    const [several] = await say(bot, 'I have an update on businesses');
    expect(several!.text).toContain('Which one is your update about?');
    expect(several!.text).toContain('say "update action 19"');
  });
});
