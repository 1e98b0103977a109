import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { buildHelpCard } from '../../cards/help-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import type { CardActionResult, Services, TurnInput, TurnTrace } from '../core/context.js';
import { errorReply } from '../core/error-reply.js';
import { AppError } from '../errors.js';
import { botAddedReplies, type Welcome } from '../handlers/lifecycle/index.js';
import { FILE_CONSENT_INVOKE, fileConsentHandler } from '../features/reports/file-consent.js';
import { receivePlanFileHandler } from '../handlers/plan-import/receive-file.js';
import { fileAttachmentOf } from '../import/teams-file.js';
import { retryUntil } from '../core/retry-until.js';
import { logger } from '../logger.js';
import { handleCardAction, handleText } from '../routes/dispatch.js';
import { resolveTurn } from '../routes/turn-context.js';
import { conversationIdOf, conversationKind, partnershipForTurn, senderOf } from './conversation.js';
import type { TurnReadAhead } from '../store/turn-start.js';
import { recogniseSender, syncMembership } from '../identity/contact.js';
import { readMentions } from '../identity/mentions.js';
import { firstRefusal } from '../identity/tenancy.js';
import { emptyInvokeResponse, invokeResponse, replyFor, toActivity } from './render.js';
import { isUnreachableError } from '../store/retry.js';
import { answerOnce } from './answer-once.js';

const log = logger('turn');
/** How long a turn waits for a database that cannot be reached before it answers with an apology (Teams waits 15 s). */
const UNREACHABLE_WAIT_MS = 8_000;

/**
 * Who is speaking and where, from a Teams activity, resolved once (see resolveTurn), from the reads made with the
 * conversation when there are any; the trace rides along.
 */
async function turnOf(
  services: Services,
  activity: Activity,
  partnership: string,
  trace: TurnTrace,
  ahead?: TurnReadAhead,
): Promise<TurnInput> {
  const turn = await resolveTurn(
    services,
    {
      partnership,
      sender: senderOf(activity),
      conversation: { id: conversationIdOf(activity), kind: conversationKind(activity) },
      activityId: activity.id ?? `${activity.conversation.id}:${activity.timestamp ?? ''}`,
    },
    ahead,
  );
  return { ...turn, trace };
}

/**
 * Builds the one function the adapter runs for every turn: Teams activities in, route table calls, rendered replies
 * out, and one structured log line per turn (activity type, route, partnership, duration, outcome; never the words).
 */
export function createTurnHandler(services: Services) {
  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const started = performance.now();
    const trace: TurnTrace = { outcome: 'retry' };
    let partnership: string | null = null;
    try {
      // Before the turn is claimed nothing has been sent, so a database that is restarting is waited for (up to
      // UNREACHABLE_WAIT_MS, inside Teams' 15 seconds) rather than answered with an apology: a retry of an activity
      // another instance is answering then finds its claim and stays silent, instead of saying "Sorry" after the answer.
      const entered = await retryUntil(() => partnershipForTurn(services, activity), Date.now() + UNREACHABLE_WAIT_MS, {
        retryIf: isUnreachableError,
        onRetry: (err, attempt, delay) => log.warn({ err, attempt, delay }, 'The database cannot be reached; waiting before answering'),
      });
      partnership = entered.partnership;
      if (!partnership) {
        trace.outcome = 'not linked';
        return await notLinked(context, services);
      }
      const linked = partnership;
      await answerOnce(services, context, () => onLinkedTurn(context, services, linked, trace, entered.ahead), entered.claimed);
    } catch (err) {
      trace.outcome = 'error';
      trace.code = err instanceof AppError ? err.code : 'UNEXPECTED';
      throw err;
    } finally {
      log.info(
        {
          activityType: activity.type,
          ...(activity.type === ActivityTypes.Invoke ? { invoke: activity.name } : {}),
          route: trace.route ?? null,
          partnership,
          durationMs: Math.round(performance.now() - started),
          outcome: trace.outcome,
          ...(trace.code ? { code: trace.code } : {}),
        },
        'Turn',
      );
    }
  };
}

/**
 * A turn from a conversation of a linked partnership: the sender recognised, then the activity routed by type. The
 * reads made with the conversation (`ahead`) serve the turn unless recognising the sender changed their record.
 */
