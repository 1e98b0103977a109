import { AppError } from '../errors.js';
import { logger } from '../logger.js';

const log = logger('store');

/** True for errors that mean "the database is briefly busy": SQLite locks, PostgreSQL serialisation failures, pool timeouts. */
export function isBusyError(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ''} ${(err as Error)?.message ?? ''}`;
  return /SQLITE_BUSY|database is locked|P2034|P1008|40001|40P01|deadlock detected|could not serialize|Unable to start a transaction in the given time/i.test(
    text,
  );
}

/**
 * True for errors that mean "the database cannot be reached just now": PostgreSQL restarting or shutting down (57P01,
 * 57P03), a refused, reset or cut connection, Prisma's "Can't reach database server" (P1001) and "server closed the
 * connection" (P1017). A read can simply be tried again; a write may have committed before the connection was cut.
 */
export function isUnreachableError(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: unknown } | undefined;
  const text = `${e?.code ?? ''} ${e?.message ?? ''} ${String((e?.cause as { code?: string } | undefined)?.code ?? '')}`;
  return /57P01|57P03|ECONNREFUSED|ECONNRESET|EPIPE|P1001|P1017|Connection terminated|Can't reach database server|server closed the connection|the database system is (?:starting up|shutting down)/i.test(
    text,
  );
}

/** Runs a database operation, retrying a few times with jittered backoff while the database is busy. */
export async function withBusyRetry<T>(operation: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (!isBusyError(err)) throw err;
      if (attempt >= attempts) {
        throw new AppError('DATABASE_BUSY', 'The plan database is busy right now. Nothing was changed; please try again in a moment.', {
          cause: String(err),
        });
      }
      const delay = Math.min(1000, 50 * 2 ** attempt) * (0.5 + Math.random());
      log.warn({ attempt, delay }, 'Database busy; retrying');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
