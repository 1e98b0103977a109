import type { Role } from '../plan/types.js';
import { AppError } from '../errors.js';
import type { Db } from './client.js';
import { peopleOf, senderCandidates, type PersonInfo } from './people-rows.js';

export type { PersonInfo } from './people-rows.js';

type PersonRow = {
  id: number;
  chatId: string;
  displayName: string;
  email: string | null;
  role: string;
  organisation: { name: string } | null;
};
const toInfo = (p: PersonRow): PersonInfo => ({
  id: p.id,
  chatId: p.chatId,
  displayName: p.displayName,
  email: p.email,
  role: p.role as Role,
  organisation: p.organisation?.name ?? null,
});

/** Finds a person of a partnership by chat id, email or display name (ignoring case). */
export async function findPerson(db: Db, partnership: string, who: string): Promise<PersonInfo | null> {
  const people = await db.person.findMany({
    where: { partnership: { name: partnership } },
    include: { organisation: { select: { name: true } } },
  });
  const key = who.trim().toLowerCase();
  const match =
    people.find((p) => p.chatId.toLowerCase() === key) ??
    people.find((p) => p.email?.toLowerCase() === key) ??
    people.find((p) => p.displayName.toLowerCase() === key);
  return match ? toInfo(match) : null;
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

/** Gives a person a role (creating them if new, keyed by chat id, email or name); a lead needs an organisation. */
export async function grantRole(
  db: Db,
  input: { partnership: string; who: string; role: Role; organisation?: string; chatId?: string; displayName?: string },
): Promise<PersonInfo> {
  const partnership = await db.partnership.findUnique({ where: { name: input.partnership } });
  if (!partnership) throw new AppError('NOT_FOUND', `There is no partnership called "${input.partnership}".`);
  const org = input.organisation ? await resolveOrganisation(db, input.partnership, input.organisation) : null;
  const existing = await findPerson(db, input.partnership, input.chatId ?? input.who);
  if (input.role === 'lead' && !org && !existing?.organisation) {
    throw new AppError('INVALID_INPUT', `A lead needs an organisation: say which, e.g. "--org CST" or "make ${input.who} a lead for CST".`);
  }
  const isEmail = /@/.test(input.who);
  const data = { role: input.role, ...(org ? { organisationId: org.id } : {}) };
  const row = existing
    ? await db.person.update({ where: { id: existing.id }, data, include: { organisation: { select: { name: true } } } })
    : await db.person.create({
        data: {
          ...data,
          partnershipId: partnership.id,
          chatId: input.chatId ?? `pending:${input.who.trim().toLowerCase()}`,
          displayName: input.displayName ?? (isEmail ? input.who.split('@')[0] : input.who.trim()),
          email: isEmail ? input.who.trim().toLowerCase() : null,
        },
        include: { organisation: { select: { name: true } } },
      });
  return toInfo(row);
}

/** Sets a person back to member; NOT_FOUND when nobody matches. */
export async function revokeRole(db: Db, partnership: string, who: string): Promise<PersonInfo> {
  const existing = await findPerson(db, partnership, who);
  if (!existing) throw new AppError('NOT_FOUND', `Nobody called "${who}" is known in ${partnership}.`);
  const row = await db.person.update({
    where: { id: existing.id },
    data: { role: 'member' },
    include: { organisation: { select: { name: true } } },
  });
  return toInfo(row);
}

/** Everyone with a role above member, for "who are the leads?". */
export async function listRoleHolders(db: Db, partnership: string): Promise<PersonInfo[]> {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, role: { in: ['coordinator', 'lead'] } },
    include: { organisation: { select: { name: true } } },
    orderBy: [{ role: 'asc' }, { displayName: 'asc' }],
  });
  return rows.map(toInfo);
}

/**
 * The person behind a chat user: by chat id; else a person granted a role before they first spoke
 * (pending, matched by display name), who is then bound to this chat id. Null for people the bot doesn't know.
 */
export async function identifySender(db: Db, partnership: string, sender: { id: string; name: string }): Promise<PersonInfo | null> {
  // One query for both: this chat id, and everyone still pending (few); chat ids are unique per partnership.
  const candidates = await senderCandidates(db, partnership, sender.id);
  const known = candidates.find((p) => p.chatId === sender.id);
  if (known) return known;
  const name = sender.name.trim().toLowerCase();
  const match = candidates.filter((p) => p.displayName.toLowerCase() === name);
  if (match.length !== 1) return null;
  const bound = await db.person.update({
    where: { id: match[0]!.id },
    data: { chatId: sender.id, displayName: sender.name },
    include: { organisation: { select: { name: true } } },
  });
  return toInfo(bound);
}

/** Everyone in a partnership with a role, for permission messages and card refresh lists. */
export async function listPeople(db: Db, partnership: string): Promise<PersonInfo[]> {
  return peopleOf(db, partnership);
}

/** A partnership's coordinators, by display name (who hears about problems with the partnership's channels). */
export async function listCoordinators(db: Db, partnership: string): Promise<PersonInfo[]> {
  const rows = await db.person.findMany({
    where: { partnership: { name: partnership }, role: 'coordinator' },
    include: { organisation: { select: { name: true } } },
    orderBy: { displayName: 'asc' },
  });
  return rows.map(toInfo);
}
