import type { Role } from '../plan/types.js';
import type { Db } from './client.js';

/** A person as the bot layer sees them. */
export interface PersonInfo {
  id: number;
  chatId: string;
  displayName: string;
  email: string | null;
  role: Role;
  organisation: string | null;
}

type Row = { id: number; chatId: string; displayName: string; email: string | null; role: string; organisation: string | null };
const toInfo = (r: Row): PersonInfo => ({
  id: Number(r.id),
  chatId: r.chatId,
  displayName: r.displayName,
  email: r.email,
  role: r.role as Role,
  organisation: r.organisation,
});

// Plain SQL for the per-message lookups: the same rows as the Prisma queries they replace, one statement each.

/** A partnership's person with this chat id, and everyone still pending (granted a role before first speaking). */
export async function senderCandidates(db: Db, partnership: string, chatId: string): Promise<PersonInfo[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id", p."chatId", p."displayName", p."email", p."role", o."name" AS "organisation"
    FROM "Person" p JOIN "Partnership" s ON s."id" = p."partnershipId" LEFT JOIN "Organisation" o ON o."id" = p."organisationId"
    WHERE s."name" = ${partnership} AND (p."chatId" = ${chatId} OR p."chatId" LIKE 'pending:%')`;
  return rows.map(toInfo);
}

/** Everyone in a partnership, by display name. */
export async function peopleOf(db: Db, partnership: string): Promise<PersonInfo[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT p."id", p."chatId", p."displayName", p."email", p."role", o."name" AS "organisation"
    FROM "Person" p JOIN "Partnership" s ON s."id" = p."partnershipId" LEFT JOIN "Organisation" o ON o."id" = p."organisationId"
    WHERE s."name" = ${partnership}
    ORDER BY p."displayName" ASC`;
  return rows.map(toInfo);
}
