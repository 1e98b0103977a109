import { caseReviewsJob } from './case-reviews.js';
import { deadlineRemindersJob } from './deadline-reminders.js';
import type { Job } from './job.js';
import { retentionJob } from './retention.js';
import { scheduleRemindersJob } from './schedule-reminders.js';
import { updateRoundsJob } from './update-rounds.js';
import { weeklyDigestJob } from './weekly-digest.js';

/** Every scheduled job, run by the run coordinator in this order each minute. */
export const JOBS: Job[] = [scheduleRemindersJob, caseReviewsJob, weeklyDigestJob, deadlineRemindersJob, updateRoundsJob, retentionJob];
