import { buildDigestCard } from '../cards/digest-card.js';
import type { Reply } from '../bot/handlers/context.js';
import { buildDigest, type Digest } from '../bot/plan/digest.js';
import { localDate } from '../bot/plan/schedule/local-time.js';
import type { Db } from '../bot/store/database.js';
import { loadDigestData } from '../bot/store/digest-data.js';
import { loadPlanView } from '../bot/store/plans.js';
import { unreachablePeople } from '../bot/store/reach.js';

const WEEK_MS = 7 * 86_400_000;
/** How long a composed digest is reused for other coordinators due at the same instant. */
const REUSE_MS = 5 * 60_000;

type Composed = { digest: Digest; reply: Reply } | null;

/** A partnership's weekly digest as of an instant (card and text), or null when it has no plan. */
export async function composeDigest(db: Db, partnership: string, at: Date): Promise<Composed> {
  const plan = await loadPlanView(db, partnership);
  if (!plan) return null;
  const [data, unreachable] = await Promise.all([
    loadDigestData(db, partnership, plan.title, new Date(at.getTime() - WEEK_MS)),
    unreachablePeople(db, partnership),
  ]);
  const digest = buildDigest({ plan, at, today: localDate(at, plan.timeZone), ...data, unreachable });
  return { digest, reply: buildDigestCard({ digest, timeZone: plan.timeZone }) };
}

const recent = new WeakMap<Db, Map<string, { made: number; composed: Promise<Composed> }>>();

/**
 * Like composeDigest, but coordinators of one partnership due at the same instant share one composition
 * (a fan-out to hundreds of coordinators builds the digest once, not once each).
 */
export function composeDigestOnce(db: Db, partnership: string, at: Date): Promise<Composed> {
  let cache = recent.get(db);
  if (!cache) recent.set(db, (cache = new Map()));
  const now = Date.now();
  for (const [key, entry] of cache) if (now - entry.made > REUSE_MS) cache.delete(key);
  const key = `${partnership}|${at.toISOString()}`;
  let entry = cache.get(key);
  if (!entry) {
    entry = { made: now, composed: composeDigest(db, partnership, at) };
    entry.composed.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry.composed;
}
