import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { buildMessageCard } from '../../cards/message-card.js';
import { buildUnreachableCard } from '../../cards/reminder-card.js';
import { retryUntil } from '../core/retry-until.js';
import { logger } from '../logger.js';
import type { Store } from '../store/database.js';
import type { ClaimedMessage, MessageResult, OutboxInput } from '../store/outbox.js';
import { nextRetryAt } from '../plan/delivery/retry-schedule.js';
import { runPool } from './fan-out.js';
import { coordinatorNotices } from './messages.js';
import type { ReachFailure } from '../store/outbox.js';
import type { Notifier } from './notifier.js';

const log = logger('outbox');

/** Why a channel or group chat refused a message, as Teams said. */
const CHANNEL_WORDS: Record<ReachFailure, string> = {
  'never-talked': 'I am not in it',
  removed: 'the app was removed from it',
  blocked: 'messages from the app are blocked there',
  disabled: 'an administrator turned the app off',
  'removed-or-blocked': 'the app was removed or blocked',
};

/** Drains the outbox: what services and tests see of the sender. */
export interface OutboxSender {
  /** asks for a pass soon (after a commit that queued messages) */
  wake(): void;
  /** sends everything due now and resolves when nothing due is left that this instance can claim (tests await this) */
  drain(): Promise<void>;
  /** starts waking on commits and on an interval, and sends what is already waiting */
  start(): void;
  stop(): Promise<void>;
}

export interface OutboxSenderOptions {
  store: Store;
  notifier: Notifier;
  now(): Date;
  instanceId?: string;
  /** how long a claim holds a row before another instance may take it over (default 5 minutes: longer than a send with all its retries) */
  leaseMs?: number;
  /** rows claimed and sent at once (default 8) */
  concurrency?: number;
  /** how often to look for due rows besides being woken (default 2 seconds) */
  intervalMs?: number;
  /** waits between tries at recording a row's end while the database is unreachable (tests make it instant) */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The outbox sender: claims due rows with a lease, sends each through the notifier (its pacing and its retries: 429
 * with Retry-After, 412/5xx with backoff and jitter, 403 final), and records each row's end with its consequences.
 * Runs in every instance; the lease and the conditional claim keep two instances off the same row, and a row marked
 * sent is never claimed again.
 */
export function createOutboxSender(options: OutboxSenderOptions): OutboxSender {
  const { store, notifier } = options;
  const instance = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const concurrency = options.concurrency ?? 8;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let running: Promise<void> | null = null;
  let again = false;
  /** whether finishing the rows of the latest claim queued notices (to be claimed next) */
  let noticesQueued = false;
  let timer: NodeJS.Timeout | null = null;
  let unsubscribe: (() => void) | null = null;

  async function consequences(message: ClaimedMessage, result: MessageResult, kind: string | null): Promise<OutboxInput[]> {
    if (result.status !== 'unreachable' && result.status !== 'failed') return [];
    const prefix = `notice:outbox:${message.id}`;
    if (message.personId === null && message.conversationId && result.status === 'unreachable' && kind !== 'personal') {
      const where = kind === 'channel' ? 'a team channel' : 'a group chat';
      return coordinatorNotices(
        store,
        message.partnership,
        prefix,
        buildMessageCard({
          title: 'I can no longer post to a channel',
          lines: [
            `My messages to ${where} were refused (${CHANNEL_WORDS[result.reason]}). I have stopped posting there. Add me back, or say "post updates here" in the channel that should get updates.`,
          ],
        }),
      );
    }
    if (!message.onFailure) return [];
    return coordinatorNotices(
      store,
      message.partnership,
      prefix,
      buildUnreachableCard({ what: message.onFailure, people: [message.recipient] }),
    );
  }

  /**
   * Records a row's end, trying again while the database cannot be reached (a restart, a failover) for as long as
   * half the lease: a message that went out but whose end is not recorded would be sent again once the lease expires.
   */
  function recordEnd(finish: () => Promise<boolean>, deadline: number): Promise<boolean> {
    return retryUntil(finish, deadline, {
      sleep,
      onRetry: (err, attempt, delay) => log.warn({ err, attempt, delay }, 'Could not record an outbox row as done; trying again'),
    });
  }

  /** A transient failure goes back to pending for a later try (1 min, 5, 30, then every 2 h); given up a day after queueing, or at once when retrying cannot help. */
  function afterFailure(message: ClaimedMessage, error: string, transient: boolean, attempts: number): MessageResult {
    const retryAt = transient ? nextRetryAt(message.createdAt, options.now()) : null;
    if (retryAt) {
      log.warn({ key: message.key, error, retryAt }, 'An outbox row was not accepted; it will be tried again later');
      return { status: 'retry', error, availableAt: retryAt, attempts };
    }
    return { status: 'failed', error, attempts };
  }

  async function sendOne(message: ClaimedMessage): Promise<void> {
    const deadline = Date.now() + leaseMs / 2;
    const conversation = message.conversationId ? await store.conversations.find(message.conversationId) : null;
    let result: MessageResult;
    if (!conversation) result = { status: 'unreachable', reason: 'never-talked', attempts: 0 };
    else {
      const sent = await notifier.send(conversation, message.reply);
      const { attempts } = sent;
      result =
        sent.outcome === 'sent'
          ? { status: 'sent', attempts }
          : sent.outcome === 'gone'
            ? { status: 'unreachable', reason: sent.reason, attempts }
            : afterFailure(message, sent.error, sent.transient, attempts);
    }
    const notices = await consequences(message, result, conversation?.kind ?? null);
    if (notices.length) noticesQueued = true;
    const recorded = await recordEnd(() => store.outbox.finish(message, result, options.now(), { notices }), deadline);
    if (!recorded) log.warn({ key: message.key }, 'An outbox row was taken over by another instance while this one sent it');
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const claimed = await store.outbox.claim({ instance, at: options.now(), leaseMs, limit: concurrency });
        noticesQueued = false;
        if (!claimed.length) break;
        await runPool(claimed, concurrency, (m) =>
          sendOne(m).catch((err: unknown) =>
            log.error({ err, key: m.key }, 'Could not send an outbox row; its lease will expire and it will be tried again'),
          ),
        );
        // fewer than asked for and no notices queued by their ends: nothing else was due when they were claimed, and
        // anything another producer queued since has woken the sender (another pass follows), so no claim that finds nothing
        if (claimed.length < concurrency && !noticesQueued) break;
      }
    } while (again);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((err: unknown) => log.error({ err }, 'The outbox sender could not read the outbox; trying again shortly'))
      .finally(() => {
        running = null;
      });
    return running;
  }

  return {
    wake: () => void setImmediate(() => void run()),
    async drain() {
      while (running) await running;
      await run();
    },
    start() {
      if (timer) return;
      unsubscribe = store.outbox.onQueued(() => void run());
      timer = setInterval(() => void run(), options.intervalMs ?? 2000);
      timer.unref();
      void run();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
      while (running) await running;
    },
  };
}
