import type { WebClient } from '@slack/web-api';
import { isRetriedNetworkError, postJson, proxyConfigured } from '../core/post-json.js';

/** Tries after the first (throttling, server errors, cut connections), as the turn replies' WebClient was set up. */
const RETRIES = 2;
/** Waits between tries when Slack does not say: 200 ms, then 400 ms (the WebClient's factor 2 from 200 ms). */
const waitFor = (attempt: number) => Math.min(1_000, 200 * 2 ** (attempt - 1));
/** The longest a reply waits on Retry-After before trying again (the person is waiting for the answer). */
const MAX_RETRY_AFTER_MS = 10_000;

/** What a failed call throws: the Web API client's error codes and fields, so every caller reads it as before. */
export class SlackCallError extends Error {
  constructor(
    readonly code: 'slack_webapi_platform_error' | 'slack_webapi_http_error' | 'slack_webapi_rate_limited_error',
    message: string,
    readonly data?: { ok: false; error: string },
    readonly statusCode?: number,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A turn's reply posted straight to Slack's Web API (`POST {api}/chat.postMessage` or `chat.postEphemeral`, a JSON
 * body and the bot token as a Bearer header, as Slack documents for write methods), not through the WebClient, which
 * form-encodes the blocks and, on every call, serialises the request and its result for debug lines nobody reads (a
 * fifth of a Slack question's CPU). Throttling (429, Retry-After honoured up to 10 s), server errors and cut
 * connections are tried twice more; `ok: false` is thrown as the WebClient throws it (`code`
 * `slack_webapi_platform_error`, `data.error`). Behind a proxy the WebClient is used, as it knows how.
 */
export async function postToSlack(
  client: WebClient,
  method: 'chat.postMessage' | 'chat.postEphemeral',
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (!client.token || proxyConfigured()) return (await client.apiCall(method, args)) as unknown as Record<string, unknown>;
  const url = new URL(method, client.slackApiUrl);
  const headers = { authorization: `Bearer ${client.token}`, 'content-type': 'application/json; charset=utf-8' };
  const body = JSON.stringify(args);
  for (let attempt = 0; ; attempt++) {
    let answer: Awaited<ReturnType<typeof postJson>>;
    try {
      answer = await postJson(url, headers, body);
    } catch (err) {
      if (attempt >= RETRIES || !isRetriedNetworkError(err)) throw err;
      await sleep(waitFor(attempt + 1));
      continue;
    }
    if (answer.status === 429) {
      const seconds = Number(answer.retryAfter);
      const wait = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : waitFor(attempt + 1);
      if (attempt >= RETRIES || wait > MAX_RETRY_AFTER_MS)
        throw new SlackCallError('slack_webapi_rate_limited_error', `Slack is rate limiting ${method}`, undefined, 429, wait / 1000);
      await sleep(wait);
      continue;
    }
    if (answer.status >= 500 && attempt < RETRIES) {
      await sleep(waitFor(attempt + 1));
      continue;
    }
    if (answer.status !== 200)
      throw new SlackCallError('slack_webapi_http_error', `Slack answered ${method} with HTTP ${answer.status}`, undefined, answer.status);
    const result = JSON.parse(answer.text) as { ok?: boolean; error?: string } & Record<string, unknown>;
    if (result.ok !== true) {
      const error = typeof result.error === 'string' ? result.error : 'unknown_error';
      throw new SlackCallError('slack_webapi_platform_error', `An API error occurred: ${error}`, { ok: false, error });
    }
    return result;
  }
}
