import type { Db } from './client.js';
import { queueInTransaction, withQueued, type OutboxInput } from './outbox.js';
import { withBusyRetry } from './retry.js';

/** running | done | failed | skipped */
export type JobRunStatus = 'running' | 'done' | 'failed' | 'skipped';

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' || /Unique constraint|unique constraint/i.test(String((err as Error)?.message));

/**
 * Claims one occurrence of one job with a unique (jobKey, occurrence) row. Returns the row id, or null when
 * another instance (or an earlier run) already has it. A claim still "running" after `leaseMs` (its instance
 * died mid-run) is taken over.
 */
export async function claimRun(
  db: Db,
  input: { jobKey: string; occurrence: string; claimedBy: string; at: Date; status?: JobRunStatus; detail?: string; leaseMs?: number },
): Promise<number | null> {
  try {
    const row = await withBusyRetry(() =>
      db.jobRun.create({
        data: {
          jobKey: input.jobKey,
          occurrence: input.occurrence,
          claimedBy: input.claimedBy,
          claimedAt: input.at,
          status: input.status ?? 'running',
          detail: input.detail ?? '',
          ...(input.status && input.status !== 'running' ? { finishedAt: input.at } : {}),
        },
      }),
    );
    return row.id;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  if (!input.leaseMs || (input.status && input.status !== 'running')) return null;
  const expired = new Date(input.at.getTime() - input.leaseMs);
  const taken = await withBusyRetry(() =>
    db.jobRun.updateMany({
      where: { jobKey: input.jobKey, occurrence: input.occurrence, status: 'running', claimedAt: { lt: expired } },
      data: { claimedBy: input.claimedBy, claimedAt: input.at },
    }),
  );
  if (taken.count !== 1) return null;
  const row = await db.jobRun.findUnique({ where: { jobKey_occurrence: { jobKey: input.jobKey, occurrence: input.occurrence } } });
  return row?.claimedBy === input.claimedBy ? row.id : null;
}

/** What a finished run leaves behind besides its status: messages to queue and markers of what it has done (other job keys). */
export interface RunOutput {
  messages?: OutboxInput[];
  marks?: { jobKey: string; occurrence: string }[];
}

/**
 * Records how a claimed run ended, with its messages and markers in the same transaction: a run that dies before
 * this commit leaves nothing queued (whoever takes it over queues it all), and one that commits cannot lose its
 * messages. Message keys are deterministic, so a run finished twice (taken over while still alive) queues them once.
 */
export async function finishRun(db: Db, id: number, status: JobRunStatus, detail: string, at: Date, output: RunOutput = {}): Promise<void> {
  await withQueued(db, async (tx) => {
    await tx.jobRun.update({ where: { id }, data: { status, detail: detail.slice(0, 2000), finishedAt: at } });
    for (const jobKey of new Set((output.marks ?? []).map((m) => m.jobKey))) {
      const wanted = (output.marks ?? []).filter((m) => m.jobKey === jobKey).map((m) => m.occurrence);
      const existing = await existingRuns(tx, jobKey, wanted);
      const fresh = [...new Set(wanted.filter((o) => !existing.has(o)))];
      if (fresh.length)
        await tx.jobRun.createMany({
          data: fresh.map((occurrence) => ({ jobKey, occurrence, claimedBy: 'marker', claimedAt: at, status: 'done', finishedAt: at })),
        });
    }
    return { result: undefined, queued: await queueInTransaction(tx, output.messages ?? [], at) };
  });
}

/**
 * Which of these occurrences of a job already have a row (claimed, done, failed or skipped). With `staleBefore`,
 * a claim still running since before then is left out: its instance died, and it may be taken over.
 */
export async function existingRuns(db: Db, jobKey: string, occurrences: string[], staleBefore?: Date): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < occurrences.length; i += 500) {
    const rows = await db.jobRun.findMany({
      where: { jobKey, occurrence: { in: occurrences.slice(i, i + 500) } },
      select: { occurrence: true, status: true, claimedAt: true },
    });
    for (const r of rows) if (!staleBefore || r.status !== 'running' || r.claimedAt >= staleBefore) found.add(r.occurrence);
  }
  return found;
}

/** Recent job runs, newest first (for `jobs runs`). */
export async function recentRuns(
  db: Db,
  limit = 50,
): Promise<
  { jobKey: string; occurrence: string; status: string; claimedBy: string; claimedAt: Date; finishedAt: Date | null; detail: string }[]
> {
  return db.jobRun.findMany({
    orderBy: [{ claimedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { jobKey: true, occurrence: true, status: true, claimedBy: true, claimedAt: true, finishedAt: true, detail: true },
  });
}
