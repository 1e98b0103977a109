import { confirmedAddresses, isPending, pendingAddress, pendingChatId, pendingExpiresAt } from '../plan/identity.js';
import { recordAudit } from './audit.js';
import type { Db } from './client.js';

/** A member of the partnership's team as the Teams roster describes them. */
export interface RosterMember {
  aadObjectId: string;
  chatId: string;
  displayName: string;
  email?: string | null;
  userPrincipalName?: string | null;
  tenantId?: string | null;
  guest: boolean;
}

const ROSTER = { label: 'Teams roster' };

/**
 * Records what Teams says about a member (creating them as a member if new; `inRoster` when it came from the
 * team's roster rather than a chat), then binds any unexpired grant waiting for an address the roster
 * confirmed for them. Returns the roles bound, for telling the person.
 */
export async function recordMember(
  db: Db,
  input: { partnership: string; member: RosterMember; now: Date; inRoster: boolean; pendingDays: number },
): Promise<{ personId: number; bound: { role: string; address: string }[] }> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) return { personId: 0, bound: [] };
  const m = input.member;
  const aad = m.aadObjectId.toLowerCase();
  const addresses = confirmedAddresses(m);
  const attributes = {
    aadObjectId: aad,
    displayName: m.displayName,
    guest: m.guest,
    ...(m.tenantId ? { tenantId: m.tenantId } : {}),
    ...(m.email ? { email: m.email.trim().toLowerCase() } : {}),
    ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName.trim().toLowerCase() } : {}),
    ...(input.inRoster ? { rosterSeenAt: input.now, removedAt: null } : {}),
  };
  const existing =
    (await db.person.findFirst({ where: { partnershipId: partnership.id, aadObjectId: aad } })) ??
    (await db.person.findFirst({ where: { partnershipId: partnership.id, chatId: m.chatId, aadObjectId: null } })) ??
    (await slackOnlyWithAddress(db, partnership.id, addresses));
  const chatIdTaken =
    existing?.chatId !== m.chatId && (await db.person.count({ where: { partnershipId: partnership.id, chatId: m.chatId } })) > 0;
  const row = existing
    ? await db.person.update({ where: { id: existing.id }, data: { ...attributes, ...(chatIdTaken ? {} : { chatId: m.chatId }) } })
    : await db.person.create({ data: { ...attributes, partnershipId: partnership.id, chatId: chatIdTaken ? `aad:${aad}` : m.chatId } });
  // a Slack person now known in Teams too: their Slack personal chat reaches them under their new chat id
  if (existing && existing.chatId !== row.chatId && existing.slackUserId)
    await db.conversationRef.updateMany({ where: { userChatId: existing.chatId, kind: 'personal' }, data: { userChatId: row.chatId } });
  const bound = await bindPendingGrants(db, {
    partnershipId: partnership.id,
    personId: row.id,
    subject: `${row.displayName} (${aad})`,
    addresses,
    now: input.now,
    pendingDays: input.pendingDays,
    confirmedBy: 'the Teams roster',
  });
  return { personId: row.id, bound };
}

/** A person known only from Slack whose Slack-confirmed email is one of these addresses (the same person, confirmed by both). */
async function slackOnlyWithAddress(db: Db, partnershipId: number, addresses: string[]) {
  if (!addresses.length) return null;
  return db.person.findFirst({ where: { partnershipId, aadObjectId: null, slackUserId: { not: null }, email: { in: addresses } } });
}

/**
 * Binds every unexpired grant waiting for one of the addresses a platform confirmed for this person (expired ones are
 * removed and audited on the way). Returns the roles bound, for telling the person.
 */
export async function bindPendingGrants(
  db: Db,
  input: {
    partnershipId: number;
    personId: number;
    subject: string;
    addresses: string[];
    now: Date;
    pendingDays: number;
    /** who confirmed the addresses, for the audit trail: "the Teams roster", "Slack" */
    confirmedBy: string;
  },
): Promise<{ role: string; address: string }[]> {
  const bound: { role: string; address: string }[] = [];
  for (const address of input.addresses) {
    const grant = await db.person.findFirst({ where: { partnershipId: input.partnershipId, chatId: pendingChatId(address) } });
    if (!grant) continue;
    if (pendingExpiresAt(grant.createdAt, input.pendingDays) <= input.now) {
      await expireGrant(db, input.partnershipId, grant, input.now);
      continue;
    }
    const current = await db.person.findUniqueOrThrow({ where: { id: input.personId } });
    await db.$transaction([
      db.updateRoundItem.updateMany({ where: { personId: grant.id }, data: { personId: input.personId } }),
      db.reminderMute.updateMany({ where: { personId: grant.id }, data: { personId: input.personId } }),
      db.person.delete({ where: { id: grant.id } }),
      db.person.update({
        where: { id: input.personId },
        data: {
          role: grant.role,
          organisationId: grant.organisationId ?? current.organisationId,
          panelMember: grant.panelMember || current.panelMember,
        },
      }),
    ]);
    await recordAudit(db, {
      partnershipId: input.partnershipId,
      at: input.now,
      actor: input.confirmedBy === 'the Teams roster' ? ROSTER : { label: input.confirmedBy },
      action: 'role.bound',
      subject: input.subject,
      detail: {
        from: current.role,
        to: grant.role,
        how: `${address} confirmed by ${input.confirmedBy}`,
        grantedAt: grant.createdAt.toISOString(),
      },
    });
    bound.push({ role: grant.role, address });
  }
  return bound;
}

