import type { Reply } from '../core/types.js';
import { logger } from '../logger.js';
import type { Notifier, SendOutcome } from './notifier.js';
import type { StoredConversation } from '../store/conversations.js';

const log = logger('jobs');

/** Runs a worker over items with at most `concurrency` at once; results keep the items' order. */
export async function runPool<T, R>(items: T[], concurrency: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** One recipient of a fan-out: who, and their conversation (null when they have never talked to the bot). */
export interface Recipient {
  name: string;
  conversation: StoredConversation | null;
}

/** What happened to one send of a fan-out. */
export type Delivery = SendOutcome | 'unreachable';

/** Sends one reply to many people at once (the notifier paces the rate); one failing send never stops the others. */
export async function sendEach(
  notifier: Notifier,
  recipients: Recipient[],
  reply: Reply,
  concurrency = 8,
): Promise<{ name: string; outcome: Delivery }[]> {
  return runPool(recipients, concurrency, async (r) => {
    if (!r.conversation) return { name: r.name, outcome: 'unreachable' as const };
    try {
      return { name: r.name, outcome: await notifier.send(r.conversation, reply) };
    } catch (err) {
      log.error({ err, conversationId: r.conversation.conversationId }, 'A proactive send threw; carrying on with the others');
      return { name: r.name, outcome: 'failed' as const };
    }
  });
}

/** "sent to 3 of 4; not reached: Sam (no personal chat)". */
export function describeDeliveries(deliveries: { name: string; outcome: Delivery }[]): string {
  const sent = deliveries.filter((d) => d.outcome === 'sent').length;
  const missed = deliveries
    .filter((d) => d.outcome !== 'sent')
    .map((d) => `${d.name} (${d.outcome === 'unreachable' ? 'no personal chat' : d.outcome})`);
  return `sent to ${sent} of ${deliveries.length}${missed.length ? `; not reached: ${missed.join(', ')}` : ''}`;
}
