import pg from 'pg';

/**
 * Counts the statements pg's clients send (their SQL text) while `counting.on` is set. Call it at a test file's top,
 * before any store connects: the store's connections keep the query function they were made with.
 */
export function countPgStatements(): { statements: string[]; counting: { on: boolean } } {
  const statements: string[] = [];
  const counting = { on: false };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (counting.on) statements.push(String((args[0] as { text?: string })?.text ?? args[0]));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  return { statements, counting };
}
