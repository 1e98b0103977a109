import { textOf } from '../support/bot.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestBot } from '../support/bot.js';
import { scheduleRemindersJob } from '../../jobs/schedule-reminders.js';
import { CLEO, coordinatorFor, person, runBetween, say, sentTexts, startJobsBot, TEAMS, tickAt } from './support.js';

let bot: TestBot;
afterEach(async () => {
  await bot?.close();
});

const PAT = TEAMS.user('Pat Panel', '29:pat');
const JO = TEAMS.user('Jo Panel', '29:jo');
const SAM = TEAMS.user('Sam Nochat', '29:sam');
const personal = (id: string) => TEAMS.personalOf(id).id;

async function setUp(now: string) {
  bot = await startJobsBot(now);
  await person(bot, PAT, 'member', { panel: true });
  await person(bot, JO, 'member', { panel: true });
  bot.connector.clear();
}

describe('meeting reminders fire at the right UK local times', () => {
  it('panel, forum and board reminders around 29 March and 25 October 2026', async () => {
    await setUp('2026-02-20T12:00:00Z');
    expect((await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00'))[0]).toContain(
      'Scheduled: 1 · Channel panel: monthly on the first Tuesday at 10:00; next Tuesday 3 March 2026 at 10:00; reminders a week and a day before, to Channel panel members in personal chat.',
    );
    await say(bot, CLEO, 'schedule the stakeholder forum on 31 March 2026 at 14:00');
    await say(bot, CLEO, 'schedule the partnership board on 27 October 2026 at 09:30');
    bot.connector.clear();

    const reports = await runBetween(
      bot,
      '2026-02-20T12:00:00Z',
      '2026-11-01T00:00:00Z',
      86_400_000,
      coordinatorFor(bot.services, { jobs: [scheduleRemindersJob] }),
    );
    expect(reports.every((r) => r.status === 'done')).toBe(true);
    const due = reports.map((r) => [r.key.split(':')[1], r.at]);
    const panelBst = [
      '03-31',
      '04-06',
      '04-28',
      '05-04',
      '05-26',
      '06-01',
      '06-30',
      '07-06',
      '07-28',
      '08-03',
      '08-25',
      '08-31',
      '09-29',
      '10-05',
    ];
    expect(due).toEqual([
      ['1', '2026-02-24T10:00:00.000Z'],
      ['1', '2026-03-02T10:00:00.000Z'],
      ['2', '2026-03-24T14:00:00.000Z'],
      ['2', '2026-03-30T13:00:00.000Z'],
      ...panelBst.map((d) => ['1', `2026-${d}T09:00:00.000Z`]),
      ['3', '2026-10-20T08:30:00.000Z'],
      ['3', '2026-10-26T09:30:00.000Z'],
      ['1', '2026-10-27T10:00:00.000Z'],
    ]);
    const texts = sentTexts(bot);
    expect(texts).toContainEqual([
      TEAMS.channelId,
      expect.stringContaining('Stakeholder forum: Tuesday 31 March 2026 at 14:00 (in a week).'),
    ]);
    expect(texts).toContainEqual([
      TEAMS.channelId,
      expect.stringContaining('Stakeholder forum: Tuesday 31 March 2026 at 14:00 (tomorrow).'),
    ]);
    expect(texts).toContainEqual([
      TEAMS.channelId,
      expect.stringContaining('Partnership board: Tuesday 27 October 2026 at 09:30 (tomorrow).'),
    ]);
    expect(texts).toContainEqual([personal(PAT.id), expect.stringContaining('Channel panel: Tuesday 7 April 2026 at 10:00 (in a week).')]);
  });

  it('to the minute: the day-before board reminder on 26 October goes at 09:30 GMT, not an hour early', async () => {
    await setUp('2026-10-01T12:00:00Z');
    await say(bot, CLEO, 'schedule the partnership board on 27 October 2026 at 09:30');
    bot.connector.clear();
    expect((await tickAt(bot, '2026-10-26T08:30:00Z')).filter((r) => r.job === 'schedule-reminders')).toEqual([]);
    const [report] = (await tickAt(bot, '2026-10-26T09:30:00Z')).filter((r) => r.job === 'schedule-reminders');
    expect(report).toMatchObject({ status: 'done', at: '2026-10-26T09:30:00.000Z' });
    expect(bot.connector.to(TEAMS.channelId).map((s) => textOf(s.activity))).toEqual([
      expect.stringContaining('Partnership board: Tuesday 27 October 2026 at 09:30 (tomorrow).'),
    ]);
    expect(await tickAt(bot, '2026-10-26T09:31:00Z')).toEqual([]);
  });
});

describe('Channel panel reminders', () => {
  it('go only to panel members in personal chat, never to a channel, even when asked "here" or stored with a channel', async () => {
    await setUp('2026-11-22T12:00:00Z');
    await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00 here');
    const row = await bot.store.db.schedule.findFirstOrThrow();
    expect(row.conversationId).toBeNull();
    await bot.store.db.schedule.update({ where: { id: row.id }, data: { conversationId: TEAMS.channelId } });
    bot.connector.clear();
    await tickAt(bot, '2026-11-24T10:00:00Z');
    expect(bot.connector.to(TEAMS.channelId)).toEqual([]);
    expect(bot.connector.sent.map((s) => s.conversationId).sort()).toEqual([personal(JO.id), personal(PAT.id)]);
    for (const s of bot.connector.sent) expect(textOf(s.activity)).not.toMatch(/case\s+[A-Z]{2}-|CH-\d/i);
  });

  it('carry no case information even when case reviews are tracked', async () => {
    await setUp('2026-11-22T12:00:00Z');
    await say(bot, CLEO, 'add case review CH-2026-014 started 3 June 2026', TEAMS.personalOf(CLEO.id));
    await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00');
    bot.connector.clear();
    await tickAt(bot, '2026-11-30T10:00:00Z');
    const texts = bot.connector.sent.map((s) => JSON.stringify(s.activity));
    expect(texts).toHaveLength(2);
    for (const t of texts) expect(t).not.toContain('CH-2026-014');
  });

  it('people who cannot be reached are listed for coordinators', async () => {
    await setUp('2026-11-22T12:00:00Z');
    await person(bot, SAM, 'member', { panel: true, chat: false });
    await say(bot, CLEO, 'schedule the Channel panel monthly on the first Tuesday at 10:00');
    bot.connector.clear();
    const [report] = await tickAt(bot, '2026-11-30T10:00:00Z');
    expect(report?.detail).toContain('sent to 2 of 3; not reached: Sam Nochat (no personal chat)');
    const toCleo = bot.connector.to(personal(CLEO.id)).map((s) => textOf(s.activity));
    expect(toCleo).toEqual([
      expect.stringContaining('I could not send the Channel panel reminder for Tuesday 1 December 2026 at 10:00 to: Sam Nochat.'),
    ]);
  });
});
