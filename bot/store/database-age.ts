import type { Db } from './client.js';

/** When this database was created: the first migration applied to it, or null when it has no migrations table. */
export async function databaseCreatedAt(db: Db): Promise<Date | null> {
  try {
    const rows = await db.$queryRawUnsafe<{ first: string | null }[]>('SELECT MIN("appliedAt") AS "first" FROM "_app_migrations"');
    const first = rows[0]?.first;
    const at = first ? new Date(first) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}
