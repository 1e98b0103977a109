import { buildMessageCard } from '../../../cards/message-card.js';
import { RoleSchema } from '../../plan/types.js';
import type { MessageInput, Reply } from '../../core/context.js';

/** "make Ali Burlington a lead for CST": coordinators only. */
export async function makeRoleHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const who = match[1]!.trim();
  const role = RoleSchema.parse(match[2]!.toLowerCase());
  const person = await input.services.store.people.grantRole({ partnership: input.partnership, who, role, organisation: match[3]?.trim() });
  const pending = person.chatId.startsWith('pending:')
    ? ` When ${person.displayName} first talks to me, I will recognise them by name.`
    : '';
  return buildMessageCard({
    lines: [`${person.displayName} is now a ${person.role}${person.organisation ? ` for ${person.organisation}` : ''}.${pending}`],
  });
}

/** "who are the leads?": coordinators and leads with their organisations. */
export async function whoAreLeadsHandler(input: MessageInput): Promise<Reply> {
  const people = await input.services.store.people.roleHolders(input.partnership);
  if (!people.length)
    return buildMessageCard({ lines: ['Nobody has a role yet. A coordinator can say "make Ali Burlington a lead for CST".'] });
  const coordinators = people.filter((p) => p.role === 'coordinator').map((p) => p.displayName);
  const leads = people.filter((p) => p.role === 'lead').map((p) => `${p.displayName} (${p.organisation ?? 'no organisation'})`);
  return buildMessageCard({
    title: 'Who can update actions',
    lines: [
      `Coordinators (any action): ${coordinators.join(', ') || 'none yet'}`,
      `Leads (their organisation's actions): ${leads.join(', ') || 'none yet'}`,
    ],
  });
}
