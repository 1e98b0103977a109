import type { Services } from '../bot/core/context.js';
import { tellCoordinators } from '../bot/notify/coordinators.js';
import { buildUnreachableCard } from '../cards/reminder-card.js';
import type { Delivery, Recipient } from '../bot/notify/fan-out.js';

/** People's personal chats with the bot (never a channel or group chat); null for people the bot has never talked to. */
export async function personalRecipients(services: Services, people: { displayName: string; chatId: string }[]): Promise<Recipient[]> {
  return Promise.all(
    people.map(async (p) => {
      const conversation = await services.store.conversations.personal(p.chatId);
      return { name: p.displayName, conversation: conversation?.kind === 'personal' ? conversation : null };
    }),
  );
}

/** Tells a partnership's coordinators who a reminder did not reach (names only, never case details). */
export async function reportUnreached(
  services: Services,
  partnership: string,
  what: string,
  deliveries: { name: string; outcome: Delivery }[],
): Promise<string> {
  const missed = deliveries.filter((d) => d.outcome !== 'sent').map((d) => d.name);
  if (missed.length === 0) return '';
  const told = await tellCoordinators(services.store, services.notifier, partnership, buildUnreachableCard({ what, people: missed }));
  return told.reached.length ? `; coordinators told (${told.reached.join(', ')})` : '; no coordinator could be told';
}
