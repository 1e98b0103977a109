import type { Reply } from '../core/types.js';
import type { Store } from '../store/database.js';
import type { OutboxInput, OutboxKind, ReachFailure } from '../store/outbox.js';

/** Someone a personal message is for. */
export interface PersonTarget {
  id: number;
  chatId: string;
  displayName: string;
}

/** Why someone could not be reached, in a few words for a job's log line and a coordinator's confirmation. */
export const REACH_WORDS: Record<ReachFailure, string> = {
  'never-talked': 'has not added me in personal chat',
  removed: 'has removed the app',
  blocked: 'has blocked me',
  disabled: 'has the app turned off by an administrator',
  'removed-or-blocked': 'has removed or blocked me',
};

/**
 * A personal message to a person, ready to queue: to their personal chat with the bot (never a channel or group
 * chat), or recorded as unreachable when they have none or it was refused before.
 */
export async function personalMessage(
  store: Store,
  input: { key: string; partnership: string; kind: OutboxKind; person: PersonTarget; reply: Reply; roundId?: number; onFailure?: string },
): Promise<OutboxInput> {
  const { person, ...rest } = input;
  return { ...rest, personId: person.id, recipient: person.displayName, ...(await personalReach(store, person.chatId)) };
}

/** Where a person's personal messages go: their personal chat with the bot, or why there is none to use. */
export async function personalReach(store: Store, chatId: string): Promise<{ conversationId: string | null; unreachable?: ReachFailure }> {
  const conversation = chatId.startsWith('pending:') ? null : await store.conversations.personal(chatId);
  if (conversation?.kind !== 'personal') return { conversationId: null, unreachable: 'never-talked' };
  if (!conversation.active)
    return { conversationId: conversation.conversationId, unreachable: conversation.inactiveReason ?? 'removed-or-blocked' };
  return { conversationId: conversation.conversationId };
}

/** The same message to several people, one row each, keyed `<keyPrefix>:person:<id>`. */
export async function personalMessages(
  store: Store,
  input: { keyPrefix: string; partnership: string; kind: OutboxKind; people: PersonTarget[]; reply: Reply; onFailure?: string },
): Promise<OutboxInput[]> {
  const { keyPrefix, people, ...rest } = input;
  return Promise.all(people.map((person) => personalMessage(store, { ...rest, person, key: `${keyPrefix}:person:${person.id}` })));
}

/** A notice to every coordinator of a partnership in personal chat, keyed `<keyPrefix>:person:<id>`. */
export async function coordinatorNotices(store: Store, partnership: string, keyPrefix: string, reply: Reply): Promise<OutboxInput[]> {
  const coordinators = await store.people.coordinators(partnership);
  return personalMessages(store, { keyPrefix, partnership, kind: 'notice', people: coordinators, reply });
}

/** "queued for 3 of 4; not reached: Sam (has not added me in personal chat)", for a job's log line. */
export function describeQueued(messages: OutboxInput[]): string {
  const queued = messages.filter((m) => !m.unreachable).length;
  const missed = messages.flatMap((m) => (m.unreachable ? [`${m.recipient} (${REACH_WORDS[m.unreachable]})`] : []));
  return `queued for ${queued} of ${messages.length}${missed.length ? `; not reached: ${missed.join(', ')}` : ''}`;
}
