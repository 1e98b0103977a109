import type { Activity } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { isRetriedNetworkError, postJson, proxyConfigured } from '../core/post-json.js';
import { messageJson } from '../../cards/card-json.js';

/** Tries after the first, for throttling (429), timeouts (408), server errors and cut connections, as the Azure pipeline's. */
const RETRIES = 3;
/** The longest a reply waits before trying again: Teams gives a turn 15 seconds in all. */
const MAX_WAIT_MS = 4_000;
const RETRIED_STATUS = (status: number) => status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);

type Credentials = { signRequest(resource: { headers: { set(name: string, value: string): void } }): Promise<unknown> };

/** What a failed reply's error carries about the connector's answer, as the Azure pipeline's RestError does. */
interface ConnectorAnswer {
  status: number;
  bodyAsText: string;
  headers: { get(name: string): string | undefined };
}

/** An answer from the connector that is not a success, shaped as the Azure pipeline's RestError (statusCode, response). */
class ConnectorError extends Error {
  readonly name = 'RestError';
  constructor(
    readonly statusCode: number,
    readonly response: ConnectorAnswer,
  ) {
    super(`The Bot Connector answered ${statusCode}: ${response.bodyAsText.slice(0, 200)}`);
  }
}

/** How long to wait before try `attempt` (1-based): Retry-After when the connector says, else 0.5, 1, 2 seconds. */
function waitBefore(attempt: number, retryAfter: string | undefined): number {
  const seconds = retryAfter === undefined ? Number.NaN : Number(retryAfter);
  const ms = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 500 * 2 ** (attempt - 1);
  return Math.min(MAX_WAIT_MS, ms);
}

/**
 * A turn's replies posted straight to the Bot Connector (`POST v3/conversations/{id}/activities/{replyToId}`, the same
 * request, headers and token as botframework-connector's `replyToActivity`), instead of through the Azure HTTP
 * pipeline, whose serializer walks the whole activity, card included, against its model on every reply (16 % of a
 * question's CPU). The token comes from the client's own credentials, so it is fetched, cached and refreshed as before;
 * throttling, timeouts, server errors and cut connections are tried again up to three times (Retry-After honoured, at
 * most 4 s a wait: Teams gives a turn 15 seconds), and a final failure is thrown with its `statusCode`, body and
 * headers, as before. Every other call of the client (members, updates) is unchanged, and so is everything behind a
 * proxy (the pipeline's proxy support). Only a turn's replies: `reused-connectors.ts` gives such a client to incoming
 * turns, never to proactive sends, whose outbox counts attempts and honours Retry-After itself, relying on how the
 * pipeline does and does not retry.
 */
export function replyDirectly(client: ConnectorClient): void {
  const credentials = (client as unknown as { credentials?: Credentials }).credentials;
  const baseUri = (client as unknown as { baseUri?: string }).baseUri;
  if (!credentials?.signRequest || !baseUri) return; // not the client this was written against: leave it as it is
  if (proxyConfigured()) return;
  const base = baseUri.endsWith('/') ? baseUri : `${baseUri}/`;
  client.conversations.replyToActivity = (async (conversationId: string, activityId: string, activity: Partial<Activity>) => {
    const url = new URL(`v3/conversations/${encodeURIComponent(conversationId)}/activities/${encodeURIComponent(activityId)}`, base);
    const body = messageJson(activity);
    for (let attempt = 0; ; attempt++) {
      const signed: Record<string, string> = {};
      const set = (name: string, value: string) => {
        signed[name.toLowerCase()] = value;
      };
      await credentials.signRequest({ headers: { set } });
      const headers = { ...signed, 'content-type': 'application/json; charset=utf-8', 'x-ms-conversation-id': conversationId };
      let answer: Awaited<ReturnType<typeof postJson>>;
      try {
        answer = await postJson(url, headers, body);
      } catch (err) {
        if (attempt >= RETRIES || !isRetriedNetworkError(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, waitBefore(attempt + 1, undefined)));
        continue;
      }
      if (answer.status >= 200 && answer.status < 300) return answer.text ? JSON.parse(answer.text) : {};
      if (attempt >= RETRIES || !RETRIED_STATUS(answer.status)) {
        const received = answer.headers;
        const get = (name: string) => {
          const value = received[name.toLowerCase()];
          return Array.isArray(value) ? value.join(', ') : value;
        };
        throw new ConnectorError(answer.status, { status: answer.status, bodyAsText: answer.text, headers: { get } });
      }
      await new Promise((resolve) => setTimeout(resolve, waitBefore(attempt + 1, answer.retryAfter)));
    }
  }) as ConnectorClient['conversations']['replyToActivity'];
}
