import type { CloudAdapter } from 'botbuilder';
import type { ConversationReference } from 'botbuilder';
import type { Reply } from '../core/types.js';
import { logger } from '../logger.js';
import type { StoredConversation } from '../store/conversations.js';
import { newPostReference } from '../teams/thread.js';
import { toActivity } from '../teams/render.js';
import { ownRetries } from './own-retries.js';
import { createSendPacer, type RateLimits } from './rate-limit.js';
import { retryDelayMs, sendFailure } from './send-errors.js';

const log = logger('notify');

export type SendOutcome = 'sent' | 'gone' | 'failed';

/** Sends proactive messages (announcements, reminders, digests) to stored conversations. */
export interface Notifier {
  send(conversation: StoredConversation, reply: Reply): Promise<SendOutcome>;
}

export interface NotifierOptions {
  adapter: CloudAdapter;
  appId: string;
  /** called once when a conversation is gone for good (403: bot removed or messages blocked) */
  onGone(conversation: StoredConversation, reason: string): Promise<void>;
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
      if (!conversation.active) return 'gone';
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
          return 'sent';
        } catch (err) {
          const failure = sendFailure(err);
          if (failure.kind === 'gone') {
            log.warn({ conversationId: conversation.conversationId, status: failure.status }, 'Conversation is gone: marking it inactive');
            await options.onGone(conversation, failure.reason);
            return 'gone';
          }
          if (failure.kind === 'final' || attempt >= maxAttempts) {
            log.error({ conversationId: conversation.conversationId, status: failure.status, attempt, err }, 'Proactive send failed');
            return 'failed';
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
