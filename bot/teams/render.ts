import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import type { Reply } from '../core/types.js';

// The Teams renderer: the one place that turns channel-neutral replies into Bot Framework activities.

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

/** A reply as a botbuilder message activity: the text always, the card when there is one. */
export function toActivity(reply: Reply): Partial<Activity> {
  const cards = reply.card ? [CardFactory.adaptiveCard(reply.card)] : [];
  return { type: ActivityTypes.Message, text: reply.text, textFormat: 'plain', attachments: [...cards, ...(reply.attachments ?? [])] };
}

/**
 * The answer to an Action.Execute invoke: the card that replaces the one clicked when there is one,
 * else a short message Teams shows in place ("Done." when there is nothing to say).
 */
export function invokeResponse(answer: { card?: object; message?: string }): Partial<Activity> {
  const body = answer.card
    ? { statusCode: 200, type: ADAPTIVE_CARD, value: answer.card }
    : { statusCode: 200, type: MESSAGE, value: answer.message ?? 'Done.' };
  return { type: 'invokeResponse', value: { status: 200, body } };
}

/** The answer to an invoke the bot does not handle (anything but adaptiveCard/action): 200 with an empty body. */
export function emptyInvokeResponse(): Partial<Activity> {
  return { type: 'invokeResponse', value: { status: 200, body: {} } };
}

/** A reply as the answer to whatever came in: an invoke response for an invoke, a message otherwise. */
export function replyFor(activityType: string, reply: Reply): Partial<Activity> {
  return activityType === ActivityTypes.Invoke ? invokeResponse({ card: reply.card, message: reply.text }) : toActivity(reply);
}
