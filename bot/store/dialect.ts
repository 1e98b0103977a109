import type { Db } from './client.js';

/** Which server each open Prisma client talks to, for the few statements written once per dialect. */
const postgres = new WeakSet<object>();

/** Says that a client (and every transaction of it) is on PostgreSQL; openStore calls it. */
export function markPostgres(db: Db): void {
  postgres.add(db);
}

/** Whether a client is on PostgreSQL (else SQLite). */
export function isPostgres(db: Db): boolean {
  return postgres.has(db);
}
