import cron, { type ScheduledTask } from 'node-cron';
import type { Services } from '../bot/core/context.js';
import { logger } from '../bot/logger.js';
import type { Job } from './job.js';
import { JOBS } from './index.js';
import { RunCoordinator, type CoordinatorOptions, type RunReport } from './run-coordinator.js';

const log = logger('scheduler');

/** A running scheduler: its coordinator, and stop() for shutdown. */
export interface Scheduler {
  coordinator: RunCoordinator;
  /** runs the window since the last tick up to now (what the cron task calls every minute) */
  tickNow(): Promise<RunReport[]>;
  stop(): Promise<void>;
}

/**
 * Starts the jobs: first a catch-up (missed occurrences within the grace window are run, older ones
 * recorded as skipped), then node-cron every minute running the window since the previous tick.
 * Windows are contiguous, so an occurrence is never missed between ticks or run twice by one instance;
 * the coordinator's claims stop other instances running it again.
 */
export async function startScheduler(
  services: Services,
  options: CoordinatorOptions & { jobs?: Job[]; cron?: boolean } = {},
): Promise<Scheduler> {
  const coordinator = new RunCoordinator(services, options.jobs ?? JOBS, options);
  let last = services.now();
  const caughtUp = await coordinator.catchUp(last);
  log.info(
    {
      instance: coordinator.instanceId,
      ran: caughtUp.filter((r) => r.status === 'done').length,
      skipped: caughtUp.filter((r) => r.status === 'skipped').length,
    },
    options.signal?.aborted ? 'Start-up catch-up cut short: the bot is stopping' : 'Start-up catch-up finished',
  );
  let running: Promise<RunReport[]> | null = null;
  const tickNow = async (): Promise<RunReport[]> => {
    if (running) return [];
    const to = services.now();
    if (to <= last) return [];
    const from = last;
    last = to;
    running = coordinator.tick(from, to);
    try {
      return await running;
    } catch (err) {
      log.error({ err, from: from.toISOString(), to: to.toISOString() }, 'Tick failed; its window will be tried again next minute');
      last = from;
      return [];
    } finally {
      running = null;
    }
  };
  let task: ScheduledTask | null = null;
  if (options.cron !== false && !options.signal?.aborted) {
    task = cron.schedule('* * * * *', () => tickNow().then(() => undefined), {
      name: 'prevent-jobs',
      noOverlap: true,
      logger: {
        info: (m) => log.debug(m),
        warn: (m) => log.warn(m),
        error: (m, err) => log.error({ err }, String(m)),
        debug: (m) => log.debug(String(m)),
      },
    });
  }
  log.info(
    { instance: coordinator.instanceId, jobs: (options.jobs ?? JOBS).map((j) => j.name), graceMinutes: coordinator.graceMs / 60_000 },
    'Scheduler started',
  );
  return {
    coordinator,
    tickNow,
    async stop() {
      await task?.destroy();
      await running;
    },
  };
}