async function expireGrant(
  db: Db,
  partnershipId: number,
  grant: { id: number; chatId: string; email: string | null; role: string; createdAt: Date },
  now: Date,
) {
  await db.person.delete({ where: { id: grant.id } });
  await recordAudit(db, {
    partnershipId,
    at: now,
    actor: { label: 'Prevent plan bot' },
    action: 'role.expired',
    subject: `${pendingAddress(grant) ?? grant.chatId} (waiting for the Teams roster)`,
    detail: { from: grant.role, to: 'none', how: 'not confirmed by the Teams roster in time', grantedAt: grant.createdAt.toISOString() },
  });
}

/** A member left the partnership's team: no role, no panel, no reminders; their history stays attributed to them. */
export async function removeMember(
  db: Db,
  input: {
    partnership: string;
    aadObjectId?: string | null;
    chatId: string;
    now: Date;
    /** who saw them leave, and how, for the audit (default: the Teams roster, "removed from the team") */
    seenBy?: { label: string; how: string };
  },
): Promise<boolean> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) return false;
  const row = await db.person.findFirst({
    where: {
      partnershipId: partnership.id,
      ...(input.aadObjectId ? { aadObjectId: input.aadObjectId.toLowerCase() } : { chatId: input.chatId }),
    },
  });
  if (!row || row.removedAt) return false;
  await db.person.update({
    where: { id: row.id },
    data: { removedAt: input.now, role: 'member', panelMember: false, digestEnabled: false },
  });
  await db.reminderMute.deleteMany({ where: { personId: row.id } });
  await recordAudit(db, {
    partnershipId: partnership.id,
    at: input.now,
    actor: input.seenBy ? { label: input.seenBy.label } : ROSTER,
    action: 'roster.removed',
    subject: `${row.displayName} (${row.aadObjectId ?? row.chatId})`,
    detail: { from: row.role, to: 'member', how: input.seenBy?.how ?? 'removed from the team', panelMember: row.panelMember },
  });
  return true;
}

/** People in the partnership's team now (as the roster last said), by display name. */
export async function listRoster(db: Db, partnership: string) {
  return db.person.findMany({
    where: { partnership: { name: partnership }, rosterSeenAt: { not: null }, removedAt: null, aadObjectId: { not: null } },
    include: { organisation: { select: { name: true } } },
    orderBy: { displayName: 'asc' },
  });
}

/** Grants waiting to be bound, with when each expires; expired ones are removed (and audited) on the way. */
export async function listPendingGrants(db: Db, partnership: string, now: Date, pendingDays: number) {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, chatId: { startsWith: 'pending:' } },
    include: { organisation: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const waiting = [];
  for (const r of rows.filter(isPending)) {
    const expiresAt = pendingExpiresAt(r.createdAt, pendingDays);
    if (expiresAt <= now) await expireGrant(db, r.partnershipId, r, now);
    else
      waiting.push({
        address: pendingAddress(r),
        label: r.displayName,
        role: r.role,
        organisation: r.organisation?.name ?? null,
        grantedAt: r.createdAt,
        expiresAt,
      });
  }
  return waiting;
}

/** True when the people table knows this object id in the partnership and they have not left it. */
export async function isKnownMember(db: Db, partnership: string, aadObjectId: string): Promise<boolean> {
  return (
    (await db.person.count({ where: { partnership: { name: partnership }, aadObjectId: aadObjectId.toLowerCase(), removedAt: null } })) > 0
  );
}

/** What the people table knows of someone: null when nothing; else whether the roster has described them. */
export async function rosterState(db: Db, partnership: string, aadObjectId: string): Promise<{ fromRoster: boolean } | null> {
  const row = await db.person.findFirst({
    where: { partnership: { name: partnership }, aadObjectId: aadObjectId.toLowerCase() },
    select: { rosterSeenAt: true, email: true },
  });
  return row ? { fromRoster: Boolean(row.rosterSeenAt || row.email) } : null;
}

/** The partnerships whose people table knows this object id (and they have not left). */
export async function partnershipsKnowing(db: Db, aadObjectId: string): Promise<string[]> {
  const rows = await db.person.findMany({
    where: { aadObjectId: aadObjectId.toLowerCase(), removedAt: null },
    select: { partnership: { select: { name: true } } },
  });
  return [...new Set(rows.map((r) => r.partnership.name))];
}

/** The role in a partnership of the person with this Entra object id (null: not known there, or left). */
export async function roleOf(db: Db, partnership: string, aadObjectId: string): Promise<string | null> {
  const row = await db.person.findFirst({
    where: { aadObjectId: aadObjectId.toLowerCase(), removedAt: null, partnership: { name: partnership } },
    select: { role: true },
  });
  return row?.role ?? null;
}

/** A partnership's Microsoft 365 tenant, or null. */
export async function partnershipTenant(db: Db, partnership: string): Promise<string | null> {
  return (await db.partnership.findUnique({ where: { name: partnership }, select: { tenantId: true } }))?.tenantId ?? null;
}
