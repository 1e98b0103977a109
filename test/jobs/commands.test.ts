import { textOf } from '../support/bot.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBot } from '../support/bot.js';
import { CLEO, person, say, startJobsBot, TEAMS, tickAt } from './support.js';

const SAM = TEAMS.user('Sam Member', '29:sam');
let bot: TestBot;
beforeEach(async () => {
  bot = await startJobsBot('2026-11-22T12:00:00Z');
});
afterEach(async () => {
  await bot.close();
});

describe('coordinators manage schedules in chat', () => {
  it('schedule, list, move and cancel', async () => {
    expect((await say(bot, CLEO, 'schedule the stakeholder forum every six months from 12 January at 14:00'))[0]).toContain(
      'Scheduled: 1 · Stakeholder forum: every six months from Tuesday 12 January 2027 at 14:00; next Tuesday 12 January 2027 at 14:00; reminders a week and a day before, in the partnership’s updates channel.',
    );
    await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00');
    const list = (await say(bot, SAM, 'list schedules'))[0];
    expect(list).toContain('1 · Stakeholder forum');
    expect(list).toContain(
      '2 · Channel panel: monthly on the first Tuesday at 10:00; next Tuesday 1 December 2026 at 10:00; reminders a week and a day before, to Channel panel members in personal chat.',
    );
    expect((await say(bot, CLEO, 'move the forum to 12 March at 2pm'))[0]).toContain(
      'Moved Stakeholder forum from Tuesday 12 January 2027 at 14:00 to Friday 12 March 2027 at 14:00. Reminders will follow the new date; later meetings are unchanged.',
    );
    expect((await say(bot, SAM, 'list schedules'))[0]).toContain('next Friday 12 March 2027 at 14:00');
    expect((await say(bot, CLEO, 'cancel schedule 2'))[0]).toContain(
      'Cancelled schedule 2 (Channel panel). No more reminders will be sent for it.',
    );
    expect((await say(bot, SAM, 'list schedules'))[0]).not.toContain('Channel panel');
  });

  it('reminders follow a moved meeting', async () => {
    await say(bot, CLEO, 'schedule the forum on 1 December 2026 at 10:00');
    await say(bot, CLEO, 'move the forum to 3 December');
    bot.connector.clear();
    expect(await tickAt(bot, '2026-11-24T10:00:00Z')).toEqual([]);
    await tickAt(bot, '2026-12-02T10:00:00Z');
    expect(bot.connector.to(TEAMS.channelId).map((s) => textOf(s.activity))).toEqual([
      expect.stringContaining('Forum: Thursday 3 December 2026 at 10:00 (tomorrow).'),
    ]);
  });

  it('"here" posts a schedule\'s reminders in the channel it was set up in', async () => {
    const other = { ...TEAMS.channel, id: '19:prevent-network@thread.tacv2' };
    await say(bot, CLEO, 'schedule the London Prevent Network every two weeks on Wednesday at 11:00 here', other);
    bot.connector.clear();
    await tickAt(bot, '2026-11-24T11:00:00Z');
    expect(bot.connector.to(other.id).map((s) => textOf(s.activity))).toEqual([
      expect.stringContaining('London Prevent Network: Wednesday 25 November 2026 at 11:00 (tomorrow).'),
    ]);
    expect(bot.connector.to(TEAMS.channelId)).toEqual([]);
  });

  it('explains problems, and refuses people who are not coordinators', async () => {
    expect((await say(bot, CLEO, 'schedule the forum every six months from 12 March'))[0]).toContain('Say what time the meeting starts');
    expect((await say(bot, CLEO, 'cancel schedule 9'))[0]).toContain('I can\'t find a schedule called "9"');
    await say(bot, CLEO, 'schedule the stakeholder forum on 1 December 2026 at 10:00');
    await say(bot, CLEO, 'schedule the youth forum on 2 December 2026 at 10:00');
    expect((await say(bot, CLEO, 'move the forum to 4 December'))[0]).toContain('More than one schedule matches "the forum"');
    expect((await say(bot, SAM, 'schedule the board on 3 March at 14:00'))[0]).toContain('Only a coordinator can schedule meetings');
    expect((await say(bot, SAM, 'cancel schedule 1'))[0]).toContain('Only a coordinator can cancel schedules');
  });
});

describe('the Channel panel', () => {
  it('a coordinator adds and removes members; others cannot', async () => {
    expect((await say(bot, CLEO, 'add Ali Burlington to the Channel panel'))[0]).toContain('anyone can choose a display name');
    expect((await say(bot, CLEO, 'add <at>Ali Burlington</at> to the Channel panel', TEAMS.channel, [TEAMS.user()]))[0]).toContain(
      'Ali Burlington is now on the Channel panel and will get panel reminders in personal chat.',
    );
    expect((await say(bot, CLEO, 'add ali@example.org to the Channel panel'))[0]).toContain(
      'It takes effect when the Teams roster confirms ali@example.org',
    );
    expect((await say(bot, CLEO, 'remove ali@example.org from the Channel panel'))[0]).toContain(
      'ali@example.org is no longer on the Channel panel.',
    );
    await person(bot, SAM);
    expect((await say(bot, CLEO, 'add <at>Sam Member</at> to the channel panel', TEAMS.channel, [SAM]))[0]).toContain(
      'Sam Member is now on the Channel panel',
    );
    expect((await say(bot, CLEO, 'who is on the Channel panel?'))[0]).toContain('Channel panel members: Ali Burlington, Sam Member.');
    expect((await say(bot, CLEO, 'remove Sam Member from the Channel panel'))[0]).toContain(
      'Sam Member is no longer on the Channel panel.',
    );
    const audit = (await say(bot, CLEO, 'who changed roles?'))[0];
    expect(audit).toContain('Cleo Coordinator panel.add Ali Burlington');
    expect(audit).toContain('Cleo Coordinator panel.remove Sam Member');
    expect((await say(bot, SAM, 'add <at>Sam Member</at> to the Channel panel', TEAMS.channel, [SAM]))[0]).toContain(
      'Only a coordinator can change the Channel panel',
    );
  });
});
