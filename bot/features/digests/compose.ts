import { buildDigestCard } from '../../../cards/digest-card.js';
import type { Reply } from '../../core/types.js';
import { buildDigest, type Digest } from '../../plan/digest.js';
import { localDate } from '../../plan/schedule/local-time.js';
import type { Store } from '../../store/database.js';

const WEEK_MS = 7 * 86_400_000;
/** How long a composed digest is reused for other coordinators due at the same instant. */
const REUSE_MS = 5 * 60_000;

type Composed = { digest: Digest; reply: Reply } | null;

/** A partnership's weekly digest as of an instant (card and text), or null when it has no plan. */
export async function composeDigest(store: Store, partnership: string, at: Date): Promise<Composed> {
  const plan = await store.plans.current(partnership);
  if (!plan) return null;
  const [data, unreachable] = await Promise.all([
    store.digests.data(partnership, plan.title, new Date(at.getTime() - WEEK_MS)),
    store.people.unreachable(partnership),
  ]);
  const digest = buildDigest({ plan, at, today: localDate(at, plan.timeZone), ...data, unreachable });
  return { digest, reply: buildDigestCard({ digest, timeZone: plan.timeZone }) };
}

const recent = new WeakMap<Store, Map<string, { made: number; composed: Promise<Composed> }>>();

/**
 * Like composeDigest, but coordinators of one partnership due at the same instant share one composition
 * (a fan-out to hundreds of coordinators builds the digest once, not once each).
 */
export function composeDigestOnce(store: Store, partnership: string, at: Date): Promise<Composed> {
  let cache = recent.get(store);
  if (!cache) {
    cache = new Map();
    recent.set(store, cache);
  }
  const now = Date.now();
  for (const [key, entry] of cache) if (now - entry.made > REUSE_MS) cache.delete(key);
  const key = `${partnership}|${at.toISOString()}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = { made: now, composed: composeDigest(store, partnership, at) };
    entry.composed.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry.composed;
}
