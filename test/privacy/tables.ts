import pino from 'pino';
import { rootLogger } from '../../bot/logger.js';
import type { Db } from '../../bot/store/database.js';

/** Every table's rows except the stopped-note counter (which holds a number per day, never text). */
export async function everyTable(db: Db): Promise<Record<string, unknown[]>> {
  return {
    partnership: await db.partnership.findMany({ orderBy: { id: 'asc' } }),
    plan: await db.plan.findMany({ orderBy: { id: 'asc' } }),
    theme: await db.theme.findMany({ orderBy: { id: 'asc' } }),
    action: await db.action.findMany({ orderBy: { id: 'asc' } }),
    organisation: await db.organisation.findMany({ orderBy: { id: 'asc' } }),
    actionLead: await db.actionLead.findMany({ orderBy: [{ actionId: 'asc' }, { organisationId: 'asc' }] }),
    person: await db.person.findMany({ orderBy: { id: 'asc' } }),
    actionUpdate: await db.actionUpdate.findMany({ orderBy: { id: 'asc' } }),
    conversationRef: await db.conversationRef.findMany({ orderBy: { id: 'asc' } }),
    dialogState: await db.dialogState.findMany({ orderBy: { id: 'asc' } }),
    updateRound: await db.updateRound.findMany({ orderBy: { id: 'asc' } }),
    updateRoundItem: await db.updateRoundItem.findMany({ orderBy: { id: 'asc' } }),
    schedule: await db.schedule.findMany({ orderBy: { id: 'asc' } }),
    jobRun: await db.jobRun.findMany({ orderBy: { id: 'asc' } }),
    caseReview: await db.caseReview.findMany({ orderBy: { id: 'asc' } }),
    reminderMute: await db.reminderMute.findMany({ orderBy: { id: 'asc' } }),
    partnershipPrivacy: await db.partnershipPrivacy.findMany({ orderBy: { id: 'asc' } }),
    auditEntry: await db.auditEntry.findMany({ orderBy: { id: 'asc' } }),
  };
}

/** Everything the bot logs from now on, at every level (each line without the time it was written), until `stop()`. */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const stream = pino.symbols.streamSym as unknown as keyof typeof rootLogger;
  const logger = rootLogger as unknown as Record<PropertyKey, unknown>;
  const before = { stream: logger[stream], level: rootLogger.level };
  // without pino's "time" (the wall clock in milliseconds): it is never anyone's words, and a search for the digits of
  // a phone number (07700) found them in it whenever the clock read …077003 (CI, stop 19)
  logger[stream] = { write: (line: string) => void lines.push(line.replace(/"time":\d+,?/, '')) };
  rootLogger.level = 'trace';
  return {
    lines,
    stop() {
      logger[stream] = before.stream;
      rootLogger.level = before.level;
    },
  };
}
