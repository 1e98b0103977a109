import type { CloudAdapter } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';
import type { Reply } from '../core/types.js';
import { logger } from '../logger.js';
import type { StoredConversation } from '../store/conversations.js';
import { newPostReference } from '../teams/thread.js';
import type { ReachFailure } from '../store/outbox.js';
import { toActivity } from '../teams/render.js';
import { ownRetries } from './own-retries.js';
import { createSendPacer, type RateLimits } from './rate-limit.js';
import { retryDelayMs, sendFailure } from './send-errors.js';

const log = logger('notify');

/** What one send came to: delivered, refused for good (and why, as Teams said), or failed after its retries. */
export type SendResult = (
  | { outcome: 'sent' }
  | { outcome: 'gone'; reason: ReachFailure; status: number | null }
  /** transient: Teams' own trouble (throttling, 5xx, a network failure) that a later try may get past; else refused for good (a 400) */
  | { outcome: 'failed'; error: string; transient: boolean }
) & {
  /** HTTP requests made (1 unless throttled or retried; 0 when the conversation was already known to be gone) */
  attempts: number;
};

/** Sends one proactive message to a stored conversation; the outbox sender is its only caller in the product. */
export interface Notifier {
  send(conversation: StoredConversation, reply: Reply): Promise<SendResult>;
}

export interface NotifierOptions {
  adapter: CloudAdapter;
  appId: string;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** client-side pacing of every attempt (default 50 a second per app, 7 a second per conversation) */
  rateLimits?: Partial<RateLimits>;
}

/** A notifier over the Bot Connector, paced by a token bucket: retries 429 (honouring Retry-After), 412, 502 and 504 with jittered backoff; 403 is final. */
export function createNotifier(options: NotifierOptions): Notifier {
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pacer = createSendPacer(options.rateLimits);
  return {
    async send(conversation, reply) {
      if (!conversation.active)
        return { outcome: 'gone', reason: conversation.inactiveReason ?? 'removed-or-blocked', status: null, attempts: 0 };
      for (let attempt = 1; ; attempt++) {
        await pacer.acquire(conversation.conversationId);
        try {
          // The adapter's onTurnError would swallow a failed send (and post an apology), so the error is carried out here.
          let refused: unknown = null;
          await options.adapter.continueConversationAsync(
            options.appId,
            newPostReference(conversation.reference) as Partial<ConversationReference>,
            async (context) => {
              ownRetries(context);
              await context.sendActivity(toActivity(reply)).catch((err: unknown) => {
                refused = err ?? new Error('send failed');
              });
            },
          );
          if (refused) throw refused;
          return { outcome: 'sent', attempts: attempt };
        } catch (err) {
          const failure = sendFailure(err);
          if (failure.kind === 'gone') {
            log.warn(
              { conversationId: conversation.conversationId, status: failure.status, reason: failure.reason },
              'Conversation is gone',
            );
            return { outcome: 'gone', reason: failure.reason, status: failure.status, attempts: attempt };
          }
          if (failure.kind === 'final' || attempt >= maxAttempts) {
            log.error({ conversationId: conversation.conversationId, status: failure.status, attempt, err }, 'Proactive send failed');
            const message = String((err as Error)?.message ?? err).slice(0, 200);
            return {
              outcome: 'failed',
              error: `${failure.status ?? 'network'}: ${message}`,
              transient: failure.kind === 'retry',
              attempts: attempt,
            };
          }
          const delay = retryDelayMs(attempt, failure.retryAfterMs);
          log.warn(
            { conversationId: conversation.conversationId, status: failure.status, attempt, delay },
            'Proactive send throttled or failed; retrying',
          );
          await sleep(delay);
        }
      }
    },
  };
}
