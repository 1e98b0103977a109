import type { SlackConfig } from '../config.js';
import type { Reply } from '../core/types.js';
import { logger } from '../logger.js';
import type { Notifier, SendOutcome } from '../notify/notifier.js';
import { createSendPacer, type RateLimits } from '../notify/rate-limit.js';
import { retryDelayMs } from '../notify/send-errors.js';
import type { StoredConversation } from '../store/conversations.js';
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

/** Words for a gone conversation, as coordinators are told them. */
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
  /** called once when a conversation is gone for good */
  onGone(conversation: StoredConversation, reason: string): Promise<void>;
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
  ): Promise<SendOutcome> {
    for (let attempt = 1; ; attempt++) {
      await pacer.acquire(conversation.conversationId);
      try {
        await options.client.chat.postMessage({ channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
        return 'sent';
      } catch (err) {
        const failure = slackFailure(err);
        if (failure.kind === 'gone') {
          log.warn(
            { conversationId: conversation.conversationId, error: failure.error },
            'Slack conversation is gone: marking it inactive',
          );
          await options.onGone(conversation, goneReason(failure.error));
          return 'gone';
        }
        if (failure.kind === 'final' || attempt >= maxAttempts) {
          log.error({ conversationId: conversation.conversationId, error: failure.error, attempt }, 'Slack send failed');
          return 'failed';
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
    async send(conversation: StoredConversation, reply: Reply): Promise<SendOutcome> {
      if (!conversation.active) return 'gone';
      const where = conversation.reference as Partial<SlackReference>;
      if (where.platform !== 'slack' || !where.channel) {
        log.error({ conversationId: conversation.conversationId }, 'Not a Slack conversation: nothing sent');
        return 'failed';
      }
      for (const message of toSlackMessages(reply)) {
        const outcome = await post(conversation, where.channel, message);
        if (outcome !== 'sent') return outcome;
      }
      return 'sent';
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
