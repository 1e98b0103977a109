import type { Store } from '../../store/database.js';

/** Records a role change in the audit trail: who changed it, whose role (by record number, never by name) and the new role. */
export async function auditRoleChange(
  store: Store,
  partnership: string,
  actor: { personId: number | null; label: string },
  person: { id: number; role: string; organisation: string | null },
  at: Date,
): Promise<void> {
  await store.privacy.audit(partnership, {
    at,
    actorPersonId: actor.personId,
    actorLabel: actor.label,
    action: 'role.change',
    subject: `person ${person.id}`,
    detail: `now ${person.role}${person.organisation ? ` for ${person.organisation}` : ''}`,
  });
}
