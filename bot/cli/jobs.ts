import { parseArgs } from 'node:util';
import { JOBS } from '../../jobs/index.js';
import { RunCoordinator } from '../../jobs/run-coordinator.js';
import { createBot } from '../app.js';
import type { CliCommand } from './context.js';

const USAGE = `Usage:
  jobs tick --at <ISO time>      run every job due in the minute ending at that instant, exactly as the scheduler would
  jobs runs [--limit N]          recent job runs, newest first`;

/** `jobs tick --at <ISO>` and `jobs runs`. */
export const jobsCommand: CliCommand = async (args, ctx) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { at: { type: 'string' }, limit: { type: 'string' } },
  });
  const [action] = positionals;
  if (action === 'tick' && values.at) {
    const at = new Date(values.at);
    if (Number.isNaN(at.getTime())) {
      ctx.out(`"${values.at}" is not a date and time. Use ISO 8601, e.g. 2026-12-01T10:00:00Z.`);
      return 2;
    }
    const { services } = createBot({ config: ctx.config, store: ctx.store, now: () => at });
    const coordinator = new RunCoordinator(services, JOBS, { instanceId: `cli:${process.pid}` });
    const reports = await coordinator.tick(new Date(at.getTime() - 60_000), at);
    if (!reports.length) ctx.out(`Nothing was due in the minute up to ${at.toISOString()}.`);
    for (const r of reports) ctx.out(`${r.job} ${r.key}: ${r.status}${r.detail ? ` (${r.detail})` : ''}`);
    // A one-shot process: send what the runs queued before exiting (a running bot's outbox sender would do it).
    await services.outbox.drain();
    const prefixes = reports.filter((r) => r.status === 'done').map((r) => `${r.job}:${r.key}:`);
    const ended = (await ctx.store.outbox.list({ since: at })).filter((m) => prefixes.some((p) => m.key.startsWith(p)));
    if (ended.length)
      ctx.out(
        `Messages: ${(['sent', 'unreachable', 'failed', 'pending'] as const).map((s) => `${ended.filter((m) => m.status === s).length} ${s}`).join(', ')}`,
      );
    return reports.some((r) => r.status === 'failed') ? 1 : 0;
  }
  if (action === 'runs') {
    const runs = await ctx.store.jobRuns.recent(Number(values.limit ?? 50));
    if (!runs.length) ctx.out('No job has run yet.');
    for (const r of runs)
      ctx.out(`${r.claimedAt.toISOString()} ${r.jobKey} ${r.occurrence}: ${r.status} by ${r.claimedBy}${r.detail ? ` (${r.detail})` : ''}`);
    return 0;
  }
  ctx.out(USAGE);
  return 2;
};
