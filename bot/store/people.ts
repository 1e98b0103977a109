import type { Role } from '../plan/types.js';
import { AppError } from '../errors.js';
import { classifyGrantee, displayNameRefusal, isPending, pendingChatId } from '../plan/identity.js';
import { recordAudit, type AuditActor } from './audit.js';
import type { Db } from './client.js';
import { peopleOf, rowToInfo, senderCandidates, type PersonInfo } from './people-rows.js';

export type { PersonInfo } from './people-rows.js';

/** A person the platform identified: from an @mention, the Teams roster, or an authenticated activity. */
export interface PlatformPerson {
  chatId: string;
  displayName: string;
  aadObjectId?: string | null;
  tenantId?: string | null;
}

const withOrg = { organisation: { select: { name: true } } } as const;
/** A person row as Prisma returns it with its organisation's name. */
type PrismaPerson = Omit<Parameters<typeof rowToInfo>[0], 'organisation'> & { organisation: { name: string } | null };
const toInfo = (p: PrismaPerson): PersonInfo => rowToInfo({ ...p, organisation: p.organisation?.name ?? null });

const CLI_ACTOR: AuditActor = { label: 'CLI (operator)' };

/**
 * Finds a person of a partnership for an operator's CLI command: by chat id, object id, confirmed email or UPN,
 * or by display name only when exactly one person has it (two people can share a name: then the operator is asked
 * to say which by email or id, never given the first one).
 */
export async function findPerson(db: Db, partnership: string, who: string): Promise<PersonInfo | null> {
  const people = await db.person.findMany({ where: { partnership: { name: partnership } }, include: withOrg });
  const key = who.trim().toLowerCase();
  const byId =
    people.find((p) => p.chatId.toLowerCase() === key || p.aadObjectId?.toLowerCase() === key) ??
    people.find((p) => p.email?.toLowerCase() === key || p.userPrincipalName?.toLowerCase() === key);
  if (byId) return toInfo(byId);
  const named = people.filter((p) => p.displayName.toLowerCase() === key);
  if (named.length > 1) {
    const which = named.map((p) => p.email ?? p.userPrincipalName ?? p.aadObjectId ?? p.chatId).join(', ');
    throw new AppError(
      'INVALID_INPUT',
      `${named.length} people in ${partnership} are called "${who.trim()}": say which by email or id (${which}).`,
    );
  }
  return named[0] ? toInfo(named[0]) : null;
}

/** Resolves an organisation by name or alias, ignoring case; NOT_FOUND names the known ones. */
export async function resolveOrganisation(db: Db, partnership: string, nameOrAlias: string): Promise<{ id: number; name: string }> {
  const orgs = await db.organisation.findMany({ where: { partnership: { name: partnership } } });
  const key = nameOrAlias.trim().toLowerCase();
  const org =
    orgs.find((o) => o.name.toLowerCase() === key) ??
    orgs.find((o) => (JSON.parse(o.aliases) as string[]).some((a) => a.toLowerCase() === key));
  if (!org) {
    throw new AppError(
      'NOT_FOUND',
      `I don't know an organisation called "${nameOrAlias}". Known organisations: ${orgs.map((o) => o.name).join(', ')}.`,
    );
  }
  return { id: org.id, name: org.name };
}

/** The person a grant or revocation names, or a pending target (an address no roster has confirmed yet). */
type Target = { kind: 'person'; row: PrismaPerson | null; person?: PlatformPerson } | { kind: 'pending'; address: string };

async function resolveTarget(
  db: Db,
  partnershipId: number,
  input: { who?: string; person?: PlatformPerson },
  partnership: string,
): Promise<Target> {
  if (input.person) {
    const p = input.person;
    const row =
      (p.aadObjectId ? await db.person.findFirst({ where: { partnershipId, aadObjectId: p.aadObjectId }, include: withOrg }) : null) ??
      (await db.person.findFirst({ where: { partnershipId, chatId: p.chatId }, include: withOrg }));
    return { kind: 'person', row, person: p };
  }
  const grantee = classifyGrantee(input.who ?? '');
  const how = 'Grant by @mention in chat, or by work email address or user principal name.';
  switch (grantee.kind) {
    case 'displayName':
      throw new AppError('INVALID_INPUT', displayNameRefusal(grantee.name));
    case 'teamsUserId': {
      const row = await db.person.findFirst({ where: { partnershipId, chatId: grantee.id }, include: withOrg });
      if (!row) throw new AppError('NOT_FOUND', `Nobody with the Teams user id ${grantee.id} is known in ${partnership}. ${how}`);
      return { kind: 'person', row };
    }
    case 'objectId': {
      const row = await db.person.findFirst({ where: { partnershipId, aadObjectId: grantee.id }, include: withOrg });
      if (!row) throw new AppError('NOT_FOUND', `Nobody with the Entra object id ${grantee.id} is known in ${partnership}. ${how}`);
      return { kind: 'person', row };
    }
    case 'address': {
      const address = grantee.address;
      const confirmed = await db.person.findFirst({
        where: { partnershipId, aadObjectId: { not: null }, OR: [{ email: address }, { userPrincipalName: address }] },
        include: withOrg,
      });
      return confirmed ? { kind: 'person', row: confirmed } : { kind: 'pending', address };
    }
  }
}

