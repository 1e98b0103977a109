import type { Services } from '../bot/core/context.js';
import type { RunOutput } from '../bot/store/job-runs.js';

/** One occurrence of a job: a stable key (unique per job) and the instant it is due. */
export interface Occurrence {
  /** e.g. "schedule:3:reminder:2026-12-01T10:00:00.000Z:1440" or "digest:person:7:2026-11-23" */
  key: string;
  /** when it is due */
  at: Date;
  /** anything run() needs, as plain JSON */
  payload?: Record<string, unknown>;
}

/** What a run did: a line for the log and JobRun.detail, and the messages it queues (in the run's finishing transaction). */
export interface JobOutput extends RunOutput {
  detail: string;
}

/**
 * A scheduled job. The run coordinator asks every job for its occurrences due in a window,
 * claims each one with a unique (job, occurrence) row in JobRun so it runs once across instances,
 * then runs it and records its end together with the messages it queues. Jobs never send and never keep timers.
 */
export interface Job {
  /** short stable name, e.g. "schedule-reminders", "weekly-digest", "update-round-reminders" */
  name: string;
  /** occurrences due in (from, to] */
  occurrences(services: Services, from: Date, to: Date): Promise<Occurrence[]>;
  /** does the work; returns a short line, or the line and the messages to queue with the run's end */
  run(services: Services, occurrence: Occurrence): Promise<string | JobOutput>;
}

/** The key prefix of the messages one occurrence queues: unique per job and occurrence, the same on a takeover. */
export const messageKey = (job: string, occurrence: Occurrence): string => `${job}:${occurrence.key}`;
