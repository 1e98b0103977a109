import type { Config } from '../config.js';
import type { Store } from '../store/database.js';
import type { DefaultPartnershipPolicy } from '../store/partnerships.js';

/** The default partnership's reach from the configuration: in production, only the bot's own tenant. */
export function defaultPolicy(config: Config): DefaultPartnershipPolicy {
  return { production: config.NODE_ENV === 'production', ownTenantId: config.MicrosoftAppTenantId };
}

const told = new WeakMap<object, Set<string>>();

/** True the first time this process refuses a conversation from an unlinked tenant: it is told once, and nothing is stored. */
export function firstRefusal(db: object, conversationId: string): boolean {
  const seen = told.get(db) ?? new Set<string>();
  told.set(db, seen);
  if (seen.has(conversationId)) return false;
  seen.add(conversationId);
  return true;
}

/**
 * The partnership whose board a signed-in tab user may see: their tenant's partnership when its people table
 * or roster knows them, else the one partnership that knows their object id (a guest or a shared-channel
 * user from another tenant); null when none does.
 */
export async function partnershipForTabUser(
  store: Store,
  config: Config,
  user: { tenantId: string; objectId: string | null },
): Promise<string | null> {
  if (!user.objectId) return null;
  const knownIn = await store.roster.partnershipsKnowing(user.objectId);
  const byTenant = await store.partnerships.forTenant(user.tenantId, config.DEFAULT_PARTNERSHIP, defaultPolicy(config));
  if (byTenant && knownIn.includes(byTenant)) return byTenant;
  return knownIn.length === 1 ? (knownIn[0] ?? null) : null;
}
