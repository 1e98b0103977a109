import type { Database, Statement } from 'better-sqlite3';

/** How many distinct statements stay prepared (the bot issues a few dozen; generated bulk SQL varies more). */
export const CACHED_STATEMENTS = 256;

type Args = unknown[];

/**
 * A prepared statement that can be used again: Prisma's adapter binds its arguments once per query (`bind(args)`),
 * which better-sqlite3 allows only once per statement object, so the arguments are kept beside it instead.
 */
class ReusableStatement {
  constructor(private readonly statement: Statement<Args>) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  bind(args: Args) {
    const statement = this.statement;
    return {
      reader: statement.reader,
      columns: () => statement.columns(),
      run: () => statement.run(args),
      get: () => statement.raw(false).get(args),
      all: () => statement.raw(false).all(args),
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    };
  }
  run(...args: Args) {
    return this.statement.run(...args);
  }
  get(...args: Args) {
    return this.statement.raw(false).get(...args);
  }
  all(...args: Args) {
    return this.statement.raw(false).all(...args);
  }
  columns() {
    return this.statement.columns();
  }
}

/**
 * Keeps the last `size` statements a better-sqlite3 connection prepared, by SQL text, so a query the bot runs again is
 * not compiled again (Prisma 6.19's SQLite adapter prepares every query afresh: that was 8 % of a question's CPU).
 * SQLite itself re-prepares a kept statement when the schema changes, so a migration cannot leave one stale.
 */
export function cacheStatements(db: Database, size = CACHED_STATEMENTS): { prepared(): number } {
  const prepare = db.prepare.bind(db);
  const kept = new Map<string, ReusableStatement>();
  let prepared = 0;
  db.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else {
      statement = new ReusableStatement(prepare(sql));
      prepared++;
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement); // the most recently used last, so the oldest goes first
    return statement;
  }) as unknown as Database['prepare'];
  return { prepared: () => prepared };
}
