import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLACK_EVENTS_PATH } from '../../bot/slack/mount.js';

const manifest = readFileSync('manifest/slack/manifest.yml', 'utf8');
const listed = (section: string) => [...manifest.slice(manifest.indexOf(`${section}:`)).matchAll(/^\s+- ([\w:.]+)/gm)].map((m) => m[1]);

describe('the Slack app manifest', () => {
  it('points events, interactivity and the slash command at the one signed endpoint, in HTTP mode', () => {
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toBe(`https://prevent-bot.example.org${SLACK_EVENTS_PATH}`);
    expect(manifest).toContain('socket_mode_enabled: false');
    expect(manifest).toContain('command: /prevent');
  });

  it('subscribes to the events the bot listens for, and asks for the scopes they and its Web API calls need', () => {
    expect(listed('bot_events').slice(0, 3).sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(listed('bot').slice(0, 11).sort()).toEqual(
      [
        'app_mentions:read',
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'im:read',
        'im:write',
        'mpim:read',
        'users:read',
        'users:read.email',
      ].sort(),
    );
  });
});
