import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import type { WithPerson } from '../../routes/route.js';
import { mentionedPerson } from './roles.js';

/** "add @Ali Burlington to the Channel panel" (or an email): coordinators only; never by display name. */
export async function addToPanelHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const who = (match[1] ?? '').trim();
  const person = await input.services.store.panel.set({
    partnership: input.partnership,
    who,
    member: true,
    person: who.startsWith('@') ? mentionedPerson(input, who) : undefined,
    actor: { personId: input.person.id, label: input.person.displayName },
    now: input.services.now(),
  });
  const pending = person.chatId.startsWith('pending:')
    ? ` It takes effect when the Teams roster confirms ${person.displayName} for someone in the partnership's team; panel reminders need a personal chat with me.`
    : '';
  return buildMessageCard({
    lines: [`${person.displayName} is now on the Channel panel and will get panel reminders in personal chat.${pending}`],
  });
}

/** "remove @Ali Burlington from the Channel panel": coordinators only. */
export async function removeFromPanelHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const who = (match[1] ?? '').trim();
  const person = await input.services.store.panel.set({
    partnership: input.partnership,
    who,
    member: false,
    person: who.startsWith('@') ? mentionedPerson(input, who) : undefined,
    actor: { personId: input.person.id, label: input.person.displayName },
    now: input.services.now(),
  });
  return buildMessageCard({ lines: [`${person.displayName} is no longer on the Channel panel.`] });
}

/** "who is on the Channel panel?": coordinators only. */
export async function listPanelHandler(input: MessageInput): Promise<Reply> {
  const members = await input.services.store.panel.list(input.partnership);
  return buildMessageCard({
    lines: [
      members.length
        ? `Channel panel members: ${members.map((m) => m.displayName).join(', ')}.`
        : 'Nobody is on the Channel panel yet. Say "add @name to the Channel panel".',
    ],
  });
}
