import type { Db } from './client.js';

/** How the default partnership is shared out: in production only to the bot's own tenant (MicrosoftAppTenantId). */
export interface DefaultPartnershipPolicy {
  production: boolean;
  ownTenantId?: string;
}

/**
 * The partnership a new conversation belongs to: the one linked to its Microsoft 365 tenant, else the
 * default partnership when no partnership is linked to any tenant (a single-partnership deployment), else none.
 * In production the default partnership never serves an unlinked tenant other than the bot's own.
 */
export async function partnershipForTenant(
  db: Db,
  tenantId: string | undefined | null,
  defaultPartnership: string,
  policy: DefaultPartnershipPolicy = { production: false },
): Promise<string | null> {
  if (tenantId) {
    const linked = await db.partnership.findFirst({ where: { tenantId }, orderBy: { id: 'asc' }, select: { name: true } });
    if (linked) return linked.name;
  }
  if (policy.production) return tenantId && policy.ownTenantId && tenantId === policy.ownTenantId ? defaultPartnership : null;
  const anyLinked = await db.partnership.count({ where: { tenantId: { not: null } } });
  return anyLinked === 0 ? defaultPartnership : null;
}

/** Names among these that are already partnerships in the database. */
export async function existingPartnerships(db: Db, names: string[]): Promise<string[]> {
  const rows = await db.partnership.findMany({ where: { name: { in: names } }, select: { name: true } });
  return rows.map((r) => r.name);
}

/** Links a partnership (created if new) to a tenant, so conversations from that tenant belong to it. */
export async function linkPartnershipToTenant(db: Db, partnership: string, tenantId: string): Promise<void> {
  await db.partnership.upsert({ where: { name: partnership }, create: { name: partnership, tenantId }, update: { tenantId } });
}
