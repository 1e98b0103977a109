import type { WebClient } from '@slack/web-api';
import { buildMessageCard } from '../../cards/message-card.js';
import type { Reply, Services, TurnInput } from '../core/context.js';
import { afterAnswer } from '../core/after-answer.js';
import { errorReply } from '../core/error-reply.js';
import { AppError } from '../errors.js';
import { firstRefusal } from '../identity/tenancy.js';
import { retryUntil } from '../core/retry-until.js';
import { logger } from '../logger.js';
import { slackConversationId } from '../store/slack.js';
import { postToSlack } from './direct-post.js';
import { toSlackMessages } from './render.js';
import { slackPartnership, slackTurn, type SlackWhere } from './turn.js';

// What every Slack request shares: where replies go, running once per event id, and the error boundary.

const log = logger('slack');

/** How long a Slack event id is remembered, so a retry (X-Slack-Retry-Num) runs nothing again. */
const REMEMBER_MS = 60 * 60_000;
const LEASE_MS = 2 * 60_000;

const NOT_LINKED = buildMessageCard({
  title: 'Not linked to a partnership',
  lines: [
    'This Slack workspace is not linked to a Prevent partnership yet, so I cannot show or change any plan here. Ask your Prevent coordinator to have it linked (npm run cli -- partnership link <name> --slack-team <workspace id>).',
  ],
});

/** Where replies go: a channel (in a thread when asked there), or an ephemeral message to one person. */
export interface Target {
  channel: string;
  threadTs?: string;
  /** only this person sees it */
  ephemeralTo?: string;
}

/** Posts a reply (every page of it) where it belongs, straight to the Web API (see postToSlack). */
export async function post(client: WebClient, target: Target, reply: Reply): Promise<void> {
  for (const message of toSlackMessages(reply)) {
    const body = { channel: target.channel, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
    if (target.ephemeralTo) await postToSlack(client, 'chat.postEphemeral', { ...body, user: target.ephemeralTo });
    else await postToSlack(client, 'chat.postMessage', { ...body, ...(target.threadTs ? { thread_ts: target.threadTs } : {}) });
  }
}

/** Runs a request's work once per Slack event id across instances: a retry of an event already handled does nothing. */
export function once(services: Services, eventId: string | undefined, run: () => Promise<void>): Promise<void> {
  return afterAnswer(services, runOnce(services, eventId, run));
}

async function runOnce(services: Services, eventId: string | undefined, run: () => Promise<void>): Promise<void> {
  if (!eventId) return run();
  const key = `slack:${eventId}`;
  const at = services.now();
  const started = Date.now(); // the wall clock, as leases are judged (services.now() may be a chosen instant)
  const claim = await services.store.turnReplies.claim({ key, at, ttlMs: REMEMBER_MS, leaseMs: LEASE_MS });
  if (claim.kind === 'retry') {
    log.info({ eventId }, 'Retried Slack event: already handled, nothing runs again');
    return;
  }
  try {
    await run();
  } finally {
    // recorded even while the database restarts (for up to half the lease), or a retry of the event would run it again
    await retryUntil(() => services.store.turnReplies.finish(key), started + LEASE_MS / 2, {
      onRetry: (err, attempt, delay) =>
        log.warn({ err, eventId, attempt, delay }, 'Could not record a Slack event as handled; trying again'),
    }).catch((err: unknown) => log.error({ err, eventId }, 'Could not record a Slack event as handled: a retry of it may run again'));
  }
}

/**
 * A request from a workspace: the turn resolved, then the work; a workspace linked to no partnership is told so once;
 * any failure is logged and the person told in plain words (the one error boundary for Slack).
 */
export function withTurn(
  services: Services,
  client: WebClient,
  where: SlackWhere,
  activityId: string,
  reply: Target,
  work: (turn: TurnInput) => Promise<void>,
): Promise<void> {
  return afterAnswer(services, turnWork(services, client, where, activityId, reply, work));
}

async function turnWork(
  services: Services,
  client: WebClient,
  where: SlackWhere,
  activityId: string,
  reply: Target,
  work: (turn: TurnInput) => Promise<void>,
): Promise<void> {
  try {
    const partnership = await slackPartnership(services, where.teamId);
    if (!partnership) {
      log.warn({ teamId: where.teamId }, 'Slack request from a workspace not linked to any partnership');
      if (firstRefusal(services.store, slackConversationId(where.teamId, where.channel))) await post(client, reply, NOT_LINKED);
      return;
    }
    await work(await slackTurn(services, client, partnership, where, activityId));
  } catch (err) {
    const code = err instanceof AppError ? err.code : 'UNEXPECTED';
    if (err instanceof AppError) log.warn({ code, msg: err.message }, 'Slack request refused');
    else log.error({ code, err }, 'Slack request failed');
    await post(client, reply, errorReply(err)).catch((sendError: unknown) =>
      log.error({ err: sendError }, 'Could not tell the Slack user about a failed request'),
    );
  }
}
