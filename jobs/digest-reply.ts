import { buildDigestCard } from '../cards/digest-card.js';
import type { Reply } from '../bot/handlers/context.js';
import { buildDigest, type Digest } from '../bot/plan/digest.js';
import { localDate } from '../bot/plan/schedule/local-time.js';
import type { Db } from '../bot/store/database.js';
import { loadDigestData } from '../bot/store/digest-data.js';
import { loadPlanView } from '../bot/store/plans.js';
import { unreachablePeople } from '../bot/store/reach.js';

const WEEK_MS = 7 * 86_400_000;

/** A partnership's weekly digest as of an instant (card and text), or null when it has no plan. */
export async function composeDigest(db: Db, partnership: string, at: Date): Promise<{ digest: Digest; reply: Reply } | null> {
  const plan = await loadPlanView(db, partnership);
  if (!plan) return null;
  const [data, unreachable] = await Promise.all([loadDigestData(db, partnership, plan.title, new Date(at.getTime() - WEEK_MS)), unreachablePeople(db, partnership)]);
  const digest = buildDigest({ plan, at, today: localDate(at, plan.timeZone), ...data, unreachable });
  return { digest, reply: buildDigestCard({ digest, timeZone: plan.timeZone }) };
}
