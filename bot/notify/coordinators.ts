import type { Reply } from '../core/types.js';
import type { Store } from '../store/database.js';
import type { Notifier, SendOutcome } from './notifier.js';

/** Sends a message to every coordinator of a partnership in personal chat; returns who could not be reached. */
export async function tellCoordinators(
  store: Store,
  notifier: Notifier,
  partnership: string,
  reply: Reply,
): Promise<{ reached: string[]; unreachable: string[] }> {
  const coordinators = await store.people.coordinators(partnership);
  const reached: string[] = [];
  const unreachable: string[] = [];
  for (const person of coordinators) {
    const conversation = await store.conversations.personal(person.chatId);
    const outcome: SendOutcome = conversation ? await notifier.send(conversation, reply) : 'gone';
    (outcome === 'sent' ? reached : unreachable).push(person.displayName);
  }
  return { reached, unreachable };
}
