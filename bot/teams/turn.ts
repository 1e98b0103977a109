import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { buildHelpCard } from '../../cards/help-card.js';
import { buildMessageCard } from '../../cards/message-card.js';
import type { CardActionResult, Services, TurnInput } from '../core/context.js';
import { errorReply } from '../core/error-reply.js';
import { AppError } from '../errors.js';
import { botAddedReplies } from '../handlers/lifecycle/index.js';
import { FILE_CONSENT_INVOKE, fileConsentHandler } from '../features/reports/file-consent.js';
import { receivePlanFileHandler } from '../handlers/plan-import/receive-file.js';
import { fileAttachmentOf } from '../import/teams-file.js';
import { logger } from '../logger.js';
import { handleCardAction, handleText } from '../routes/dispatch.js';
import { resolveTurn } from '../routes/turn-context.js';
import { conversationIdOf, conversationKind, partnershipForTurn } from './conversation.js';
import { recogniseSender, syncMembership } from '../identity/contact.js';
import { readMentions } from '../identity/mentions.js';
import { firstRefusal } from '../identity/tenancy.js';
import { emptyInvokeResponse, invokeResponse, replyFor, toActivity } from './render.js';
import { answerOnce } from './answer-once.js';

const log = logger('turn');

/** Who is speaking and where, from a Teams activity, resolved once (see resolveTurn). */
function turnOf(services: Services, activity: Activity, partnership: string): Promise<TurnInput> {
  return resolveTurn(services, {
    partnership,
    sender: { id: activity.from?.id ?? 'unknown', name: activity.from?.name ?? 'Someone', aadObjectId: activity.from?.aadObjectId },
    conversation: { id: conversationIdOf(activity), kind: conversationKind(activity) },
    activityId: activity.id ?? `${activity.conversation.id}:${activity.timestamp ?? ''}`,
  });
}

/** Builds the one function the adapter runs for every turn: Teams activities in, route table calls, rendered replies out. */
export function createTurnHandler(services: Services) {
  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const partnership = await partnershipForTurn(services, activity);
    if (!partnership) return notLinked(context, services);
    return answerOnce(services, context, () => onLinkedTurn(context, services, partnership));
  };
}

/** A turn from a conversation of a linked partnership: the sender recognised, then the activity routed by type. */
async function onLinkedTurn(context: TurnContext, services: Services, partnership: string): Promise<void> {
  const activity = context.activity;
  await recogniseSender(services, context, partnership);
  switch (activity.type) {
    case ActivityTypes.Message:
      return onMessage(context, await turnOf(services, activity, partnership));
    case ActivityTypes.Invoke:
      if (activity.name === FILE_CONSENT_INVOKE) {
        const turn = await turnOf(services, activity, partnership);
        for (const reply of await fileConsentHandler(turn, activity.value)) await context.sendActivity(toActivity(reply));
        await context.sendActivity(emptyInvokeResponse());
        return;
      }
      if (activity.name !== 'adaptiveCard/action') {
        await context.sendActivity(emptyInvokeResponse());
        return;
      }
      return onCardInvoke(context, await turnOf(services, activity, partnership));
    case ActivityTypes.ConversationUpdate: {
      await syncMembership(services, context, partnership);
      const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
      for (const reply of botAdded ? botAddedReplies() : []) await context.sendActivity(toActivity(reply));
      return;
    }
    default:
      log.debug({ type: activity.type }, 'Ignoring activity type');
  }
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
    for (const reply of await receivePlanFileHandler(turn, file)) await context.sendActivity(toActivity(reply));
    return;
  }
  if (!text && value && typeof value === 'object' && typeof value.verb === 'string') {
    const result = await handleCardAction({ ...turn, verb: value.verb, data: value });
    const replies = [...(result.replaceCard ? [result.replaceCard] : []), ...(result.messages ?? [])];
    for (const reply of replies) await context.sendActivity(toActivity(reply));
    return;
  }
  if (!text) {
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
    result = { replaceCard: errorReply(err) };
  }
  for (const message of result.messages ?? []) await context.sendActivity(toActivity(message));
  await context.sendActivity(
    invokeResponse({ card: result.replaceCard?.card, message: result.toast ?? result.replaceCard?.text, text: result.replaceCard?.text }),
  );
}
