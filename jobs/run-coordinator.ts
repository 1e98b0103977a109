import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Services } from '../bot/core/context.js';
import { logger } from '../bot/logger.js';
import type { Job, Occurrence } from './job.js';
import { runPool } from '../bot/notify/fan-out.js';

const log = logger('jobs');
const HOUR = 3_600_000;

/** Tuning for the run coordinator; the defaults suit production. */
export interface CoordinatorOptions {
  /** names this instance in JobRun.claimedBy */
  instanceId?: string;
  /** missed occurrences younger than this are still run at start (default 6 hours) */
  graceMs?: number;
  /** how far back start-up looks for missed occurrences to record as skipped (default 7 days) */
  lookbackMs?: number;
  /** nothing before this instant counts as missed (the database did not exist yet) */
  since?: Date | null;
  /** a claim still running after this long is taken over (its instance died) (default 30 minutes) */
  leaseMs?: number;
  /** occurrences of one job run at once (default 16) */
  concurrency?: number;
  /**
   * aborted when the process is stopping: no further occurrence is claimed (those already running finish and are
   * recorded), so the database can close under none; what was not claimed is still unclaimed for the next start
   */
  signal?: AbortSignal;
}

/** What happened to one occurrence in a tick. */
export interface RunReport {
  job: string;
  key: string;
  at: string;
  /** taken: another instance (or an earlier run) has it; stopped: not claimed, the process was stopping */
  status: 'done' | 'failed' | 'skipped' | 'taken' | 'stopped';
  detail: string;
}

/** Runs jobs' occurrences so each runs once across every instance sharing the database. */
export class RunCoordinator {
  readonly instanceId: string;
  readonly graceMs: number;
  private readonly lookbackMs: number;
  private readonly since: Date | null;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly signal: AbortSignal | undefined;

  constructor(
    private readonly services: Services,
    private readonly jobs: Job[],
    options: CoordinatorOptions = {},
  ) {
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.graceMs = options.graceMs ?? 6 * HOUR;
    this.lookbackMs = options.lookbackMs ?? 7 * 24 * HOUR;
    this.since = options.since ?? null;
    this.leaseMs = options.leaseMs ?? HOUR / 2;
    this.concurrency = options.concurrency ?? 16;
    this.signal = options.signal;
  }

  /** Runs every occurrence due in (from, to] that no instance has claimed yet. */
  async tick(from: Date, to: Date): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    for (const job of this.jobs) reports.push(...(await this.runJob(job, from, to)));
    return reports;
  }

  /**
   * At start: records occurrences missed beyond the grace window as skipped, then runs those within it.
   * Occurrences due before `since` (the database did not exist yet) were never missed: neither skipped nor run.
   */
  async catchUp(now: Date): Promise<RunReport[]> {
    const reports: RunReport[] = [];
    const floor = this.since?.getTime() ?? Number.NEGATIVE_INFINITY;
    const graceStart = new Date(Math.min(now.getTime(), Math.max(now.getTime() - this.graceMs, floor)));
    const lookbackStart = new Date(Math.min(graceStart.getTime(), Math.max(now.getTime() - this.lookbackMs, floor)));
    for (const job of this.jobs) {
      for (const occurrence of await this.unclaimed(job, lookbackStart, graceStart)) {
        if (this.signal?.aborted) break;
        const detail = `Missed by more than ${Math.round(this.graceMs / 60_000)} minutes while no instance was running; not sent.`;
        const id = await this.services.store.jobRuns.claim({
          jobKey: job.name,
          occurrence: occurrence.key,
          claimedBy: this.instanceId,
          at: now,
          status: 'skipped',
          detail,
        });
        if (id === null) continue;
        log.warn(
          { job: job.name, key: occurrence.key, due: occurrence.at.toISOString() },
          'Skipped a missed occurrence older than the grace window',
        );
        reports.push({ job: job.name, key: occurrence.key, at: occurrence.at.toISOString(), status: 'skipped', detail });
      }
    }
    reports.push(...(await this.tick(graceStart, now)));
    return reports;
  }

  private async unclaimed(job: Job, from: Date, to: Date): Promise<Occurrence[]> {
    if (this.signal?.aborted) return [];
    let occurrences: Occurrence[];
    try {
      occurrences = await job.occurrences(this.services, from, to);
    } catch (err) {
      if (this.signal?.aborted) return [];
      log.error({ err, job: job.name }, 'Could not list occurrences; trying again next tick');
      return [];
    }
    const staleBefore = new Date(this.services.now().getTime() - this.leaseMs);
    const seen = await this.services.store.jobRuns.existing(
      job.name,
      occurrences.map((o) => o.key),
      staleBefore,
    );
    return occurrences.filter((o) => !seen.has(o.key)).sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private async runJob(job: Job, from: Date, to: Date): Promise<RunReport[]> {
    const occurrences = await this.unclaimed(job, from, to);
    return runPool(occurrences, this.concurrency, (o) => this.runOne(job, o));
  }

  private async runOne(job: Job, occurrence: Occurrence): Promise<RunReport> {
    const { store } = this.services;
    const base = { job: job.name, key: occurrence.key, at: occurrence.at.toISOString() };
    if (this.signal?.aborted) return { ...base, status: 'stopped', detail: 'Not run: the bot was stopping; its next start runs it.' };
    const id = await store.jobRuns.claim({
      jobKey: job.name,
      occurrence: occurrence.key,
      claimedBy: this.instanceId,
      at: this.services.now(),
      leaseMs: this.leaseMs,
    });
    if (id === null) return { ...base, status: 'taken', detail: 'claimed by another instance' };
    try {
      const output = await job.run(this.services, occurrence);
      const { detail, ...queued } = typeof output === 'string' ? { detail: output } : output;
      await store.jobRuns.finish(id, 'done', detail, this.services.now(), queued);
      log.info({ ...base, detail }, 'Job occurrence done');
      return { ...base, status: 'done', detail };
    } catch (err) {
      const detail = `Failed: ${(err as Error)?.message ?? String(err)}`;
      log.error({ ...base, err }, 'Job occurrence failed');
      await store.jobRuns
        .finish(id, 'failed', detail, this.services.now())
        .catch((e) => log.error({ err: e }, 'Could not record the failure'));
      return { ...base, status: 'failed', detail };
    }
  }
}
