import type { Services } from '../bot/core/context.js';
import { coordinatorNotices } from '../bot/notify/messages.js';
import type { OutboxInput } from '../bot/store/outbox.js';
import { buildUnreachableCard } from '../cards/reminder-card.js';

/**
 * Notices telling a partnership's coordinators who a reminder cannot reach (names only, never case details), for the
 * people already known to be unreachable when it is queued; those refused at send time are told by the outbox sender.
 */
export async function unreachedNotices(
  services: Services,
  partnership: string,
  keyPrefix: string,
  what: string,
  messages: OutboxInput[],
): Promise<{ notices: OutboxInput[]; line: string }> {
  const missed = messages.filter((m) => m.unreachable).map((m) => m.recipient);
  if (missed.length === 0) return { notices: [], line: '' };
  const notices = await coordinatorNotices(
    services.store,
    partnership,
    `${keyPrefix}:unreached`,
    buildUnreachableCard({ what, people: missed }),
  );
  const told = notices.filter((n) => !n.unreachable).map((n) => n.recipient);
  return { notices, line: told.length ? `; coordinators told (${told.join(', ')})` : '; no coordinator could be told' };
}
