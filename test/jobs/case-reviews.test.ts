import { textOf } from '../support/bot.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBot } from '../support/bot.js';
import { CLEO, person, say, startJobsBot, TEAMS, tickAt } from './support.js';

const PAT = TEAMS.user('Pat Panel', '29:pat');
const SAM = TEAMS.user('Sam Member', '29:sam');
const dm = (u: { id: string }) => TEAMS.personalOf(u.id);

let bot: TestBot;
beforeEach(async () => {
  bot = await startJobsBot('2026-11-10T12:00:00Z');
  await person(bot, PAT, 'member', { panel: true });
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

describe('Channel case reviews', () => {
  it('are tracked by opaque reference, due six months after the intervention starts, and reminded to panel members in personal chat', async () => {
    expect((await say(bot, CLEO, 'add case review CH-2026-014 started 20 May 2026', dm(CLEO)))[0]).toContain(
      'Tracking case CH-2026-014: intervention started Wednesday 20 May 2026, six-month review due Friday 20 November 2026.',
    );
    expect((await say(bot, PAT, 'list case reviews', dm(PAT)))[0]).toContain('CH-2026-014: review due Friday 20 November 2026');
    bot.connector.clear();
    const [weekBefore] = await tickAt(bot, '2026-11-13T09:00:00Z');
    expect(weekBefore).toMatchObject({ job: 'case-reviews', status: 'done' });
    const [onTheDay] = await tickAt(bot, '2026-11-20T09:00:00Z');
    expect(onTheDay).toMatchObject({ job: 'case-reviews', status: 'done' });
    const texts = bot.connector.to(dm(PAT).id).map((s) => textOf(s.activity));
    expect(texts).toEqual([
      expect.stringContaining('Case CH-2026-014 is due for its six-month review on Friday 20 November 2026 (in a week).'),
      expect.stringContaining('(today)'),
    ]);
    expect(bot.connector.to(TEAMS.channelId)).toEqual([]);
  });

  it('refuses anything that looks like personal data, stores nothing and does not repeat it', async () => {
    for (const ref of ['John Smith', 'j.smith@example.org', '07700900123', '12/03/2008', 'EC2V7HH']) {
      const [reply] = await say(bot, CLEO, `add case review ${ref} started 20 May 2026`, dm(CLEO));
      expect(reply).toContain("I can't store that case reference");
      expect(reply).not.toContain(ref);
    }
    expect(await bot.store.db.caseReview.count()).toBe(0);
  });

  it('is never discussed in a channel, nor with someone who is not a coordinator or panel member', async () => {
    const [inChannel] = await say(bot, CLEO, 'add case review CH-2026-014 started 20 May 2026');
    expect(inChannel).toContain('Channel cases are confidential');
    expect(inChannel).not.toContain('CH-2026-014');
    await person(bot, SAM);
    expect((await say(bot, SAM, 'list case reviews', dm(SAM)))[0]).toContain('Channel cases are confidential');
    expect(await bot.store.db.caseReview.count()).toBe(0);
  });

  it('a closed review sends nothing more', async () => {
    await say(bot, CLEO, 'add case review CH-2026-015 started 20 May 2026', dm(CLEO));
    expect((await say(bot, PAT, 'close case CH-2026-015', dm(PAT)))[0]).toContain('Closed the review of case CH-2026-015.');
    bot.connector.clear();
    expect((await tickAt(bot, '2026-11-13T09:00:00Z')).filter((r) => r.job === 'case-reviews')).toEqual([]);
  });
});
