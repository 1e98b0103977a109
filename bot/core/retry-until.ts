/**
 * Runs a write that must not be lost (what a turn or an outbox row has sent), trying again after each failure (200 ms,
 * doubling to 5 s) while the next try would still be before `deadline` (ms since the epoch); then throws the last
 * error. For a database that is briefly unreachable (a restart, a failover).
 */
export async function retryUntil<T>(
  write: () => Promise<T>,
  deadline: number,
  options: {
    onRetry?(err: unknown, attempt: number, delay: number): void;
    sleep?(ms: number): Promise<void>;
    /** only errors this says yes to are tried again (default: every error) */
    retryIf?(err: unknown): boolean;
  } = {},
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (err) {
      const delay = Math.min(5_000, 200 * 2 ** (attempt - 1));
      if (Date.now() + delay > deadline || (options.retryIf && !options.retryIf(err))) throw err;
      options.onRetry?.(err, attempt, delay);
      await sleep(delay);
    }
  }
}
