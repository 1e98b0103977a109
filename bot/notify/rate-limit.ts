/**
 * Client-side pacing for proactive sends, so a fan-out stays under Teams' throttles instead of
 * leaning on 429s: a token bucket per app (default 50 requests a second) and one per conversation
 * (default 7 a second). Waiters reserve tokens in order, so concurrent senders share the rate fairly.
 */

/** How fast proactive sends may go. */
export interface RateLimits {
  /** requests a second for the whole app (Teams allows 30-50 per app per tenant) */
  perSecond: number;
  /** requests that may go at once after a quiet spell */
  burst: number;
  /** requests a second to one conversation (Teams allows about 7) */
  perConversationPerSecond: number;
}

/** 50 a second per app (configurable), one at a time after a pause, 7 a second per conversation. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perSecond: 50, burst: 1, perConversationPerSecond: 7 };

/** A token bucket: take() resolves when a token is free. */
export interface TokenBucket {
  take(): Promise<void>;
  /** when the bucket was last used (ms) */
  lastUsed(): number;
}

type Clock = { now(): number; sleep(ms: number): Promise<void> };
const realClock: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** A token bucket refilling `perSecond` tokens a second up to `burst`. */
export function tokenBucket(perSecond: number, burst: number, clock: Clock = realClock): TokenBucket {
  let tokens = burst;
  let last = clock.now();
  return {
    async take() {
      const now = clock.now();
      tokens = Math.min(burst, tokens + ((now - last) * perSecond) / 1000);
      last = now;
      tokens -= 1;
      if (tokens < 0) await clock.sleep((-tokens * 1000) / perSecond);
    },
    lastUsed: () => last,
  };
}

/** Paces sends: one app-wide bucket and a bucket per conversation (idle ones are forgotten). */
export function createSendPacer(limits: Partial<RateLimits> = {}, clock: Clock = realClock) {
  const l = { ...DEFAULT_RATE_LIMITS, ...limits };
  const app = tokenBucket(l.perSecond, l.burst, clock);
  const conversations = new Map<string, TokenBucket>();
  return {
    limits: l,
    /** waits until one more request to this conversation is allowed */
    async acquire(conversationId: string): Promise<void> {
      if (conversations.size > 10_000) {
        for (const [id, bucket] of conversations) if (clock.now() - bucket.lastUsed() > 60_000) conversations.delete(id);
      }
      let bucket = conversations.get(conversationId);
      if (!bucket) {
        bucket = tokenBucket(l.perConversationPerSecond, 1, clock);
        conversations.set(conversationId, bucket);
      }
      await bucket.take();
      await app.take();
    },
  };
}

/** The pacer the notifier uses. */
export type SendPacer = ReturnType<typeof createSendPacer>;
