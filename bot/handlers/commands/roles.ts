import { buildMessageCard } from '../../../cards/message-card.js';
import { dateIn, formatDate } from '../../plan/dates.js';
import { pendingExpiresAt } from '../../plan/identity.js';
import { RoleSchema } from '../../plan/types.js';
import { AppError } from '../../errors.js';
import type { MessageInput, Reply } from '../../core/context.js';
import type { WithPerson } from '../../routes/route.js';
import type { PlatformPerson } from '../../store/people.js';

/** The person an "@Name" in the command stands for: the mention Teams sent with this message (its ids say who). */
export function mentionedPerson(input: MessageInput, who: string): PlatformPerson | undefined {
  const name = who.replace(/^@/, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return input.mentions?.find((m) => m.displayName.replace(/\s+/g, ' ').trim().toLowerCase() === name);
}

/** "make @Ali Burlington a lead for CST" or "make ali@example.org a coordinator": coordinators only; never by display name. */
export async function makeRoleHandler(input: WithPerson<MessageInput>, match: RegExpMatchArray): Promise<Reply> {
  const who = (match[1] ?? '').trim();
  const role = RoleSchema.parse((match[2] ?? '').toLowerCase());
  const person = who.startsWith('@') ? mentionedPerson(input, who) : undefined;
  if (who.startsWith('@') && !person) {
    throw new AppError(
      'INVALID_INPUT',
      `I could not see whom "${who}" mentions. Pick them from the @mention list as you type, then send again.`,
    );
  }
  const now = input.services.now();
  const granted = await input.services.store.people.grantRole({
    partnership: input.partnership,
    role,
    organisation: match[3]?.trim(),
    ...(person ? { person } : { who }),
    actor: { personId: input.person.id, label: input.person.displayName },
    how: person ? '@mention in chat' : 'email in chat',
    now,
  });
  const as = `a ${granted.role}${granted.organisation ? ` for ${granted.organisation}` : ''}`;
  if (granted.pending) {
    const until = formatDate(dateIn(pendingExpiresAt(now, input.services.config.PENDING_GRANT_DAYS), 'Europe/London'));
    return buildMessageCard({
      lines: [
        `${granted.email} will be ${as} once the Teams roster confirms that address for someone in the partnership's team (when they first talk to me or join the team). The grant waits until ${until}. "who is waiting to be bound?" lists waiting grants.`,
      ],
    });
  }
  return buildMessageCard({ lines: [`${granted.displayName} is now ${as}.`] });
}

/** "who are the leads?": coordinators and leads with their organisations. */
export async function whoAreLeadsHandler(input: MessageInput): Promise<Reply> {
  const people = await input.services.store.people.roleHolders(input.partnership);
  if (!people.length)
    return buildMessageCard({ lines: ['Nobody has a role yet. A coordinator can say "make @Ali Burlington a lead for CST".'] });
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
