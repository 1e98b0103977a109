import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS, parsePlanText } from '../../bot/import/index.js';
import { grantRole } from '../../bot/store/people.js';
import { savePlan } from '../../bot/store/plans.js';
import { deadlineRemindersJob } from '../../jobs/deadline-reminders.js';
import { scheduleRemindersJob } from '../../jobs/schedule-reminders.js';
import { weeklyDigestJob } from '../../jobs/weekly-digest.js';
import { slackWords } from '../support/fake-slack.js';
import { JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';
import { coordinatorFor, runBetween, tickAt } from '../jobs/support.js';

const PLAN = `No.,Key Actions,Deadline,Lead,RAG
1,Train front-line staff,4 December 2026,CST,AMBER
2,Engage local businesses,1 October 2026,CST,RED
3,Police awareness sessions,30 October 2026,CoLP,AMBER
`;

let s: SlackBot;
const posts = (channel: string) => s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);

/** A DM to the bot, waiting for its answer. */
async function dm(user: string, text: string): Promise<string> {
  const before = posts(`D0${user}`).length;
  await s.signed(s.dm(user, text), JSON_TYPE);
  const reply = await s.slack.waitFor('chat.postMessage', (a) => a.channel === `D0${user}` && posts(`D0${user}`).length > before);
  return slackWords(posts(`D0${user}`).at(-1)?.args ?? reply.args);
}

beforeEach(async () => {
  s = await startSlackBot({ now: '2026-11-18T12:00:00Z' });
  await savePlan(s.bot.store.db, {
    partnership: 'City of London',
    plan: parsePlanText(PLAN, 'riverside.csv', DEFAULT_ORGANISATIONS),
    sourceFile: 'riverside.csv',
    actor: 'Test',
    at: new Date('2026-11-18T12:00:00Z'),
    makeLive: true,
  });
  s.slack.addUser({ id: 'U0CLEO', name: 'cleo', real_name: 'Cleo Coordinator', email: 'cleo@cityoflondon.gov.uk' });
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali@cityoflondon.gov.uk' });
  s.slack.addUser({ id: 'U0PAT', name: 'pat', real_name: 'Pat Panel', email: 'pat@example.org' });
  await grantRole(s.bot.store.db, { partnership: 'City of London', who: 'cleo@cityoflondon.gov.uk', role: 'coordinator' });
  await grantRole(s.bot.store.db, { partnership: 'City of London', who: 'ali@cityoflondon.gov.uk', role: 'lead', organisation: 'CST' });
  for (const user of ['U0CLEO', 'U0ALI', 'U0PAT']) await dm(user, 'hello');
  await s.signed(s.mention('U0ALI', 'help'), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
  s.slack.clear();
});
afterEach(async () => {
  await s.close();
});

describe('proactive messages in Slack', () => {
  it('Channel panel reminders go to panel members by DM only; other meetings to the partnership Slack channel', async () => {
    expect(await dm('U0CLEO', 'add <@U0PAT> to the Channel panel')).toContain('Pat Panel');
    expect(await dm('U0CLEO', 'schedule the Channel panel monthly on the first Tuesday at 10:00')).toContain(
      'to Channel panel members in personal chat',
    );
    await dm('U0CLEO', 'schedule the stakeholder forum on 3 December 2026 at 14:00');
    s.slack.clear();
    const reports = await runBetween(
      s.bot,
      '2026-11-18T12:00:00Z',
      '2026-12-03T00:00:00Z',
      86_400_000,
      coordinatorFor(s.bot.services, { jobs: [scheduleRemindersJob] }),
    );
    expect(reports.every((r) => r.status === 'done')).toBe(true);
    const panel = posts('D0U0PAT').map((c) => slackWords(c.args));
    expect(panel).toHaveLength(2); // a week and a day before Tuesday 1 December
    expect(panel[0]).toContain('Channel panel');
    const channel = posts('C0PARTNERS').map((c) => slackWords(c.args));
    expect(channel.some((w) => w.includes('Channel panel'))).toBe(false);
    expect(channel.filter((w) => w.includes('Stakeholder forum: Thursday 3 December 2026 at 14:00'))).toHaveLength(2);
  });

  it('a lead is reminded of deadlines by DM, and a coordinator gets the weekly digest by DM', async () => {
    await tickAt(s.bot, '2026-11-20T09:00:00Z', coordinatorFor(s.bot.services, { jobs: [deadlineRemindersJob] }));
    const reminder = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0ALI');
    const words = slackWords(reminder.args);
    expect(words).toContain('Action 2 · Engage local businesses');
    expect(words).toContain('Action 1 · Train front-line staff');
    expect(words).not.toContain('Police awareness');
    await tickAt(s.bot, '2026-11-23T09:00:00Z', coordinatorFor(s.bot.services, { jobs: [weeklyDigestJob] }));
    const digest = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0CLEO');
    expect(slackWords(digest.args)).toContain('Weekly digest');
    expect(posts('C0PARTNERS')).toHaveLength(0);
  });

  it('an update round asks a Slack lead by DM, their typed answer counts, and the coordinator sees who replied', async () => {
    const started = await dm('U0CLEO', 'start an update round for the board meeting on 4 December');
    expect(started).toContain('Update round started for the board meeting on Friday 4 December 2026');
    expect(started).toContain('Sending to: Ali Burlington.');
    const request = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0ALI' && slackWords(a).includes('Updates for'));
    const asked = slackWords(request.args);
    expect(asked).toContain('Updates for the board meeting on Friday 4 December 2026');
    expect(asked).toContain('Action 1 · ');
    expect(asked).toContain('Action 2 · ');
    expect(asked).not.toContain('Police awareness');
    // nothing about the round in the channel
    expect(
      posts('C0PARTNERS')
        .map((c) => slackWords(c.args))
        .some((w) => w.includes('Updates for')),
    ).toBe(false);

    expect(await dm('U0ALI', 'update action 2')).toContain('What is its RAG rating now?');
    expect(await dm('U0ALI', 'amber')).toMatch(/note/i);
    expect(await dm('U0ALI', 'Three businesses signed up to the ACT awareness session.')).toContain('Save this update?');
    expect(await dm('U0ALI', 'yes')).toContain('Saved: action 2 is RED → AMBER');

    const status = await dm('U0CLEO', 'update round status');
    // a lead has replied once every action of theirs is updated
    expect(status).toContain('0 of 1 leads have replied; 1 of 2 actions have been updated.');
    expect(status).toContain('Action 2 · Engage local businesses: updated by Ali Burlington');
    expect(status).toContain('Action 1 · Train front-line staff: no update yet');
    const history = await s.bot.store.db.actionUpdate.findMany({ where: { note: { startsWith: 'Three businesses' } } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actorName: 'Ali Burlington', ragFrom: 'RED', ragTo: 'AMBER', source: 'chat' });
  });
});
