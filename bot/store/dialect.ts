import { empty, sqltag, type Sql } from '@prisma/client/runtime/client';
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

/**
 * For a turn's own bookkeeping (its claim and its record), on PostgreSQL: a condition, always true, that lets the
 * statement's transaction commit without waiting for its WAL to reach the disk (`synchronous_commit` off for that
 * transaction alone; another session sees the row at once, as with any commit). Only a server crash in the moment
 * after could lose the row: then a retry of that activity would be run again (and a card update it carried is still
 * saved once, by its own idempotency key, in a statement that does wait). SQLite needs none: better-sqlite3 builds it
 * with `synchronous` NORMAL in WAL mode, where no commit waits for the disk.
 */
export function quickCommit(db: Db): Sql {
  return isPostgres(db) ? sqltag`AND set_config('synchronous_commit', 'off', true) = 'off'` : empty;
}

/**
 * For a queue's claim, on PostgreSQL: rows another session is claiming at this moment are passed over rather than
 * waited for, so two senders claiming at once each take rows of their own, up to their limit (without it the second
 * waits, re-checks the first's rows, finds them leased and comes away with fewer or none). SQLite runs one writer at a
 * time, so a claim there never meets another half-way.
 */
export function skipLocked(db: Db): Sql {
  return isPostgres(db) ? sqltag`FOR UPDATE SKIP LOCKED` : empty;
}
