import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { buttons } from '../cards/card-walk.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { makeInvoke, TEAMS } from '../support/activities.js';
import { action, ali, announcements, click, history, say, setUpPeople, submit } from './chat.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot();
  await setUpPeople(bot);
});
afterEach(async () => {
  await bot.close();
});

describe('an update by conversation, with buttons', () => {
  it('every question card has buttons with Action.Submit fallbacks; clicking them walks the same conversation', async () => {
    const [first] = await say(bot, 'update action 19');
    expect(buttons(first!.card).map((b) => b.title)).toEqual([
      'RED – off track',
      'AMBER – at risk',
      'GREEN – on track',
      'COMPLETE – done',
      'Cancel',
    ]);
    for (const b of buttons(first!.card)) expect((b.fallback as { type: string }).type).toBe('Action.Submit');

    const { replaced: note } = await click(bot, first!.card, 'GREEN – on track');
    expect(note.text).toContain('What has happened since the last update?');
    const { replaced: progress } = await click(bot, note.card, 'Send', { answer: 'Five firms trained in November.' });
    expect(progress.text).toContain('How many so far?');
    const { replaced: summary } = await click(bot, progress.card, 'Send', { answer: '9' });
    expect(summary.text).toContain('AMBER → GREEN');
    expect(summary.text).toContain('9 of 25');
    const { replaced: saved } = await click(bot, summary.card, 'Save');
    expect(saved.text).toContain('Saved: action 19 is AMBER → GREEN.');
    const a19 = await action(bot, 19);
    expect(a19).toMatchObject({ rag: 'GREEN', progress: 9 });
    expect((await history(bot, 19))[0]).toMatchObject({ note: 'Five firms trained in November.', source: 'chat' });
    expect(announcements(bot).some((t) => t.includes('Action 19') && t.includes('AMBER → GREEN'))).toBe(true);
  });

  it('Action.Submit (Teams mobile) works the same; Skip, Back and Cancel buttons do what they say', async () => {
    const [first] = await say(bot, 'update action 18');
    const [note] = await submit(bot, first!.card, 'AMBER – at risk');
    expect(note!.text).toContain('What has happened since the last update?');
    const [rag] = await submit(bot, note!.card, 'Back');
    expect(rag!.text).toContain('What is its RAG rating now?');
    const [note2] = await submit(bot, rag!.card, 'COMPLETE – done');
    const [summary] = await submit(bot, note2!.card, 'Skip');
    expect(summary!.text).toContain('RAG: RED → COMPLETE');
    expect(summary!.text).toContain('Note: (no note)');
    const [cancelled] = await submit(bot, summary!.card, 'Cancel');
    expect(cancelled!.text).toBe('Cancelled: nothing was saved for action 18.');
    expect(await history(bot, 18)).toHaveLength(1);
  });

  it('a button from an earlier question shows where the conversation is now, and saves nothing twice', async () => {
    const [first] = await say(bot, 'update action 18');
    await say(bot, 'amber');
    const { replaced } = await click(bot, first!.card, 'GREEN – on track');
    expect(replaced.text).toContain('That button belongs to an earlier question.');
    expect(replaced.text).toContain('What has happened since the last update?');
    const [summary] = await say(bot, 'Met the mosque committee.');
    const { replaced: saved } = await click(bot, summary!.card, 'Save');
    expect(saved.text).toContain('Saved: action 18 is RED → AMBER.');
    const { replaced: again } = await click(bot, summary!.card, 'Save');
    expect(again.text).toContain('Saved: action 18 is RED → AMBER.');
    expect(await history(bot, 18)).toHaveLength(2);
    const { replaced: later } = await click(bot, first!.card, 'RED – off track');
    expect(later.text).toContain('Saved: action 18');
    await say(bot, 'hello');
    const { replaced: ended } = await click(bot, first!.card, 'RED – off track');
    expect(ended.text).toContain('This conversation has ended.');
  });

  it('choosing among several actions starts the conversation about the one chosen', async () => {
    const [choice] = await say(bot, "I've got an update on businesses");
    const { messages } = await click(bot, choice!.card, 'Update action 19');
    expect(messages[0]!.text).toContain('Action 19 · Engage with and support businesses');
    expect(messages[0]!.text).toContain('What is its RAG rating now?');
  });

  it('a forged or broken button is refused without saving', async () => {
    await say(bot, 'update action 18');
    const conversation = TEAMS.personalOf(ali.id);
    const res = await bot.post(
      makeInvoke(bot.connector.url, VERBS.dialogAnswer, { dialogId: 'x', step: 'rag' }, { from: ali, conversation }),
    );
    expect(JSON.stringify(res.body.value)).toContain('That button is out of date');
    const other = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.dialogAnswer,
        { dialogId: 999, actionId: 1, step: 'rag', answer: 'GREEN' },
        { from: ali, conversation },
      ),
    );
    expect(JSON.stringify(other.body.value)).toContain('This conversation has ended.');
    expect(await history(bot, 18)).toHaveLength(1);
  });
});
