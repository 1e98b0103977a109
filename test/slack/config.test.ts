import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config.js';

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as { details?: { lines?: string[] } }).details?.lines ?? [(err as Error).message];
  }
};

describe('Slack configuration', () => {
  it('is off unless both the signing secret and the bot token are set', () => {
    expect(loadConfig({}).slack).toBeNull();
    const on = loadConfig({ SLACK_SIGNING_SECRET: 'a'.repeat(32), SLACK_BOT_TOKEN: 'xoxb-1-2-abc' });
    expect(on.slack).toEqual({ signingSecret: 'a'.repeat(32), botToken: 'xoxb-1-2-abc', apiUrl: 'https://slack.com/api/' });
  });

  it('one without the other, a user token, a short secret or a bad API URL: each is one line and the bot does not start', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1-2-abc' }).join('\n')).toContain('SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN go together');
    expect(problems({ SLACK_SIGNING_SECRET: 'a'.repeat(32), SLACK_BOT_TOKEN: 'xoxp-user-token' }).join('\n')).toContain(
      'SLACK_BOT_TOKEN must be a bot token starting xoxb-',
    );
    expect(problems({ SLACK_SIGNING_SECRET: 'short', SLACK_BOT_TOKEN: 'xoxb-1' }).join('\n')).toContain('SLACK_SIGNING_SECRET');
    expect(problems({ SLACK_API_URL: 'ftp://slack.example' }).join('\n')).toContain('SLACK_API_URL');
  });
});
