import { empty, join, sqltag, type Sql } from '@prisma/client/runtime/client';
import type { Role } from '../plan/types.js';
import type { Db } from './client.js';
import { queryRows } from './direct-sql.js';

/** A person as the bot layer sees them: keyed by Entra object id; chat id and display name are attributes. */
export interface PersonInfo {
  id: number;
  /** null only for a grant still waiting to be bound (and for rows from before object ids were recorded) */
  aadObjectId: string | null;
  /** home tenant, as Teams reported it */
  tenantId: string | null;
  chatId: string;
  displayName: string;
  /** as the Teams roster confirmed it; on a pending grant, the address it waits for */
  email: string | null;
  userPrincipalName: string | null;
  guest: boolean;
  /** left the partnership's team: no role, no reminders; their history stays theirs */
  removed: boolean;
  role: Role;
  organisation: string | null;
  createdAt: Date;
}

export type PersonRow = {
  id: number;
  aadObjectId: string | null;
  tenantId: string | null;
  chatId: string;
  displayName: string;
  email: string | null;
  userPrincipalName: string | null;
  guest: boolean | number;
  removedAt: Date | string | null;
  role: string;
  organisation: string | null;
  createdAt: Date | string;
};
/** A person row (Prisma's or plain SQL's) as the bot layer sees it. */
export const rowToInfo = (r: PersonRow): PersonInfo => ({
  id: Number(r.id),
  aadObjectId: r.aadObjectId,
  tenantId: r.tenantId,
  chatId: r.chatId,
  displayName: r.displayName,
  email: r.email,
  userPrincipalName: r.userPrincipalName,
  guest: Boolean(r.guest),
  removed: r.removedAt !== null,
  role: r.role as Role,
  organisation: r.organisation,
  createdAt: new Date(r.createdAt),
});

// Plain SQL for the per-message lookups: the same rows as the Prisma queries they replace, one statement each.

/** A person row's columns over `"Person" pe` and its `"Organisation" po`. */
export const PERSON_COLUMNS: Sql = sqltag`pe."id", pe."aadObjectId", pe."tenantId", pe."chatId", pe."displayName", pe."email", pe."userPrincipalName", pe."guest", pe."removedAt", pe."role", pe."createdAt", po."name" AS "organisation"`;

/** The condition on `"Person" pe` for the sender's candidates: their Entra object id or their chat id. */
export const isSender = (aadObjectId: string | Sql | null, chatId: string | Sql): Sql =>
  sqltag`(pe."aadObjectId" = ${aadObjectId ?? ''} OR pe."chatId" = ${chatId})`;

/** A partnership's people with this Entra object id or this chat id (at most two rows). */
export async function senderCandidates(db: Db, partnership: string, aadObjectId: string | null, chatId: string): Promise<PersonInfo[]> {
  const rows = await queryRows<PersonRow>(
    db,
    sqltag`
    SELECT ${PERSON_COLUMNS}
    FROM "Person" pe JOIN "Partnership" s ON s."id" = pe."partnershipId" LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"
    WHERE s."name" = ${partnership} AND ${isSender(aadObjectId, chatId)}`,
  );
  return rows.map(rowToInfo);
}

/** Everyone in a partnership (or only those with one of the roles given), by display name. */
export async function peopleOf(db: Db, partnership: string, roles?: readonly string[]): Promise<PersonInfo[]> {
  const rows = await queryRows<PersonRow>(
    db,
    sqltag`
    SELECT ${PERSON_COLUMNS}
    FROM "Person" pe JOIN "Partnership" s ON s."id" = pe."partnershipId" LEFT JOIN "Organisation" po ON po."id" = pe."organisationId"
    WHERE s."name" = ${partnership}${roles ? sqltag` AND pe."role" IN (${join(roles)})` : empty}
    ORDER BY pe."displayName" ASC`,
  );
  return rows.map(rowToInfo);
}
