import type { OpenStore as Store } from '../../bot/store/database.js';
import { listPartnerships } from '../../bot/store/plans.js';

/** How long building every partnership's weekly digest took (card included). */
export interface DigestTiming {
  partnerships: number;
  seconds: number;
  concurrency: number;
  failures: number;
}

/**
 * Builds each partnership's weekly digest as the weekly-digest job does (bot/features/digests/compose.ts: plan,
 * a week of history, first entries, rounds, reachability, card), `concurrency` at a time like the run coordinator.
 */
export async function timeDigests(store: Store, at: Date, concurrency: number): Promise<DigestTiming> {
  const { composeDigest } = await import('../../bot/features/digests/compose.js');
  const { runPool } = await import('../../bot/notify/fan-out.js');
  const partnerships = await listPartnerships(store.db);
  const started = performance.now();
  const built = await runPool(partnerships, concurrency, async (name) => (await composeDigest(store, name, at)) !== null);
  return {
    partnerships: partnerships.length,
    seconds: (performance.now() - started) / 1000,
    concurrency,
    failures: built.filter((ok) => !ok).length,
  };
}
