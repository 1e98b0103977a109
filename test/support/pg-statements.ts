import pg from 'pg';

/**
 * Counts the statements pg's clients send (their SQL text) while `counting.on` is set. Call it at a test file's top,
 * before any store connects: the store's connections keep the query function they were made with.
 */
export function countPgStatements(): { statements: string[]; values: unknown[][]; counting: { on: boolean } } {
  const statements: string[] = [];
  /** each counted statement's values, by its place in `statements` (to explain it) */
  const values: unknown[][] = [];
  const counting = { on: false };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { text?: string; values?: unknown[] } | string;
    if (counting.on) {
      statements.push(typeof config === 'string' ? config : String(config?.text ?? config));
      values.push((typeof config === 'object' && config?.values) || []);
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return { statements, values, counting };
}
