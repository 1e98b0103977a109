import { ActivityTypes, type TurnContext } from 'botbuilder';
import { AppError } from './errors.js';
import { errorReply } from './core/error-reply.js';
import { emptyInvokeResponse, invokeResponse, replyFor, toActivity } from './teams/render.js';
import { logger } from './logger.js';
import { stripMentions } from './activity.js';
import { buildHelpCard } from '../cards/help-card.js';
import { buildMessageCard } from '../cards/message-card.js';
import { CARD_ACTIONS } from './handlers/card-actions/index.js';
import { handleText } from './handlers/commands/index.js';
import type { CardActionResult, Services, TurnInput } from './core/context.js';
import { handleConversationUpdate } from './handlers/lifecycle/index.js';
import { conversationKind, partnershipForTurn } from './teams/conversation.js';

const log = logger('turn');

/** Builds the one function the adapter runs for every turn: it turns activities into handler calls. */
export function createTurnHandler(services: Services) {
  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const partnership = await partnershipForTurn(services, activity);
    if (!partnership) return notLinked(context);
    const base: TurnInput = {
      services,
      partnership,
      sender: { id: activity.from?.id ?? 'unknown', name: activity.from?.name ?? 'Someone', aadObjectId: activity.from?.aadObjectId },
      conversation: { id: activity.conversation.id, kind: conversationKind(activity) },
      activityId: activity.id ?? `${activity.conversation.id}:${activity.timestamp ?? ''}`,
    };
    switch (activity.type) {
      case ActivityTypes.Message:
        return onMessage(context, base);
      case ActivityTypes.Invoke:
        return onInvoke(context, base);
      case ActivityTypes.ConversationUpdate:
        for (const reply of await handleConversationUpdate(context, base)) await context.sendActivity(toActivity(reply));
        return;
      default:
        log.debug({ type: activity.type }, 'Ignoring activity type');
    }
  };
}

/** A conversation from a tenant no partnership is linked to: say so, store nothing, answer invokes. */
async function notLinked(context: TurnContext): Promise<void> {
  log.warn({ conversationId: context.activity.conversation.id }, 'Activity from a tenant not linked to any partnership');
  const reply = buildMessageCard({
    title: 'Not linked to a partnership',
    lines: [
      'This team or chat is not linked to a Prevent partnership yet, so I cannot show or change any plan here. Ask your Prevent coordinator to have it linked (npm run cli -- partnership link).',
    ],
  });
  if (context.activity.type === ActivityTypes.Invoke || context.activity.type === ActivityTypes.Message) {
    await context.sendActivity(replyFor(context.activity.type, reply));
  }
}

async function onMessage(context: TurnContext, base: TurnInput): Promise<void> {
  const activity = context.activity;
  const value = activity.value as Record<string, unknown> | undefined;
  const text = stripMentions(activity.text ?? '');
  if (!text && value && typeof value === 'object' && typeof value.verb === 'string') {
    const result = await runCardAction(base, value.verb, value);
    const replies = [...(result.replaceCard ? [result.replaceCard] : []), ...(result.messages ?? [])];
    for (const reply of replies) await context.sendActivity(toActivity(reply));
    return;
  }
  if (!text) {
    await context.sendActivity(toActivity(buildHelpCard({ notUnderstood: '(an empty message)' })));
    return;
  }
  for (const reply of await handleText({ ...base, text })) await context.sendActivity(toActivity(reply));
}

async function runCardAction(base: TurnInput, verb: string, data: Record<string, unknown>): Promise<CardActionResult> {
  const handler = CARD_ACTIONS[verb];
  if (!handler) throw new AppError('INVALID_INPUT', 'I do not recognise that button. It may be from an older card: please ask again.');
  return handler({ ...base, verb, data });
}

async function onInvoke(context: TurnContext, base: TurnInput): Promise<void> {
  const activity = context.activity;
  if (activity.name !== 'adaptiveCard/action') {
    await context.sendActivity(emptyInvokeResponse());
    return;
  }
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  let result: CardActionResult;
  try {
    if (typeof action?.verb !== 'string') throw new AppError('INVALID_INPUT', 'That button sent no action. Please ask again.');
    const data = action.data && typeof action.data === 'object' ? (action.data as Record<string, unknown>) : {};
    result = await runCardAction(base, action.verb, data);
  } catch (err) {
    log.warn({ err, code: (err as AppError).code }, 'Card action failed');
    result = { replaceCard: errorReply(err) };
  }
  for (const message of result.messages ?? []) await context.sendActivity(toActivity(message));
  await context.sendActivity(invokeResponse({ card: result.replaceCard?.card, message: result.toast ?? result.replaceCard?.text }));
}
