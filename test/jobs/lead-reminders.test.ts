import { textOf } from '../support/bot.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePlanText, DEFAULT_ORGANISATIONS } from '../../bot/import/index.js';
import { savePlan } from '../../bot/store/plans.js';
import { deadlineRemindersJob } from '../../jobs/deadline-reminders.js';
import type { TestBot } from '../support/bot.js';
import { coordinatorFor, person, say, startJobsBot, TEAMS, tickAt } from './support.js';

const LEE = TEAMS.user('Lee Lead', '29:lee');
const DM = TEAMS.personalOf(LEE.id);
const PLAN = `No.,Key Actions,Deadline,Lead,RAG
1,Train front-line staff,4 December 2026,CST,AMBER
2,Engage local businesses,1 October 2026,CST,RED
3,Write the referral policy,March 2027,CST,GREEN
4,Police awareness sessions,30 October 2026,CoLP,AMBER
5,Publish the leaflet,1 November 2026,CST,COMPLETE
`;

let bot: TestBot;
beforeEach(async () => {
  bot = await startJobsBot('2026-09-10T12:00:00Z');
  await savePlan(bot.store.db, {
    partnership: 'City of London',
    plan: parsePlanText(PLAN, 'riverside.csv', DEFAULT_ORGANISATIONS),
    sourceFile: 'riverside.csv',
    actor: 'Test',
    at: new Date('2026-09-10T12:00:00Z'),
    // a plan with a new title stays a draft until a coordinator makes it live: this test's plan is the one in use
    makeLive: true,
  });
  await person(bot, LEE, 'lead', { organisation: 'CST' });
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

const only = { jobs: [deadlineRemindersJob] };
async function morning(day: string) {
  const before = bot.connector.to(DM.id).length;
  await tickAt(bot, `${day}T09:00:00Z`, coordinatorFor(bot.services, only));
  return bot.connector
    .to(DM.id)
    .slice(before)
    .map((s) => textOf(s.activity));
}

describe('deadline reminders to leads', () => {
  it('due within 14 days once, overdue weekly, stale after 60 days; only their organisation, never COMPLETE', async () => {
    const [first] = await morning('2026-11-20');
    expect(first).toContain('Overdue:\n- Action 2 · Engage local businesses (RED, due Thursday 1 October 2026)');
    expect(first).toContain('Due in the next 14 days:\n- Action 1 · Train front-line staff (AMBER, due Friday 4 December 2026)');
    expect(first).toContain('No update in 60 days:\n- Action 3 · Write the referral policy (GREEN, last updated 10 September 2026)');
    expect(first).not.toContain('Action 4');
    expect(first).not.toContain('Action 5');
    expect(await morning('2026-11-21')).toEqual([]);
    const monday = await morning('2026-11-23');
    expect(monday).toHaveLength(1);
    expect(monday[0]).toContain('Action 2');
    expect(monday[0]).not.toContain('Action 1 ');
    expect(monday[0]).not.toContain('Action 3');
  });

  it('"stop reminding me about action 2 until January" pauses it; "remind me about action 2 again" lifts the pause', async () => {
    await morning('2026-11-20');
    expect((await say(bot, LEE, 'stop reminding me about action 2 until January', DM))[0]).toContain(
      "I won't remind you about action 2 until Friday 1 January 2027.",
    );
    expect(await morning('2026-11-23')).toEqual([]);
    expect((await say(bot, LEE, 'remind me about action 2 again', DM))[0]).toContain('I will remind you about action 2 again.');
    expect((await morning('2026-11-30'))[0]).toContain('Action 2');
  });

  it('"stop reminding me until March" pauses every reminder; asking without a date asks until when', async () => {
    expect((await say(bot, LEE, 'stop reminding me about action 2', DM))[0]).toContain('Until when?');
    await say(bot, LEE, 'stop reminding me until March', DM);
    expect(await morning('2026-11-20')).toEqual([]);
    expect((await say(bot, LEE, 'stop reminding me about action 99 until January', DM))[0]).toContain('There is no action 99');
  });

  it('runs at 09:00 UK time in summer too, and leads without a personal chat are counted as unreachable', async () => {
    await person(bot, TEAMS.user('Kim Lead', '29:kim'), 'lead', { organisation: 'CoLP', chat: false });
    const reports = await tickAt(bot, '2026-10-20T08:00:00Z', coordinatorFor(bot.services, only));
    expect(reports.map((r) => r.detail)).toEqual(['leads reminded: 1; nothing due: 0; unreachable: 1; failed: 0']);
  });
});
