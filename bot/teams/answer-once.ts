import { createHash } from 'node:crypto';
import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import type { Services } from '../core/context.js';
import { afterAnswer } from '../core/after-answer.js';
import { retryUntil } from '../core/retry-until.js';
import { logger } from '../logger.js';
import { invokeResponse } from './render.js';
import { messageJson } from '../../cards/card-json.js';

const log = logger('turn');

/** How long a turn's replies are remembered: Teams retries within seconds, so an hour is ample. */
const REMEMBER_MS = 60 * 60_000;
/** A turn still running after this long lost its instance: a retry then runs it again, sending only what was not sent. */
const LEASE_MS = 2 * 60_000;

const INVOKE_RESPONSE = 'invokeResponse';
/** How long a retried card press waits for the first delivery's answer (Teams waits 15 seconds in all). */
const RETRY_WAIT_MS = 8_000;
const RETRY_POLL_MS = 100;
/** First wait before trying again to record a turn's end while the database cannot be reached; doubles to at most 5 s. */

/**
 * Runs a turn once per activity across every instance: Teams sends the same activity again (same id) when a turn takes
 * over 15 seconds, and a retry must not answer twice. The first delivery runs the turn and records each message it sends;
 * a retry sends nothing new (an invoke gets the same answer, or "still working" while the first is running). A retry of a
 * turn whose instance died runs it again and skips the messages already sent.
 */
export async function answerOnce(
  services: Services,
  context: TurnContext,
  run: () => Promise<void>,
  /** the claim was inserted already, with the conversation (see turnClaimOf) */
  claimed?: boolean,
): Promise<void> {
  const activity = context.activity;
  const activityId = activity.id;
  const key = turnKeyOf(activity);
  if (!activityId || !key) return run();
  const replies = services.store.turnReplies;
  const claimedAt = Date.now();
  const claim = await replies.claim({ key, at: services.now(), ttlMs: REMEMBER_MS, leaseMs: LEASE_MS, inserted: claimed });
  if (claim.kind === 'retry') {
    log.info({ activityId, type: activity.type, status: claim.status }, 'Retried activity: its replies are not sent again');
    if (activity.type === ActivityTypes.Invoke) {
      // the same card press reaching another instance while the first is still working: wait a little for its answer
      let answer = claim.invokeResponse;
      let running = claim.status === 'running';
      for (let waited = 0; answer === null && running && waited < RETRY_WAIT_MS; waited += RETRY_POLL_MS) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_POLL_MS));
        const again = await replies.claim({ key, at: services.now(), ttlMs: REMEMBER_MS, leaseMs: LEASE_MS });
        if (again.kind !== 'retry') break;
        answer = again.invokeResponse;
        running = again.status === 'running';
      }
      await context.sendActivity(retryAnswer(answer));
    }
    return;
  }
  let skip = claim.kind === 'taken-over' ? claim.sent : 0;
  let sent = skip;
  let recorded = skip;
  let answer: string | undefined;
  context.onSendActivities(async (_context, activities, next) => {
    for (let i = activities.length - 1; i >= 0; i--) {
      if (activities[i]?.type === INVOKE_RESPONSE || skip <= 0) continue;
      activities.splice(i, 1);
      skip--;
    }
    if (activities.length === 0) return [];
    const messages = activities.filter((a) => a.type !== INVOKE_RESPONSE).length;
    // what was sent before this batch is written down before this batch goes: one write per turn for the usual single
    // reply (at the end, with the status), and a retry after a crash resends at most the batch that was in flight
    if (messages > 0 && sent > recorded) {
      await replies.record(key, sent);
      recorded = sent;
    }
    const responses = await next();
    sent += messages;
    const invoke = activities.find((a) => a.type === INVOKE_RESPONSE);
    // kept for a retry of this activity, with the card's JSON as already made (see card-json.ts)
    if (invoke) answer = messageJson(invoke.value as object);
    return responses;
  });
  // what the turn sent is recorded even while the database cannot be reached just now (a restart, a failover): a record
  // that fails must not end the turn with "something went wrong" after its answer, nor be left undone (a retry after the
  // lease would answer again); it is tried again for as long as half the lease
  const deadline = claimedAt + LEASE_MS / 2;
  try {
    await run();
  } catch (err) {
    // the turn failed: keep what it did send, so a retry taking it over does not send that again
    if (sent > recorded || answer !== undefined) await recordUntil(() => replies.record(key, sent, answer), deadline, activityId);
    throw err;
  }
  // the platform is answered before the turn's end is written down: Teams waits on the HTTP response (a card press for
  // its refreshed card), and a retry meanwhile finds the turn running, so sends nothing new (see afterAnswer)
  void afterAnswer(
    services,
    recordUntil(() => replies.finish(key, sent, answer), deadline, activityId),
  );
}

/** The key a turn's replies are remembered by: its conversation and activity id; null for activities not claimed. */
function turnKeyOf(activity: Activity): string | null {
  if (!activity.id || (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke)) return null;
  return createHash('sha256')
    .update(`${activity.conversation?.id ?? ''}\n${activity.id}`)
    .digest('hex');
}

/** The claim answerOnce would make for this activity, for the statement that reads its conversation to make it too. */
export function turnClaimOf(activity: Activity, at: Date): { key: string; at: Date; ttlMs: number } | undefined {
  const key = turnKeyOf(activity);
  return key ? { key, at, ttlMs: REMEMBER_MS } : undefined;
}

/** Writes a turn's record, trying again until `deadline`, then logs that it could not (the turn itself still ends well). */
async function recordUntil(write: () => Promise<void>, deadline: number, activityId: string): Promise<void> {
  try {
    await retryUntil(write, deadline, {
      onRetry: (err, attempt, delay) => log.warn({ err, activityId, attempt, delay }, 'Could not record what a turn sent; trying again'),
    });
  } catch (err) {
    log.error({ err, activityId }, 'Could not record what a turn sent: a retry after its lease may send it again');
  }
}

/** The answer to a retried invoke: the first delivery's answer when it has one, otherwise a short "still working". */
function retryAnswer(stored: string | null): Partial<Activity> {
  if (stored) {
    try {
      return { type: INVOKE_RESPONSE, value: JSON.parse(stored) };
    } catch {
      // fall through to the short answer
    }
  }
  return invokeResponse({ message: 'Still working on that: the card will update when it is done.' });
}
