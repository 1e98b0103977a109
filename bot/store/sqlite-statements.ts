import type { Database, Statement } from 'better-sqlite3';

/** How many distinct statements stay prepared (the bot issues a few dozen; generated bulk SQL varies more). */
export const CACHED_STATEMENTS = 256;

type Args = unknown[];

/**
 * A prepared statement that can be used again: Prisma's adapter binds its arguments once per query (`bind(args)`),
 * which better-sqlite3 allows only once per statement object, so the arguments are kept beside it instead.
 */
class ReusableStatement {
  private described?: { schema: number; columns: ReturnType<Statement['columns']> };
  constructor(
    private readonly statement: Statement<Args>,
    private readonly schema: SchemaChanges,
  ) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  bind(args: Args) {
    const statement = this.statement;
    return {
      reader: statement.reader,
      columns: () => this.columns(),
      run: () => this.run(args),
      get: () => statement.raw(false).get(args),
      all: () => statement.raw(false).all(args),
      raw: () => ({ all: () => statement.raw(true).all(args) }),
    };
  }
  run(...args: Args) {
    if (this.schema.isChange(this.statement.source)) this.schema.changed();
    return this.statement.run(...args);
  }
  get(...args: Args) {
    return this.statement.raw(false).get(...args);
  }
  all(...args: Args) {
    return this.statement.raw(false).all(...args);
  }
  /** The result's column names and declared types, asked of SQLite again only after a schema change on this connection. */
  columns() {
    if (this.described?.schema !== this.schema.generation) {
      this.described = { schema: this.schema.generation, columns: this.statement.columns() };
    }
    return this.described.columns;
  }
}

/** Counts schema changes made through a connection (scripts, and CREATE, ALTER or DROP statements). */
class SchemaChanges {
  generation = 0;
  changed(): void {
    this.generation++;
  }
  isChange(sql: string): boolean {
    return /^\s*(CREATE|ALTER|DROP)\b/i.test(sql);
  }
}

/**
 * Keeps the last `size` statements a better-sqlite3 connection prepared, by SQL text, so a query the bot runs again is
 * not compiled again (Prisma 6.19's SQLite adapter prepares every query afresh: that was 8 % of a question's CPU), nor
 * its result columns described again (Prisma asks for them on every query). SQLite itself re-prepares a kept statement
 * when the schema changes, and the columns are described again after a schema change made through this connection
 * (migrations run through a connection of their own before the store opens).
 */
export function cacheStatements(db: Database, size = CACHED_STATEMENTS): { prepared(): number } {
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  const schema = new SchemaChanges();
  db.exec = (sql: string) => {
    schema.changed();
    return exec(sql);
  };
  const kept = new Map<string, ReusableStatement>();
  let prepared = 0;
  db.prepare = ((sql: string) => {
    let statement = kept.get(sql);
    if (statement) kept.delete(sql);
    else {
      statement = new ReusableStatement(prepare(sql), schema);
      prepared++;
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement); // the most recently used last, so the oldest goes first
    return statement;
  }) as unknown as Database['prepare'];
  return { prepared: () => prepared };
}