const label = (p: { displayName: string; aadObjectId: string | null; chatId: string }) => `${p.displayName} (${p.aadObjectId ?? p.chatId})`;

/**
 * Gives a person a role. The person is named by the platform (`person`: an @mention, the roster; test set-up
 * may pass `chatId` and `displayName`), or by `who`: a work email or user principal name (bound at once when
 * the Teams roster has confirmed that address, else pending until it does), a Teams user id or Entra object id
 * of someone known. A display name alone is refused. Every change is audited.
 */
export async function grantRole(
  db: Db,
  input: {
    partnership: string;
    role: Role;
    who?: string;
    person?: PlatformPerson;
    chatId?: string;
    displayName?: string;
    aadObjectId?: string;
    organisation?: string;
    actor?: AuditActor;
    /** how the grant was made, for the audit trail: "@mention", "email", "cli" */
    how?: string;
    now?: Date;
  },
): Promise<PersonInfo & { pending: boolean }> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const given =
    input.person ??
    (input.chatId
      ? { chatId: input.chatId, displayName: input.displayName ?? input.who ?? input.chatId, aadObjectId: input.aadObjectId }
      : undefined);
  const person = given ? { ...given, aadObjectId: given.aadObjectId?.toLowerCase() ?? null } : undefined;
  const target = await resolveTarget(db, partnership.id, { who: input.who, person }, input.partnership);
  const org = input.organisation ? await resolveOrganisation(db, input.partnership, input.organisation) : null;
  const existing =
    target.kind === 'person'
      ? target.row
      : await db.person.findFirst({ where: { partnershipId: partnership.id, chatId: pendingChatId(target.address) }, include: withOrg });
  if (input.role === 'lead' && !org && !existing?.organisation) {
    const example = person ? `@${person.displayName}` : (input.who ?? 'them');
    throw new AppError('INVALID_INPUT', `A lead needs an organisation: say which, e.g. "--org CST" or "make ${example} a lead for CST".`);
  }
  const now = input.now ?? new Date();
  // granting again to a waiting address restarts its wait
  const renewed = existing && isPending(existing) ? { createdAt: now } : {};
  const data = { role: input.role, removedAt: null, ...renewed, ...(org ? { organisationId: org.id } : {}) };
  const identity = person
    ? {
        chatId: person.chatId,
        displayName: person.displayName,
        ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
        ...(person.tenantId ? { tenantId: person.tenantId } : {}),
      }
    : {};
  const row = existing
    ? await db.person.update({ where: { id: existing.id }, data: { ...data, ...identity }, include: withOrg })
    : target.kind === 'pending'
      ? await db.person.create({
          data: {
            ...data,
            partnershipId: partnership.id,
            chatId: pendingChatId(target.address),
            displayName: input.displayName ?? target.address,
            email: target.address,
            createdAt: now,
          },
          include: withOrg,
        })
      : await db.person.create({
          data: {
            ...data,
            partnershipId: partnership.id,
            chatId: person?.chatId ?? '',
            displayName: person?.displayName ?? '',
            ...identity,
          },
          include: withOrg,
        });
  const pending = target.kind === 'pending';
  await recordAudit(db, {
    partnershipId: partnership.id,
    at: now,
    actor: input.actor ?? CLI_ACTOR,
    action: pending ? 'role.pending' : 'role.grant',
    subject: pending ? `${row.email} (waiting for the Teams roster)` : label(row),
    detail: {
      from: existing?.role ?? 'none',
      to: input.role,
      organisation: row.organisation?.name ?? null,
      how: input.how ?? (person ? 'platform identity' : 'cli'),
    },
  });
  return { ...toInfo(row), pending };
}

