import { buildMessageCard } from '../../../cards/message-card.js';
import { listPanelMembers, setPanelMember } from '../../store/panel.js';
import type { MessageInput, Reply } from '../context.js';
import { coordinatorOrRefusal } from './coordinator-only.js';
import { mentionedPerson } from './roles.js';

/** "add @Ali Burlington to the Channel panel" (or an email): coordinators only; never by display name. */
export async function addToPanelHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const me = await coordinatorOrRefusal(input, 'change the Channel panel');
  if ('refusal' in me) return me.refusal;
  const who = (match[1] ?? '').trim();
  const mentioned = who.startsWith('@') ? mentionedPerson(input, who) : undefined;
  const actor = { personId: me.person.id, label: me.person.displayName };
  const now = input.services.now();
  const person = await setPanelMember(input.services.store.db, {
    partnership: input.partnership,
    who,
    member: true,
    person: mentioned,
    actor,
    now,
  });
  const pending = person.chatId.startsWith('pending:')
    ? ` It takes effect when the Teams roster confirms ${person.displayName} for someone in the partnership's team; panel reminders need a personal chat with me.`
    : '';
  return buildMessageCard({
    lines: [`${person.displayName} is now on the Channel panel and will get panel reminders in personal chat.${pending}`],
  });
}

/** "remove Ali Burlington from the Channel panel": coordinators only. */
export async function removeFromPanelHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const me = await coordinatorOrRefusal(input, 'change the Channel panel');
  if ('refusal' in me) return me.refusal;
  const who = (match[1] ?? '').trim();
  const mentioned = who.startsWith('@') ? mentionedPerson(input, who) : undefined;
  const actor = { personId: me.person.id, label: me.person.displayName };
  const now = input.services.now();
  const person = await setPanelMember(input.services.store.db, {
    partnership: input.partnership,
    who,
    member: false,
    person: mentioned,
    actor,
    now,
  });
  return buildMessageCard({ lines: [`${person.displayName} is no longer on the Channel panel.`] });
}

/** "who is on the Channel panel?": coordinators only. */
export async function listPanelHandler(input: MessageInput): Promise<Reply> {
  const me = await coordinatorOrRefusal(input, 'see who is on the Channel panel');
  if ('refusal' in me) return me.refusal;
  const members = await listPanelMembers(input.services.store.db, input.partnership);
  return buildMessageCard({
    lines: [
      members.length
        ? `Channel panel members: ${members.map((m) => m.displayName).join(', ')}.`
        : 'Nobody is on the Channel panel yet. Say "add <name> to the Channel panel".',
    ],
  });
}
