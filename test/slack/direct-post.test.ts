import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isRetriedNetworkError, postJson } from '../../bot/core/post-json.js';
import { postToSlack, SlackCallError } from '../../bot/slack/direct-post.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { BOT_TOKEN } from '../support/slack.js';

// A turn's Slack replies go straight to the Web API (bot/slack/direct-post.ts): the same call, answers and errors as
// the WebClient's, without its serialising.
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
beforeEach(async () => {
  slack = await startFakeSlack({ token: BOT_TOKEN });
});
afterEach(async () => {
  await slack.close();
});
const client = (token = BOT_TOKEN, url = slack.apiUrl) => new WebClient(token, { slackApiUrl: url });
const blocks = [{ type: 'header', text: { type: 'plain_text', text: '12 actions are AMBER' } }];

describe('posting a reply straight to the Web API', () => {
  it('posts the message, blocks and thread as JSON with the bot token, and returns what Slack answered', async () => {
    const answer = await postToSlack(client(), 'chat.postMessage', { channel: 'C0PARTNERS', text: 'AMBER', blocks, thread_ts: '1.2' });
    expect(answer).toMatchObject({ ok: true, channel: 'C0PARTNERS' });
    expect(slack.callsOf('chat.postMessage').map((c) => c.args)).toEqual([
      { channel: 'C0PARTNERS', text: 'AMBER', blocks, thread_ts: '1.2' },
    ]);
  });

  it('an ephemeral reply goes to chat.postEphemeral for that person', async () => {
    await postToSlack(client(), 'chat.postEphemeral', { channel: 'C0PARTNERS', text: 'only you', user: 'U0SAM' });
    expect(slack.callsOf('chat.postEphemeral').map((c) => c.args)).toEqual([{ channel: 'C0PARTNERS', text: 'only you', user: 'U0SAM' }]);
  });

  it('waits out Retry-After and tries again, twice at most, then throws the rate-limit error', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
    await postToSlack(client(), 'chat.postMessage', { channel: 'C0PARTNERS', text: 'third time' });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(3);

    slack.failNext('chat.postMessage', { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 });
    const err = await postToSlack(client(), 'chat.postMessage', { channel: 'C0PARTNERS', text: 'never' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackCallError);
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', statusCode: 429 });
    expect(slack.callsOf('chat.postMessage')).toHaveLength(6);
  });

  it('a Retry-After longer than 10 seconds is not waited for: the error is thrown at once', async () => {
    slack.failNext('chat.postMessage', { status: 429, retryAfter: 60 });
    const started = performance.now();
    const err = await postToSlack(client(), 'chat.postMessage', { channel: 'C0PARTNERS', text: 'later' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 60 });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('ok: false is thrown as the WebClient throws it, and not tried again', async () => {
    slack.failNext('chat.postMessage', { error: 'channel_not_found' });
    const err = await postToSlack(client(), 'chat.postMessage', { channel: 'C0GONE', text: 'x' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'slack_webapi_platform_error', data: { ok: false, error: 'channel_not_found' } });
    expect((err as Error).message).toBe('An API error occurred: channel_not_found');
    expect(slack.callsOf('chat.postMessage')).toHaveLength(1);
    const denied = await postToSlack(client('xoxb-wrong'), 'chat.postMessage', { channel: 'C0PARTNERS', text: 'x' }).catch(
      (e: unknown) => e,
    );
    expect(denied).toMatchObject({ code: 'slack_webapi_platform_error', data: { error: 'invalid_auth' } });
  });

  it('a server error or a cut connection is tried again; a final one is thrown', async () => {
    // what the server does with each request, in turn; then it answers ok
    const plan: ('cut' | 503)[] = ['cut', 503];
    let requests = 0;
    const flaky = http.createServer((req, res) => {
      requests++;
      const next = plan.shift();
      if (next === 'cut') return req.socket.destroy();
      if (next === 503) return void res.writeHead(503).end('busy');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ts: '9.9' }));
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/api/`;
    try {
      expect(await postToSlack(client(BOT_TOKEN, url), 'chat.postMessage', { channel: 'C0', text: 'x' })).toEqual({ ok: true, ts: '9.9' });
      expect(requests).toBe(3);
      plan.push(503, 503, 503);
      const err = await postToSlack(client(BOT_TOKEN, url), 'chat.postMessage', { channel: 'C0', text: 'x' }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
      expect(requests).toBe(6);
    } finally {
      await new Promise((resolve) => flaky.close(resolve));
    }
  });

  it('behind a proxy the WebClient posts, as it knows how to use one', async () => {
    const before = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://proxy.invalid:3128';
    const calls: unknown[] = [];
    const viaClient = {
      token: BOT_TOKEN,
      slackApiUrl: slack.apiUrl,
      apiCall: async (...args: unknown[]) => calls.push(args) && { ok: true },
    };
    try {
      await postToSlack(viaClient as unknown as WebClient, 'chat.postMessage', { channel: 'C0', text: 'x' });
    } finally {
      if (before === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = before;
    }
    expect(calls).toEqual([['chat.postMessage', { channel: 'C0', text: 'x' }]]);
    expect(slack.callsOf('chat.postMessage')).toEqual([]);
  });
});

describe('a post nobody answers', () => {
  it('is cut after its timeout with ETIMEDOUT, which the replies try again', async () => {
    const silent = http.createServer(() => undefined); // takes the request, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/chat.postMessage`);
    try {
      const started = performance.now();
      const err = await postJson(url, { 'content-type': 'application/json' }, '{}', 200).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ETIMEDOUT' });
      expect(isRetriedNetworkError(err)).toBe(true);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
