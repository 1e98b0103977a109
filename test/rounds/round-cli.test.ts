import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roundCommand } from '../../bot/cli/round.js';
import type { CliContext } from '../../bot/cli/context.js';
import { updateRoundsJob } from '../../jobs/update-rounds.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { cora, lee, pat, personalTo, priya, setUpRoundPeople } from './people.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot({ now: '2026-11-23T10:00:00Z' });
  await setUpRoundPeople(bot);
});
afterEach(async () => {
  await bot.close();
});

/** Runs `round ...` against the test bot's database, at the test clock's time; the messages go out through its connector. */
async function round(...args: string[]) {
  const out: string[] = [];
  const ctx: CliContext = { config: bot.config, store: bot.store, out: (t) => void out.push(t), now: bot.clock.now };
  const code = await roundCommand(args, ctx);
  return { code, out: out.join('\n') };
}

describe('cli round', () => {
  it('round start sends each lead their request, and round status shows who has replied', async () => {
    const started = await round('start', '--meeting', '2026-12-04', '--due', '1 December', '--by', 'Cora Ordinator');
    expect(started.code).toBe(0);
    expect(started.out).toContain('Update round started for the board meeting on Friday 4 December 2026');
    expect(started.out).toContain('Updates are due by 17:00 on Tuesday 1 December 2026.');
    for (const lead of [lee, pat, priya])
      expect(personalTo(bot, lead)[0]).toContain('Updates for the board meeting on Friday 4 December 2026');
    const status = await round('status');
    expect(status.out).toContain('0 of 3 leads have replied');
    bot.clock.set('2026-12-01T17:00:00Z');
    const due = await updateRoundsJob.occurrences(bot.services, new Date('2026-12-01T16:00:00Z'), bot.clock.now());
    expect(await updateRoundsJob.run(bot.services, due.at(-1)!)).toBe('Round 1 closed (0 of 3 replied); summary sent to Cora Ordinator');
    await bot.delivered();
    expect(personalTo(bot, cora).at(-1)).toContain('has closed');
  });

  it('started by someone the bot does not know, the closing summary goes to every coordinator', async () => {
    await round('start', '--meeting', '4 December', '--title', 'Safer City Partnership board', '--by', 'ops');
    bot.clock.set('2026-12-03T17:00:00Z');
    const due = await updateRoundsJob.occurrences(bot.services, new Date('2026-12-03T16:00:00Z'), bot.clock.now());
    expect(await updateRoundsJob.run(bot.services, due.at(-1)!)).toBe(
      'Round 1 closed (0 of 3 replied); summary to coordinators: 1 reached',
    );
    await bot.delivered();
    expect(personalTo(bot, cora).at(-1)).toContain(
      'The update round for the Safer City Partnership board on Friday 4 December 2026 has closed',
    );
  });

  it('bad arguments print the usage and change nothing', async () => {
    expect((await round('start')).code).toBe(2);
    const bad = await round('start', '--meeting', 'whenever');
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('I couldn\'t read "whenever" as a date.');
    expect(await bot.store.db.updateRound.count()).toBe(0);
  });
});
