import { buildMessageCard } from '../../../cards/message-card.js';
import { dateIn, formatDate } from '../../plan/dates.js';
import { isExternal } from '../../plan/identity.js';
import type { MessageInput, Reply } from '../../core/context.js';

/** Patterns for the identity questions, registered in bot/routes/commands.ts. */
export const IDENTITY_PATTERNS = {
  /** "who is waiting to be bound?", "pending roles" */
  pendingGrants: /^(?:who\s+is\s+waiting\s+to\s+be\s+bound|pending\s+(?:roles|grants)|waiting\s+grants)\??$/i,
  /** "who is in the partnership?", "who is in the team?" */
  roster: /^(?:who\s+is\s+in\s+(?:the\s+)?(?:partnership|team)|list\s+members|roster)\??$/i,
  /** "who changed roles?", "role changes", "audit" */
  audit: /^(?:who\s+changed\s+roles|role\s+changes|audit(?:\s+trail)?)\??$/i,
};

const day = (d: Date) => formatDate(dateIn(d, 'Europe/London'));

/** "who is waiting to be bound?": grants by email waiting for the Teams roster, with when each lapses (coordinators). */
export async function pendingGrantsHandler(input: MessageInput): Promise<Reply> {
  const { services } = input;
  const waiting = await services.store.roster.pendingGrants(input.partnership, services.now(), services.config.PENDING_GRANT_DAYS);
  if (!waiting.length) return buildMessageCard({ lines: ['No grants are waiting to be bound.'] });
  return buildMessageCard({
    title: 'Waiting for the Teams roster to confirm',
    lines: waiting.map((w) =>
      w.address
        ? `${w.address}: ${w.role}${w.organisation ? ` for ${w.organisation}` : ''}, granted ${day(w.grantedAt)}, lapses ${day(w.expiresAt)}`
        : `"${w.label}": granted by name before names stopped counting; it will never be bound. Grant again by @mention or email.`,
    ),
  });
}

/** "who is in the partnership?": the team's members as the Teams roster last said, guests and other organisations marked. */
export async function rosterHandler(input: MessageInput): Promise<Reply> {
  const { store } = input.services;
  const people = await store.roster.list(input.partnership);
  if (!people.length) return buildMessageCard({ lines: ['I have not seen the team roster yet: add me to the partnership’s team.'] });
  const tenant = await store.roster.tenantOf(input.partnership);
  return buildMessageCard({
    title: `In the partnership (${people.length})`,
    lines: people.map((p) => {
      const notes = [
        p.role !== 'member' ? `${p.role}${p.organisation ? ` for ${p.organisation.name}` : ''}` : null,
        p.guest ? 'guest' : isExternal({ guest: false, tenantId: p.tenantId }, tenant) ? 'from another organisation’s tenant' : null,
      ].filter(Boolean);
      return `${p.displayName}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    }),
  });
}

/** "who changed roles?": the newest role changes and bindings, who made them and how (coordinators). */
export async function auditHandler(input: MessageInput): Promise<Reply> {
  const entries = await input.services.store.audit.list(input.partnership, { limit: 20 });
  if (!entries.length) return buildMessageCard({ lines: ['No role changes have been recorded yet.'] });
  return buildMessageCard({ title: 'Role changes, newest first', lines: entries.map(describeEntry) });
}

/** One audit entry in words. */
export function describeEntry(e: { at: Date; actor: string; action: string; subject: string; detail: Record<string, unknown> }): string {
  const d = e.detail;
  const change = d.from !== undefined ? `${String(d.from)} → ${String(d.to)}` : '';
  return `${day(e.at)}: ${e.actor} ${e.action} ${e.subject}${change ? `: ${change}` : ''}${d.how ? ` (${String(d.how)})` : ''}`;
}
