/** Gaps between tries of a message Teams (or Slack) failed to take for a passing reason: 1 minute, 5, 30, then 2 hours. */
const GAPS_MINUTES = [1, 5, 30, 120];
/** A message still not accepted this long after it was queued is given up (and coordinators told). */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** The next try is never sooner than this after a failure. */
const MIN_GAP_MS = 30_000;

/**
 * When to try a message again after a transient failure at `now`: the first point of the schedule counted from when
 * it was queued (queued + 1 min, + 6 min, + 36 min, + 2 h 36 min, then every 2 hours) at least 30 seconds away, so
 * the gaps grow whether or not the sender was running in between; null once that is past 24 hours from queueing.
 */
export function nextRetryAt(queuedAt: Date, now: Date): Date | null {
  const start = queuedAt.getTime();
  const earliest = now.getTime() + MIN_GAP_MS;
  if (earliest - start > GIVE_UP_AFTER_MS) return null;
  let at = start;
  for (let i = 0; at < earliest; i++) at += (GAPS_MINUTES[Math.min(i, GAPS_MINUTES.length - 1)] ?? 120) * 60_000;
  return at - start > GIVE_UP_AFTER_MS ? null : new Date(at);
}
