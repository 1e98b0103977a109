import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { COORDINATOR_EXAMPLES, HELP_TOPIC_EXAMPLES, MORE_HELP } from '../../cards/help-card.js';
import { validateCard } from '../../cards/validate.js';
import { grantRole } from '../../bot/store/people.js';
import { makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { at } from '../support/at.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

/** Sends a channel message as `from` and returns the bot's single reply, which must carry a valid card. */
async function ask(text: string, from = TEAMS.user()) {
  const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true, from }));
  expect(res.status).toBe(200);
  const replies = bot.connector.to(TEAMS.channel.id);
  expect(replies).toHaveLength(1);
  const reply = at(replies, 0).activity;
  const card = cardOf(reply);
  expect(card, 'every answer carries a card').toBeTruthy();
  expect(validateCard(card)).toEqual([]);
  // json is the card's body and actions, without the fallbackText that repeats the words
  return { text: textOf(reply), json: JSON.stringify({ ...card, fallbackText: undefined }) };
}

const refsIn = (text: string) => [...text.matchAll(/Action (\d+) ·/g)].map((m) => Number(m[1]));

describe('questions in partners’ own words, over HTTP', () => {
  it('"red actions for the police" says how it read the question, then lists 18 and 22', async () => {
    const r = await ask('red actions for the police');
    expect(r.text.split('\n')[0]).toBe('2 RED actions led by City of London Police Prevent team');
    expect(refsIn(r.text)).toEqual([18, 22]);
  });

  it('"which actions are behind?" says it read "behind" as RED or AMBER', async () => {
    const r = await ask('which actions are behind?');
    expect(r.text.split('\n')[0]).toBe('14 actions are RED or AMBER ("behind" read as RED or AMBER)');
  });

  it('a typo is read as the word meant, and the answer says so', async () => {
    const r = await ask('whats ambr');
    expect(r.text.split('\n')[0]).toBe('12 actions are AMBER ("ambr" read as "amber")');
  });

  it('"Prevent referrals" puts action 13, the referrals action, first', async () => {
    const r = await ask('Prevent referrals');
    expect(r.text.split('\n')[0]).toBe('10 actions match "referrals" (best matches for "Prevent" first)');
    expect(refsIn(r.text)[0]).toBe(13);
  });

  it('"what\'s the NHS doing?" says no action is led by health partners, and who leads', async () => {
    const r = await ask("what's the NHS doing?");
    expect(r.text).toBe(
      'No action is led by health partners; actions are led by CoLC Community Safety Team, City of London Police Prevent team, ' +
        'All stakeholders, Channel members, CoLC Learning and Development, CoLC VAWG Forum, London Probation Service, Public Protection Unit.',
    );
  });

  it('"thanks" and "who are you?" get a short friendly answer, not the help list', async () => {
    // "thanks" alone is the route table's own command; the parser answers the rest the same way
    const thanks = await ask('thanks team, that was useful');
    expect(thanks.text).toBe('You\'re welcome! Ask me about the plan any time, or say "help" to see what I can do.');
    bot.connector.clear();
    const who = await ask('who are you?');
    expect(who.text).toMatch(/^I am the Prevent partnership bot/);
  });

  it('"help" is short and points to the topics; each topic\'s examples are understood', async () => {
    const help = await ask('help');
    expect(help.text).toContain(MORE_HELP);
    expect(help.text.split('\n').length).toBeLessThanOrEqual(12);
    const topicExamples: string[] = Object.values(HELP_TOPIC_EXAMPLES).flatMap((t) => [...t.examples]);
    expect(topicExamples).toEqual(expect.arrayContaining([...COORDINATOR_EXAMPLES]));
    for (const [topic, { title, examples }] of Object.entries(HELP_TOPIC_EXAMPLES)) {
      bot.connector.clear();
      const r = await ask(`help ${topic}`);
      expect(r.text).toContain(title);
      for (const example of examples) {
        bot.connector.clear();
        await bot.post(makeMessage(bot.connector.url, { text: example, mention: true }));
        const reply = textOf(bot.connector.to(TEAMS.channel.id)[0]?.activity);
        expect(reply, example).not.toContain("I didn't understand");
      }
    }
  });

  it('"my actions" answers for the speaker’s organisation, and says when it is not known', async () => {
    const unknown = await ask('my actions', TEAMS.user('Una Known', '29:una'));
    expect(unknown.text).toMatch(/^I don't know which organisation you are with yet/);
    await grantRole(bot.store.db, {
      partnership: 'City of London',
      who: 'Pat Police',
      role: 'lead',
      organisation: 'CoLP',
      chatId: '29:pat',
      displayName: 'Pat Police',
    });
    bot.connector.clear();
    const pat = await ask('what do I need to update?', TEAMS.user('Pat Police', '29:pat'));
    expect(pat.text.split('\n')[0]).toBe('19 actions led by City of London Police Prevent team (your organisation)');
    const more = pat.json.match(/"data":(\{[^}]*"plan\.showMore"[^}]*\})/) ?? pat.json.match(/"verb":"plan\.showMore","data":(\{[^}]*\})/);
    expect(more, 'a "Show more" button').toBeTruthy();
    const res = await bot.post(
      makeInvoke(bot.connector.url, 'plan.showMore', JSON.parse(more?.[1] ?? '{}'), { from: TEAMS.user('Pat Police', '29:pat') }),
    );
    expect(res.status).toBe(200);
    expect(refsIn(JSON.stringify({ ...res.body.value, fallbackText: undefined }))).toEqual([21, 22, 23, 24]);
  });

  it('"show action 2.2" asks for a reference as written and says there is none', async () => {
    const r = await ask('show action 2.2');
    expect(r.text).toBe('There is no action 2.2 in City of London Prevent Strategic Action Plan. Actions are numbered 1 to 24.');
    for (const [text, answer] of [
      ['update 1.1', 'There is no action 1.1 in City of London Prevent Strategic Action Plan.'],
      ['history of action 2.3a', 'There is no action 2.3a in City of London Prevent Strategic Action Plan.'],
    ]) {
      bot.connector.clear();
      expect((await ask(text ?? '')).text).toContain(answer);
    }
  });
});
