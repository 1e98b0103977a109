import { textOf } from '../support/bot.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../bot/cli/index.js';
import type { TestBot } from '../support/bot.js';
import { CLEO, person, startJobsBot, TEAMS } from './support.js';

let bot: TestBot;
beforeEach(async () => {
  bot = await startJobsBot('2026-11-22T12:00:00Z');
});
afterEach(async () => {
  await bot.close();
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    { DATABASE_URL: bot.config.DATABASE_URL },
    (t) => void out.push(t),
    (t) => void err.push(t),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('operator commands for issue 6', () => {
  it('jobs tick --at runs what is due at that instant exactly once, as the scheduler would', async () => {
    const first = await cli('jobs', 'tick', '--at', '2026-11-23T09:00:00Z');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^weekly-digest digest:person:\d+:2026-11-23: done \(digest for Cleo Coordinator: sent\)$/m);
    expect(bot.connector.to(TEAMS.personalOf(CLEO.id).id).map((s) => textOf(s.activity))).toEqual([
      expect.stringContaining('Weekly digest'),
    ]);
    expect((await cli('jobs', 'tick', '--at', '2026-11-23T09:00:00Z')).out).toBe(
      'Nothing was due in the minute up to 2026-11-23T09:00:00.000Z.',
    );
    expect((await cli('jobs', 'runs')).out).toMatch(/weekly-digest digest:person:\d+:2026-11-23: done by cli:\d+/);
    expect((await cli('jobs', 'tick', '--at', 'tomorrow')).code).toBe(2);
  });

  it('schedule add, list, move and cancel', async () => {
    expect((await cli('schedule', 'add', 'the Channel panel monthly on the first Tuesday at 10:00')).out).toContain(
      'Scheduled: 1 · Channel panel: monthly on the first Tuesday at 10:00;',
    );
    expect((await cli('schedule', 'list')).out).toContain('1 · Channel panel');
    const moved = await cli('schedule', 'move', 'panel', '8 December 2026', '--time', '11:00');
    expect(moved.out).toMatch(/^Moved Channel panel from Tuesday 1 December 2026 at 10:00 to Tuesday 8 December 2026 at 11:00\./);
    expect((await cli('schedule', 'cancel', '1')).out).toContain('Cancelled schedule 1 (Channel panel).');
    const bad = await cli('schedule', 'add', 'the forum whenever');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Say what time the meeting starts');
  });

  it('panel add and list; case add refuses personal data; digest set', async () => {
    await person(bot, TEAMS.user('Pat Panel', '29:pat'));
    const byName = await cli('panel', 'add', 'Pat Panel');
    expect(byName.code).toBe(1);
    expect(byName.err).toContain('anyone can choose a display name');
    expect((await cli('panel', 'add', '29:pat')).out).toBe('Pat Panel is now on the Channel panel in City of London.');
    expect((await cli('panel', 'list')).out).toBe('Pat Panel (29:pat)');
    const refused = await cli('case', 'add', 'Jane Doe', '--started', '2026-06-01');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('it looks like a name');
    expect((await cli('case', 'add', 'CH-2026-020', '--started', '2026-06-01')).out).toBe(
      'Tracking case CH-2026-020: review due Tuesday 1 December 2026.',
    );
    expect((await cli('case', 'list')).out).toBe('CH-2026-020: review due Tuesday 1 December 2026');
    expect((await cli('digest', 'set', 'Cleo Coordinator', '--day', 'friday', '--time', '16:30')).out).toBe(
      'Cleo Coordinator gets the weekly digest on Fridays at 16:30 (Europe/London).',
    );
    expect((await cli('digest', 'set', 'Cleo Coordinator', '--off')).out).toBe("Cleo Coordinator's weekly digest is switched off.");
  });
});
