import type { Services } from '../bot/core/context.js';
import { closeDueRound, remindRound } from '../bot/features/rounds/deadline.js';
import { reminderTime } from '../bot/plan/rounds.js';
import type { Job, Occurrence } from './job.js';

type Payload = { roundId: number; kind: 'reminder' | 'close' };

function occurrence(key: string, at: Date, payload: Payload): Occurrence {
  return { key, at, payload };
}

/**
 * Update rounds: one reminder two working days before the deadline (10:00 local) to leads who have not
 * answered, and closing at the deadline with a summary to the coordinator. A round still open after its
 * deadline (no instance ran then) is due to close now, so an outage delays the summary but never loses it.
 */
export const updateRoundsJob: Job = {
  name: 'update-rounds',
  async occurrences(services: Services, from: Date, to: Date) {
    const found: Occurrence[] = [];
    for (const round of await services.store.rounds.open()) {
      const remindAt = reminderTime(round.deadline, round.timeZone);
      if (!round.reminderSentAt && remindAt > round.createdAt && remindAt < round.deadline && remindAt > from && remindAt <= to) {
        found.push(occurrence(`round:${round.id}:reminder`, remindAt, { roundId: round.id, kind: 'reminder' }));
      }
      if (round.deadline > from && round.deadline <= to)
        found.push(occurrence(`round:${round.id}:close`, round.deadline, { roundId: round.id, kind: 'close' }));
      else if (round.deadline <= from)
        found.push(occurrence(`round:${round.id}:close-late:${to.toISOString()}`, to, { roundId: round.id, kind: 'close' }));
    }
    return found;
  },
  async run(services: Services, due: Occurrence) {
    const { roundId, kind } = due.payload as Payload;
    return kind === 'reminder' ? remindRound(services, roundId) : closeDueRound(services, roundId);
  },
};
