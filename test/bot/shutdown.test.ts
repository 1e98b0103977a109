import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { startBotProcess } from '../support/processes.js';

// The real process (`npm start`'s entry point): Ctrl-C or SIGTERM while start-up is still catching up on missed
// reminders stops it cleanly (database closed, exit 0) instead of killing it; and the start-up line names the port
// actually bound when PUBLIC_HOST is not set.

/** Waits until the process has logged a line containing `text`. */
async function logged(output: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`"${text}" not logged in 60 s: ${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The start-up line's fields (pino JSON). */
function listeningLine(output: string): { publicHost?: string; bound?: string; msg?: string } {
  const line = output.split('\n').find((l) => l.includes('Listening on'));
  if (!line) throw new Error(`no "Listening on" line: ${output}`);
  return JSON.parse(line) as { publicHost?: string };
}

describe('the bot process', { timeout: 120_000 }, () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during the start-up catch-up closes the database and exits 0`, async () => {
      const database = await createTestDatabase();
      try {
        const bot = await startBotProcess({ DATABASE_URL: database.url, PREVENT_FAULT: 'hold-start-up', LOG_LEVEL: 'info' });
        await logged(bot.output, 'PREVENT_FAULT=hold-start-up');
        bot.signal(signal);
        expect(await bot.exited).toBe(0);
        expect(bot.output()).toContain('Shutting down');
        expect(bot.output()).toContain('Stopped: the database is closed');
        expect(bot.output()).not.toContain('Start-up catch-up finished');
      } finally {
        await database.drop();
      }
    });
  }

  it('without PUBLIC_HOST, the start-up line names this machine on the port actually bound; with it, PUBLIC_HOST', async () => {
    const database = await createTestDatabase();
    try {
      const bot = await startBotProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info' });
      const port = new URL(bot.url).port;
      expect(port).not.toBe('3978');
      await logged(bot.output, 'Listening on');
      expect(listeningLine(bot.output())).toMatchObject({ publicHost: `localhost:${port}`, bound: `127.0.0.1:${port}` });
      await bot.stop();
      expect(await bot.exited).toBe(0);

      const named = await startBotProcess({ DATABASE_URL: database.url, LOG_LEVEL: 'info', PUBLIC_HOST: 'prevent-bot.example.org' });
      await logged(named.output, 'Listening on');
      expect(listeningLine(named.output())).toMatchObject({ publicHost: 'prevent-bot.example.org' });
      await named.stop();
    } finally {
      await database.drop();
    }
  });
});
