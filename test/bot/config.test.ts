import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';
import { AppError } from '../../bot/errors.js';
import { createTestDatabase } from '../support/database.js';
import { runCliProcess, startBotProcess } from '../support/processes.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).message.split('\n');
  }
}

describe('configuration', () => {
  it('defaults to local mode on SQLite, port 3978, Europe/London demo partnership', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3978,
      DATABASE_URL: 'file:./data/prevent-bot.db',
      localMode: true,
      databaseKind: 'sqlite',
      DEFAULT_PARTNERSHIP: 'City of London',
    });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseKind).toBe('postgres');
  });

  it('reports each problem on its own line', () => {
    const lines = problems({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MicrosoftAppId: 'abc' });
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.startsWith('Configuration: PORT'))).toBe(true);
    expect(
      lines.some((l) => l.includes('MicrosoftAppTenantId is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant')),
    ).toBe(true);
    expect(lines.some((l) => l.includes('DATABASE_URL must start with file: (SQLite) or postgres://'))).toBe(true);
    expect(lines.some((l) => l.includes('MicrosoftAppPassword is required when MicrosoftAppId is set'))).toBe(true);
  });

  it('defaults to a single-tenant bot: an app id needs its tenant id, unless MultiTenant is chosen', () => {
    const app = { MicrosoftAppId: 'abc', MicrosoftAppPassword: 'secret' };
    expect(problems(app)).toEqual([
      'Configuration: MicrosoftAppTenantId is required when MicrosoftAppId is set and MicrosoftAppType is SingleTenant (the default; new multi-tenant bots cannot be created since 31 July 2025)',
    ]);
    expect(loadConfig({ ...app, MicrosoftAppTenantId: 't' }).MicrosoftAppType).toBe('SingleTenant');
    expect(loadConfig({ ...app, MicrosoftAppType: 'MultiTenant' }).MicrosoftAppType).toBe('MultiTenant');
  });

  it('refuses a bind address that is not an IP address', () => {
    expect(problems({ HOST: 'example.org' })).toEqual(['Configuration: HOST must be an IP address such as 0.0.0.0 or 127.0.0.1']);
  });

  it('refuses production without an app id', () => {
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'Configuration: MicrosoftAppId is required when NODE_ENV=production (local mode is for development only)',
    ]);
  });
});

describe('start-up', { timeout: 90_000 }, () => {
  it('a bad configuration stops the server with the problem on one line and a non-zero exit', async () => {
    await expect(startBotProcess({ NODE_ENV: 'production', DATABASE_URL: 'file:/tmp/never-used.db' })).rejects.toThrow(
      /exited \(1\): Configuration: MicrosoftAppId is required when NODE_ENV=production/,
    );
  });

  it('first start on an empty database applies migrations and loads the demo plan, saying so in one line', async () => {
    const database = await createTestDatabase();
    try {
      const bot = await startBotProcess({ DATABASE_URL: database.url, DEMO_PLAN: 'on', LOG_LEVEL: 'info' });
      await bot.stop();
      const lines = bot
        .output()
        .split('\n')
        .filter((l) => l.includes('First start'));
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!).msg).toMatch(
        /^First start: applied \d+ database migrations and loaded the demo plan \(24 actions for City of London\)$/,
      );
      expect(bot.output()).toContain('Local mode');
      const again = await startBotProcess({ DATABASE_URL: database.url, DEMO_PLAN: 'on', LOG_LEVEL: 'info' });
      await again.stop();
      expect(again.output()).not.toContain('First start');
      const plans = await runCliProcess(['plans'], { DATABASE_URL: database.url });
      expect(plans.output.match(/24 actions/g)).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });
});
