import type { Db } from './client.js';

/** How many days each kind of record is kept. */
export interface RetentionPeriods {
  dialogDays: number;
  jobRunDays: number;
  stoppedCountDays: number;
  auditDays: number;
}

/** What a purge removed. */
export interface Purged {
  dialogs: number;
  jobRuns: number;
  stoppedCounts: number;
  auditEntries: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const before = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** Deletes update conversations, job runs, stopped-note counts and audit entries older than their retention periods. */
export async function purgeExpired(db: Db, now: Date, keep: RetentionPeriods): Promise<Purged> {
  const stoppedBefore = before(now, keep.stoppedCountDays).toISOString().slice(0, 10);
  const [dialogs, jobRuns, stoppedCounts, auditEntries] = await db.$transaction([
    db.dialogState.deleteMany({ where: { expiresAt: { lt: before(now, keep.dialogDays) } } }),
    db.jobRun.deleteMany({ where: { claimedAt: { lt: before(now, keep.jobRunDays) }, status: { not: 'running' } } }),
    db.stoppedNoteCount.deleteMany({ where: { day: { lt: stoppedBefore } } }),
    db.auditEntry.deleteMany({ where: { at: { lt: before(now, keep.auditDays) } } }),
  ]);
  return { dialogs: dialogs.count, jobRuns: jobRuns.count, stoppedCounts: stoppedCounts.count, auditEntries: auditEntries.count };
}
