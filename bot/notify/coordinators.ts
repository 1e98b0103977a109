import type { Reply } from '../handlers/context.js';
import type { Db } from '../store/database.js';
import { personalConversation } from '../store/conversations.js';
import type { Notifier, SendOutcome } from './notifier.js';

/** Sends a message to every coordinator of a partnership in personal chat; returns who could not be reached. */
export async function tellCoordinators(
  db: Db,
  notifier: Notifier,
  partnership: string,
  reply: Reply,
): Promise<{ reached: string[]; unreachable: string[] }> {
  const coordinators = await db.person.findMany({
    where: { partnership: { name: partnership }, role: 'coordinator' },
    orderBy: { displayName: 'asc' },
  });
  const reached: string[] = [];
  const unreachable: string[] = [];
  for (const person of coordinators) {
    const conversation = await personalConversation(db, person.chatId);
    const outcome: SendOutcome = conversation ? await notifier.send(conversation, reply) : 'gone';
    (outcome === 'sent' ? reached : unreachable).push(person.displayName);
  }
  return { reached, unreachable };
}
