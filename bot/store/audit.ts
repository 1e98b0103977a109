import type { Db } from './client.js';

/** One audit entry: who did what to whom, never the content of anything personal. */
export interface AuditInput {
  partnershipId: number;
  at: Date;
  actorPersonId: number | null;
  actorLabel: string;
  action: string;
  subject: string;
  detail?: string;
}

/** Records an audit entry (use the transaction client when it belongs to a change). */
export async function audit(db: Pick<Db, 'auditEntry'>, entry: AuditInput): Promise<void> {
  await db.auditEntry.create({ data: { ...entry, detail: entry.detail ?? '' } });
}

/** Records an audit entry for a partnership named in words; nothing when there is no such partnership. */
export async function auditByName(db: Db, partnership: string, entry: Omit<AuditInput, 'partnershipId'>): Promise<void> {
  const row = await db.partnership.findUnique({ where: { name: partnership }, select: { id: true } });
  if (row) await audit(db, { ...entry, partnershipId: row.id });
}
