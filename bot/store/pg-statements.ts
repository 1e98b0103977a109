import { createHash } from 'node:crypto';
import type pg from 'pg';

/** How many statements each connection keeps prepared on the server (distinct SQL texts beyond these run unnamed). */
export const NAMED_STATEMENTS = 200;

/** PostgreSQL's answers when a kept statement no longer fits the schema or is gone: the connection stops naming. */
const STALE_STATEMENT = new Set(['0A000', '26000']);

/**
 * A PostgreSQL DATABASE_URL as pg takes it, and whether statements may be kept prepared on the server. Behind PgBouncer
 * in transaction mode they may not (a connection's statements would meet another client's session): say so as Prisma
 * users do, with `pgbouncer=true` in the URL, which is taken out before pg sees it.
 */
export function postgresConnection(url: string): { connectionString: string; keepStatements: boolean } {
  const parsed = new URL(url);
  const pgbouncer = parsed.searchParams.get('pgbouncer');
  if (pgbouncer === null) return { connectionString: url, keepStatements: true };
  parsed.searchParams.delete('pgbouncer');
  return { connectionString: parsed.toString(), keepStatements: pgbouncer !== 'true' };
}

type QueryConfig = { text?: unknown; name?: unknown };

/**
 * Keeps statements prepared on the server, per connection: each query Prisma sends is named after its SQL text, so
 * PostgreSQL parses and plans it once per connection, not on every call (pg then sends only Bind and Execute). A
 * connection keeps at most `perConnection`; one whose kept statement stopped fitting the schema (another instance
 * migrated) runs that query again unnamed, and everything unnamed from then on.
 */
export function keepStatements(pool: pg.Pool, perConnection = NAMED_STATEMENTS): void {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `prevent_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
      if (names.size < 10 * perConnection) names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const kept = new Set<string>();
    let stale = false;
    const isStale = (error: unknown) => {
      if (!STALE_STATEMENT.has((error as { code?: string } | null)?.code ?? '')) return false;
      stale = true;
      return true;
    };
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const c = config as QueryConfig | null;
      if (stale || !c || typeof c !== 'object' || typeof c.text !== 'string' || c.name !== undefined) return query(config, ...rest);
      const name = nameOf(c.text);
      if (!kept.has(name) && kept.size >= perConnection) return query(config, ...rest);
      kept.add(name);
      const named = { ...c, name };
      // a kept statement the schema no longer fits is tried once more unnamed (in a transaction, that fails as it would have)
      const callback = rest.at(-1);
      if (typeof callback === 'function') {
        const args = rest.slice(0, -1);
        return query(named, ...args, (error: unknown, result: unknown) =>
          error && isStale(error) ? query(config, ...args, callback) : callback(error, result),
        );
      }
      return (query(named, ...rest) as Promise<unknown>).catch((error: unknown) => {
        if (!isStale(error)) throw error;
        return query(config, ...rest);
      });
    };
  });
}
