import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';

/** "add Ali Burlington to the Channel panel": coordinators only. */
export async function addToPanelHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const person = await input.services.store.panel.set({ partnership: input.partnership, who: match[1]!.trim(), member: true });
  const pending = person.chatId.startsWith('pending:')
    ? ` I will recognise ${person.displayName} by name when they first talk to me; panel reminders need a personal chat with me.`
    : '';
  return buildMessageCard({
    lines: [`${person.displayName} is now on the Channel panel and will get panel reminders in personal chat.${pending}`],
  });
}

/** "remove Ali Burlington from the Channel panel": coordinators only. */
export async function removeFromPanelHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const person = await input.services.store.panel.set({ partnership: input.partnership, who: match[1]!.trim(), member: false });
  return buildMessageCard({ lines: [`${person.displayName} is no longer on the Channel panel.`] });
}

/** "who is on the Channel panel?": coordinators only. */
export async function listPanelHandler(input: MessageInput): Promise<Reply> {
  const members = await input.services.store.panel.list(input.partnership);
  return buildMessageCard({
    lines: [
      members.length
        ? `Channel panel members: ${members.map((m) => m.displayName).join(', ')}.`
        : 'Nobody is on the Channel panel yet. Say "add <name> to the Channel panel".',
    ],
  });
}