/** Sets a person (named as for grantRole) back to member; NOT_FOUND when nobody matches. */
export async function revokeRole(
  db: Db,
  partnership: string,
  who: string | PlatformPerson,
  options: { actor?: AuditActor; how?: string; now?: Date } = {},
): Promise<PersonInfo> {
  const p = await db.partnership.findUnique({ where: { name: partnership } });
  if (!p) throw new AppError('NOT_FOUND', `There is no partnership called "${partnership}".`);
  const target = await resolveTarget(db, p.id, typeof who === 'string' ? { who } : { person: who }, partnership);
  const existing =
    target.kind === 'person'
      ? target.row
      : await db.person.findFirst({ where: { partnershipId: p.id, chatId: pendingChatId(target.address) }, include: withOrg });
  if (!existing)
    throw new AppError('NOT_FOUND', `Nobody matching "${typeof who === 'string' ? who : who.displayName}" is known in ${partnership}.`);
  const row = await db.person.update({ where: { id: existing.id }, data: { role: 'member' }, include: withOrg });
  await recordAudit(db, {
    partnershipId: p.id,
    at: options.now ?? new Date(),
    actor: options.actor ?? CLI_ACTOR,
    action: 'role.revoke',
    subject: isPending(row) ? `${row.email ?? row.displayName} (waiting for the Teams roster)` : label(row),
    detail: { from: existing.role, to: 'member', how: options.how ?? 'cli' },
  });
  return toInfo(row);
}

/** Everyone with a role above member (still in the partnership), for "who are the leads?". */
export async function listRoleHolders(db: Db, partnership: string): Promise<PersonInfo[]> {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, role: { in: ['coordinator', 'lead'] }, removedAt: null },
    include: withOrg,
    orderBy: [{ role: 'asc' }, { displayName: 'asc' }],
  });
  return rows.map(toInfo);
}

/**
 * The person behind a chat user, by Entra object id. A row recorded before object ids were kept (chat id
 * only, no object id) is recognised by its Teams user id, which Teams asserts, and gets the object id.
 * Display names never identify anyone. The chat id and name are refreshed when Teams reports new ones.
 */
export async function identifySender(
  db: Db,
  partnership: string,
  sender: { id: string; name: string; aadObjectId?: string },
): Promise<PersonInfo | null> {
  return settleSender(db, await senderCandidates(db, partnership, objectIdOf(sender), sender.id), sender);
}

/** The sender's Entra object id as people rows keep it (lower case), or null. */
export const objectIdOf = (sender: { aadObjectId?: string }): string | null =>
  sender.aadObjectId?.trim() ? sender.aadObjectId.trim().toLowerCase() : null;

/** identifySender's choice among the partnership's people with the sender's object id or chat id, refreshing their chat id and name. */
export async function settleSender(
  db: Db,
  candidates: PersonInfo[],
  sender: { id: string; name: string; aadObjectId?: string },
): Promise<PersonInfo | null> {
  const aad = objectIdOf(sender);
  const byObjectId = aad ? candidates.find((p) => p.aadObjectId === aad) : undefined;
  const byChatId = candidates.find((p) => p.chatId === sender.id && (p.aadObjectId === null || !aad));
  const found = byObjectId ?? byChatId;
  if (!found) return null;
  const changes = {
    ...(aad && found.aadObjectId !== aad ? { aadObjectId: aad } : {}),
    ...(found.chatId !== sender.id && !isPending(found) ? { chatId: sender.id } : {}),
    ...(sender.name && found.displayName !== sender.name ? { displayName: sender.name } : {}),
  };
  if (!Object.keys(changes).length) return found;
  // another row may hold the chat id (a stale row from before a Teams id change): keep the object-id row, leave the other
  const clash = changes.chatId ? candidates.some((p) => p.id !== found.id && p.chatId === sender.id) : false;
  if (clash) delete (changes as { chatId?: string }).chatId;
  return toInfo(await db.person.update({ where: { id: found.id }, data: changes, include: withOrg }));
}

/** Everyone in a partnership, for permission messages and card refresh lists. */
export async function listPeople(db: Db, partnership: string): Promise<PersonInfo[]> {
  return peopleOf(db, partnership);
}

/**
 * A partnership's coordinators and leads, by display name: everyone who may update some action (see canUpdate), for
 * "who can update" and an action card's refresh list without reading everyone else (most people are members).
 */
export async function listUpdaters(db: Db, partnership: string): Promise<PersonInfo[]> {
  return peopleOf(db, partnership, ['coordinator', 'lead']);
}

/** A partnership's coordinators, by display name (who hears about problems with the partnership's channels). */
export async function listCoordinators(db: Db, partnership: string): Promise<PersonInfo[]> {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, role: 'coordinator', removedAt: null },
    include: withOrg,
    orderBy: { displayName: 'asc' },
  });
  return rows.map(toInfo);
}
