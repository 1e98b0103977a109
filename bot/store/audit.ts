import type { Db } from './client.js';

/** Who acted: a person of the partnership, or a label such as "CLI (operator)" or "Teams roster". */
export interface AuditActor {
  personId?: number | null;
  label: string;
}

/** One audit line as shown to coordinators and by `npm run cli -- audit`. */
export interface AuditLine {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

type Tx = Pick<Db, 'auditEntry'>;

/** Records one entry in the partnership's audit trail (inside the caller's transaction when given one). */
export async function recordAudit(
  db: Tx,
  entry: { partnershipId: number; at: Date; actor: AuditActor; action: string; subject: string; detail?: Record<string, unknown> },
): Promise<void> {
  await db.auditEntry.create({
    data: {
      partnershipId: entry.partnershipId,
      at: entry.at,
      actorPersonId: entry.actor.personId ?? null,
      actorLabel: entry.actor.label,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  });
}

/** The newest audit entries of a partnership (optionally only actions starting with a prefix such as "role."), newest first. */
export async function listAudit(db: Db, partnership: string, options: { limit?: number; prefix?: string } = {}): Promise<AuditLine[]> {
  const rows = await db.auditEntry.findMany({
    where: { partnership: { name: partnership }, ...(options.prefix ? { action: { startsWith: options.prefix } } : {}) },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 50,
  });
  return rows.map((r) => ({
    at: r.at,
    actor: r.actorLabel,
    action: r.action,
    subject: r.subject,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
