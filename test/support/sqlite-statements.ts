import Database from 'better-sqlite3';
import { vi } from 'vitest';

/**
 * Every SQLite statement run from now on, in any connection of this process, as its SQL text (Prisma's generated ones
 * name their tables `main`.`Table`). Spies on better-sqlite3's statement methods; `vi.restoreAllMocks()` ends it.
 */
export function recordSqliteStatements(): string[] {
  const run: string[] = [];
  const statement = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ['run', 'get', 'all', 'iterate']) {
    const original = statement[method] as (...args: unknown[]) => unknown;
    vi.spyOn(statement, method as never).mockImplementation(function (this: { source: string }, ...args: unknown[]) {
      run.push(this.source);
      return original.apply(this, args);
    } as never);
  }
  return run;
}