async function onLinkedTurn(
  context: TurnContext,
  services: Services,
  partnership: string,
  trace: TurnTrace,
  readAhead?: TurnReadAhead,
): Promise<void> {
  const activity = context.activity;
  trace.outcome = 'answered';
  const recorded = await recogniseSender(services, context, partnership, readAhead);
  const ahead = recorded ? undefined : readAhead;
  switch (activity.type) {
    case ActivityTypes.Message:
      return onMessage(context, await turnOf(services, activity, partnership, trace, ahead));
    case ActivityTypes.Invoke:
      if (activity.name === FILE_CONSENT_INVOKE) {
        trace.route = FILE_CONSENT_INVOKE;
        const turn = await turnOf(services, activity, partnership, trace, ahead);
        for (const reply of await fileConsentHandler(turn, activity.value)) await context.sendActivity(toActivity(reply));
        await context.sendActivity(emptyInvokeResponse());
        return;
      }
      if (activity.name !== 'adaptiveCard/action') {
        trace.outcome = 'ignored';
        await context.sendActivity(emptyInvokeResponse());
        return;
      }
      return onCardInvoke(context, await turnOf(services, activity, partnership, trace, ahead));
    case ActivityTypes.ConversationUpdate: {
      await syncMembership(services, context, partnership);
      const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
      trace.route = botAdded ? 'bot added' : 'members changed';
      if (botAdded)
        for (const reply of botAddedReplies(await welcomeFor(services, activity, partnership)))
          await context.sendActivity(toActivity(reply));
      return;
    }
    default:
      trace.outcome = 'ignored';
  }
}

/** The channel's id without a thread's ";messageid=…" suffix. */
const bareChannel = (id: string) => id.split(';')[0];

/** Where the bot was added, and for a channel whether it is the one RAG changes are announced in. */
async function welcomeFor(services: Services, activity: Activity, partnership: string): Promise<Welcome> {
  const place = conversationKind(activity);
  if (place !== 'channel') return { place };
  const announced = await services.store.conversations.announcement(partnership);
  return { place, announcesHere: !announced || bareChannel(announced.conversationId) === bareChannel(activity.conversation.id) };
}

/** A conversation from a tenant no partnership is linked to: say so once, store nothing, answer invokes. */
async function notLinked(context: TurnContext, services: Services): Promise<void> {
  log.warn({ conversationId: context.activity.conversation.id }, 'Activity from a tenant not linked to any partnership');
  const reply = buildMessageCard({
    title: 'Not linked to a partnership',
    lines: [
      'This team or chat is not linked to a Prevent partnership yet, so I cannot show or change any plan here. Ask your Prevent coordinator to have it linked (npm run cli -- partnership link).',
    ],
  });
  const type = context.activity.type;
  if (type === ActivityTypes.Invoke || (type === ActivityTypes.Message && firstRefusal(services.store, context.activity.conversation.id))) {
    await context.sendActivity(replyFor(context.activity.type, reply));
  }
}

/** A message: a file sent in chat (a plan to import), typed text, or (Teams mobile, Action.Submit) empty text with a card's verb and inputs in `value`. */
async function onMessage(context: TurnContext, turn: TurnInput): Promise<void> {
  const activity = context.activity;
  const value = activity.value as Record<string, unknown> | undefined;
  const { text, mentions } = readMentions(activity);
  const file = fileAttachmentOf(activity.attachments);
  if (file) {
    if (turn.trace) turn.trace.route = 'plan file';
    for (const reply of await receivePlanFileHandler(turn, file)) await context.sendActivity(toActivity(reply));
    return;
  }
  if (!text && value && typeof value === 'object' && typeof value.verb === 'string') {
    const result = await handleCardAction({ ...turn, verb: value.verb, data: value });
    const replies = [...(result.replaceCard ? [result.replaceCard] : []), ...(result.messages ?? [])];
    // Action.Submit cannot show a toast: a press answered only by one (someone else's card) gets it as a message
    if (replies.length === 0 && result.toast) replies.push(buildMessageCard({ lines: [result.toast] }));
    for (const reply of replies) await context.sendActivity(toActivity(reply));
    return;
  }
  if (!text) {
    if (turn.trace) turn.trace.route = 'empty message';
    await context.sendActivity(toActivity(buildHelpCard({ notUnderstood: '(an empty message)' })));
    return;
  }
  for (const reply of await handleText({ ...turn, text, mentions })) await context.sendActivity(toActivity(reply));
}

/** An Action.Execute invoke: new messages first, then the invoke response (the replacement card, or a short message). */
async function onCardInvoke(context: TurnContext, turn: TurnInput): Promise<void> {
  const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  let result: CardActionResult;
  try {
    if (typeof action?.verb !== 'string') throw new AppError('INVALID_INPUT', 'That button sent no action. Please ask again.');
    const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
    result = await handleCardAction({ ...turn, verb: action.verb, data });
  } catch (err) {
    log.warn({ err, code: (err as AppError).code }, 'Card action failed');
    if (turn.trace) {
      turn.trace.outcome = err instanceof AppError && err.code === 'INVALID_INPUT' ? 'invalid' : 'error';
      turn.trace.code = err instanceof AppError ? err.code : 'UNEXPECTED';
    }
    result = { replaceCard: errorReply(err) };
  }
  for (const message of result.messages ?? []) await context.sendActivity(toActivity(message));
  await context.sendActivity(
    invokeResponse({ card: result.replaceCard?.card, message: result.toast ?? result.replaceCard?.text, text: result.replaceCard?.text }),
  );
}
