import type { SlackConfig } from '../config.js';
import type { Reply } from '../core/types.js';
import { logger } from '../logger.js';
import type { Notifier, SendResult } from '../notify/notifier.js';
import { createSendPacer, type RateLimits } from '../notify/rate-limit.js';
import { retryDelayMs } from '../notify/send-errors.js';
import type { StoredConversation } from '../store/conversations.js';
import type { ReachFailure } from '../store/outbox.js';
import type { SlackReference } from '../store/slack.js';
import { toSlackMessages } from './render.js';

const log = logger('slack');

/** Slack allows about one chat.postMessage a second per channel; the app as a whole is kept to 10 a second. */
export const SLACK_RATE_LIMITS: RateLimits = { perSecond: 10, burst: 1, perConversationPerSecond: 1 };

/** How a failed Web API call should be treated. */
export type SlackFailure =
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'gone'; error: string }
  | { kind: 'final'; error: string };

/** The conversation is gone for the bot: archived, deleted, the bot removed, or the person deactivated. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'user_disabled',
  'user_not_found',
  'cannot_dm_bot',
  'restricted_action',
]);
/** Slack's own trouble: worth trying again. */
const TRANSIENT = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

/** What the Web API client throws (ErrorCode.RateLimitedError, PlatformError, HTTPError, RequestError). */
interface WebApiError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  message?: string;
}

/** Classifies a Web API error: 429 is retried after Retry-After; a missing channel or deactivated user is gone. */
export function slackFailure(err: unknown): SlackFailure {
  const e = (err ?? {}) as WebApiError;
  if (e.code === 'slack_webapi_rate_limited_error')
    return { kind: 'retry', error: 'ratelimited', retryAfterMs: typeof e.retryAfter === 'number' ? e.retryAfter * 1000 : null };
  if (e.code === 'slack_webapi_platform_error') {
    const error = e.data?.error ?? 'unknown_error';
    if (GONE.has(error)) return { kind: 'gone', error };
    return TRANSIENT.has(error) ? { kind: 'retry', error, retryAfterMs: null } : { kind: 'final', error };
  }
  if (e.code === 'slack_webapi_http_error')
    return (e.statusCode ?? 0) >= 500
      ? { kind: 'retry', error: `http_${e.statusCode}`, retryAfterMs: null }
      : { kind: 'final', error: `http_${e.statusCode}` };
  if (e.code === 'slack_webapi_request_error') return { kind: 'retry', error: 'request_error', retryAfterMs: null };
  return { kind: 'final', error: e.message ?? 'unknown_error' };
}

/** A gone conversation as the outbox records it: a deactivated person is 'disabled', a channel the bot lost 'removed'. */
export function goneFailure(error: string): ReachFailure {
  return error === 'account_inactive' || error === 'user_disabled' ? 'disabled' : 'removed';
}

/** Words for a gone conversation, for the log. */
export function goneReason(error: string): string {
  if (error === 'is_archived') return 'the channel was archived';
  if (error === 'not_in_channel') return 'the bot was removed from the channel';
  if (error === 'account_inactive' || error === 'user_disabled') return 'the person was deactivated in Slack';
  return 'the channel or person no longer exists in Slack';
}

/** The one Web API method the sender uses (a WebClient's chat.postMessage). */
export interface SlackPoster {
  postMessage(args: { channel: string; text: string; blocks?: object[] }): Promise<unknown>;
}

export interface SlackDeliveryOptions {
  client: { chat: SlackPoster };
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  rateLimits?: Partial<RateLimits>;
}

/**
 * Slack's delivery function for proactive messages (announcements, reminders, digests): each page of the rendered
 * reply posted with chat.postMessage, paced at one a second per channel, 429s retried after Retry-After and Slack's
 * own failures with jittered backoff; a missing channel or deactivated person is final ('gone').
 */
export function createSlackDelivery(options: SlackDeliveryOptions): Notifier {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pacer = createSendPacer({ ...SLACK_RATE_LIMITS, ...options.rateLimits });
  async function post(
    conversation: StoredConversation,
    channel: string,
    message: { text: string; blocks?: object[] },
  ): Promise<SendResult> {
    for (let attempt = 1; ; attempt++) {
      await pacer.acquire(conversation.conversationId);
      try {
        await options.client.chat.postMessage({ channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
        return { outcome: 'sent', attempts: attempt };
      } catch (err) {
        const failure = slackFailure(err);
        if (failure.kind === 'gone') {
          log.warn(
            { conversationId: conversation.conversationId, error: failure.error, reason: goneReason(failure.error) },
            'Slack conversation is gone',
          );
          return { outcome: 'gone', reason: goneFailure(failure.error), status: null, attempts: attempt };
        }
        if (failure.kind === 'final' || attempt >= maxAttempts) {
          log.error({ conversationId: conversation.conversationId, error: failure.error, attempt }, 'Slack send failed');
          return { outcome: 'failed', error: `slack: ${failure.error}`, transient: failure.kind === 'retry', attempts: attempt };
        }
        const delay = retryDelayMs(attempt, failure.retryAfterMs);
        log.warn(
          { conversationId: conversation.conversationId, error: failure.error, attempt, delay },
          'Slack send throttled or failed; retrying',
        );
        await sleep(delay);
      }
    }
  }
  return {
    async send(conversation: StoredConversation, reply: Reply): Promise<SendResult> {
      if (!conversation.active) return { outcome: 'gone', reason: conversation.inactiveReason ?? 'removed', status: null, attempts: 0 };
      const where = conversation.reference as Partial<SlackReference>;
      if (where.platform !== 'slack' || !where.channel) {
        log.error({ conversationId: conversation.conversationId }, 'Not a Slack conversation: nothing sent');
        return { outcome: 'failed', error: 'not a Slack conversation', transient: false, attempts: 0 };
      }
      let attempts = 0;
      for (const message of toSlackMessages(reply)) {
        const result = await post(conversation, where.channel, message);
        attempts += result.attempts;
        if (result.outcome !== 'sent') return { ...result, attempts };
      }
      return { outcome: 'sent', attempts };
    },
  };
}

/** The sender's Web API client, loaded on first use (the SDK is not loaded at all while nothing goes to Slack). */
export function lazySlackClient(config: SlackConfig): { chat: SlackPoster } {
  let client: Promise<{ chat: SlackPoster }> | null = null;
  return {
    chat: {
      async postMessage(args) {
        client ??= import('./api.js').then((m) => m.slackClient(config, { forSender: true }) as unknown as { chat: SlackPoster });
        return (await client).chat.postMessage(args);
      },
    },
  };
}
