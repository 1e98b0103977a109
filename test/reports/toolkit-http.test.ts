import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeMessage, TEAMS } from '../support/activities.js';

const ali = TEAMS.user('Ali Burlington', '29:ali');
const sam = TEAMS.user('Sam Member', '29:sam');
let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ now: '2026-11-25T12:00:00Z' });
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'coordinator' });
});
afterAll(() => bot.close());

async function say(text: string, from = ali) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, from, mention: true }));
  return bot.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
}

describe('Prevent duty toolkit coverage in chat', () => {
  it('answers which areas have no action, and follows a coordinator’s tags', async () => {
    const [first] = await say('which toolkit areas have no action?');
    expect(first).toContain('Every Prevent duty toolkit area has at least one action');
    expect(first).toContain('Reducing permissive environments: 1 action (11)');
    expect(first).toContain('Actions with no toolkit area: 21.');

    expect((await say('untag action 11 from reducing permissive environments', sam))[0]).toContain('Only a coordinator');
    expect((await say('untag action 11 from reducing permissive environments'))[0]).toBe(
      'Action 11 (Promote Prevent and hate crime sessions within our schools) now covers: Training, Communications and engagement.',
    );
    const [after] = await say('which toolkit areas have no action?');
    expect(after).toContain('No action covers: Reducing permissive environments');
    expect((await say('tag action 21 with referral pathway'))[0]).toContain('now covers: Referral pathway.');
    expect((await say('toolkit coverage'))[0]).not.toContain('Actions with no toolkit area');
    expect((await say('tag action 21 with biscuits'))[0]).toContain('“biscuits” is not a Prevent duty toolkit area');
    expect((await say('tag action 99 with training'))[0]).toContain('There is no action 99');
  });

  it('“how did we do this quarter?” and the annual summary answer from the history', async () => {
    const [quarter] = await say('how did we do this quarter?');
    expect(quarter).toContain('How we did: October to December 2026');
    expect(quarter).toContain('No action changed its RAG rating in the period.');
    const [annual] = await say('annual summary');
    expect(annual).toContain('Annual summary 2026');
  });
});
