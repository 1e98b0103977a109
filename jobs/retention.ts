import { addDays } from '../bot/plan/dates.js';
import { localDate, resolveLocal } from '../bot/plan/schedule/local-time.js';
import type { Job } from './job.js';

/** The purge runs once a day at this London time, when nobody is updating. */
export const RETENTION_TIME = '03:30';
const ZONE = 'Europe/London';

/** Retention: every night, deletes conversations, job runs, stopped-note counts and audit entries past their configured periods. */
export const retentionJob: Job = {
  name: 'retention',
  async occurrences(_services, from, to) {
    const out = [];
    for (let day = localDate(from, ZONE); day <= localDate(to, ZONE); day = addDays(day, 1)) {
      const at = resolveLocal(day, RETENTION_TIME, ZONE);
      if (at > from && at <= to) out.push({ key: `retention:${day}`, at });
    }
    return out;
  },
  async run(services, occurrence) {
    const { config } = services;
    const purged = await services.store.privacy.purgeExpired(occurrence.at, {
      dialogDays: config.RETENTION_DIALOG_DAYS,
      jobRunDays: config.RETENTION_JOB_RUN_DAYS,
      stoppedCountDays: config.RETENTION_STOPPED_COUNT_DAYS,
      auditDays: config.RETENTION_AUDIT_DAYS,
    });
    return `purged ${purged.dialogs} conversations, ${purged.jobRuns} job runs, ${purged.stoppedCounts} stopped-note counts, ${purged.auditEntries} audit entries`;
  },
};
