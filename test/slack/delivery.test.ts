import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackClient } from '../../bot/slack/api.js';
import { createSlackDelivery, slackFailure } from '../../bot/slack/delivery.js';
import type { StoredConversation } from '../../bot/store/conversations.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { BOT_TOKEN } from '../support/slack.js';

let slack: FakeSlack;
beforeEach(async () => {
  slack = await startFakeSlack({ token: BOT_TOKEN });
});
afterEach(async () => {
  await slack.close();
});

const channel = (id: string): StoredConversation => ({
  conversationId: `slack:T0PREVENT:${id}`,
  platform: 'slack',
  kind: 'channel',
  reference: { platform: 'slack', teamId: 'T0PREVENT', channel: id },
  userChatId: null,
  active: true,
  inactiveReason: null,
});
const reply = buildMessageCard({ title: 'Reminder: Stakeholder forum', lines: ['It meets on Thursday 3 December 2026.'] });

function delivery(options: { sleeps?: number[] } = {}) {
  const client = slackClient({ signingSecret: 'x'.repeat(32), botToken: BOT_TOKEN, apiUrl: slack.apiUrl }, { forSender: true });
  return createSlackDelivery({
    client,
    sleep: async (ms) => void options.sleeps?.push(ms),
  });
}

describe('the Slack delivery function (for the notifier and the outbox)', () => {
  it('a 429 is retried after its Retry-After; the message is sent once', async () => {
    const sleeps: number[] = [];
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 3 }, { status: 429, retryAfter: 1 });
    expect((await delivery({ sleeps }).send(channel('C0PARTNERS'), reply)).outcome).toBe('sent');
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(3000);
    expect(sleeps[0]).toBeLessThan(3300);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);
    expect(slack.callsOf('chat.postMessage')[2]?.args.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Reminder: Stakeholder forum' },
    });
  });

  it('a channel that is gone (not found, archived, bot removed) is final: reported once, not retried', async () => {
    slack.failNext('chat.postMessage', { error: 'is_archived' });
    expect(await delivery().send(channel('C0OLD'), reply)).toEqual({ outcome: 'gone', reason: 'removed', status: null, attempts: 1 });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    slack.failNext('chat.postMessage', { error: 'account_inactive' });
    expect(await delivery().send(channel('D0LEFT'), reply)).toMatchObject({ outcome: 'gone', reason: 'disabled' });
    slack.failNext('chat.postMessage', { error: 'invalid_blocks' });
    expect(await delivery().send(channel('C0PARTNERS'), reply)).toMatchObject({ outcome: 'failed', error: 'slack: invalid_blocks' });
    expect((await delivery().send({ ...channel('C0PARTNERS'), active: false }, reply)).outcome).toBe('gone');
  });

  it('paces about one message a second per channel, while other channels go at once', async () => {
    const send = delivery();
    await Promise.all([send.send(channel('C1'), reply), send.send(channel('C2'), reply), send.send(channel('C3'), reply)]);
    // a delivery of its own, so the app-wide pace (ten a second) the three channels above used up does not hold back
    // the first of these: with the same one, the first waited up to 100 ms for it and the gap came out at 1,898–1,909 ms (2,000–2,001 ms now)
    const again = delivery();
    await Promise.all([again.send(channel('C9'), reply), again.send(channel('C9'), reply), again.send(channel('C9'), reply)]);
    const at = (...channels: string[]) =>
      slack
        .callsOf('chat.postMessage')
        .filter((c) => channels.includes(c.args.channel))
        .map((c) => c.at);
    const paced = at('C9');
    const apart = at('C1', 'C2', 'C3');
    // one channel: a second between messages; three channels: none waits for another's second (measured where Slack
    // receives them, so a slow start of the client on a busy machine does not count)
    expect(paced[2]! - paced[0]!).toBeGreaterThanOrEqual(1900);
    expect(Math.max(...apart) - Math.min(...apart)).toBeLessThan(1000);
  });

  it('classifies the Web API client errors', () => {
    expect(slackFailure({ code: 'slack_webapi_rate_limited_error', retryAfter: 2 })).toEqual({
      kind: 'retry',
      error: 'ratelimited',
      retryAfterMs: 2000,
    });
    expect(slackFailure({ code: 'slack_webapi_platform_error', data: { error: 'not_in_channel' } }).kind).toBe('gone');
    expect(slackFailure({ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } }).kind).toBe('retry');
    expect(slackFailure({ code: 'slack_webapi_http_error', statusCode: 503 }).kind).toBe('retry');
    expect(slackFailure({ code: 'slack_webapi_request_error' }).kind).toBe('retry');
    expect(slackFailure({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } }).kind).toBe('final');
  });
});
