import { ActivityTypes, CardFactory, type Activity, type TurnContext } from 'botbuilder';
import { AppError } from './errors.js';
import { logger } from './logger.js';
import { stripMentions } from './activity.js';
import { buildHelpCard } from '../cards/help-card.js';
import { buildMessageCard } from '../cards/message-card.js';
import { CARD_ACTIONS, type CardActionResult } from './handlers/card-actions/index.js';
import { handleText } from './handlers/commands/index.js';
import type { ConversationKind, Reply, Services, TurnInput } from './handlers/context.js';
import { handleConversationUpdate } from './handlers/lifecycle/index.js';
import { partnershipForTurn } from './handlers/partnership.js';
import { receivePlanFileHandler } from './handlers/plan-import/receive-file.js';
import { fileAttachmentOf } from './import/teams-file.js';

const log = logger('turn');

/** A reply as a botbuilder message activity: the text always, the card when there is one. */
export function toActivity(reply: Reply): Partial<Activity> {
  return { type: ActivityTypes.Message, text: reply.text, attachments: reply.card ? [CardFactory.adaptiveCard(reply.card)] : [] };
}

/** What the user is told when something goes wrong: the AppError's message, or a general apology. */
export function errorReply(err: unknown): Reply {
  if (err instanceof AppError) return buildMessageCard({ title: 'That did not work', lines: [err.message] });
  return buildMessageCard({
    title: 'Sorry, something went wrong',
    lines: [
      'Something went wrong on my side and nothing was changed. Please try again; if it keeps happening, tell your Prevent coordinator.',
    ],
  });
}

function conversationKind(activity: Activity): ConversationKind {
  const t = activity.conversation?.conversationType;
  return t === 'channel' ? 'channel' : t === 'groupChat' ? 'groupChat' : 'personal';
}

/** Builds the one function the adapter runs for every turn: it turns activities into handler calls. */
export function createTurnHandler(services: Services) {
  return async function onTurn(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const partnership = await partnershipForTurn(services, context, conversationKind(activity));
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
  if (context.activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card } },
    });
  } else if (context.activity.type === ActivityTypes.Message) {
    await context.sendActivity(toActivity(reply));
  }
}

async function onMessage(context: TurnContext, base: TurnInput): Promise<void> {
  const activity = context.activity;
  const value = activity.value as Record<string, unknown> | undefined;
  const text = stripMentions(activity.text ?? '');
  const file = fileAttachmentOf(activity.attachments);
  if (file) {
    for (const reply of await receivePlanFileHandler(base, file)) await context.sendActivity(toActivity(reply));
    return;
  }
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
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
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
  const body = result.replaceCard?.card
    ? { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.replaceCard.card }
    : { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.toast ?? result.replaceCard?.text ?? 'Done.' };
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
}
