import { ActivityTypes, CardFactory, type Activity } from 'botbuilder';
import { CARD_SIZE_LIMIT, cardBytes } from '../../cards/budget.js';
import { cardJson, withProperty } from '../../cards/card-json.js';
import { cardText } from '../../cards/card-text.js';
import type { Reply } from '../core/types.js';

// The Teams renderer: the one place that turns channel-neutral replies into Bot Framework activities.

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
/** The longest `summary` sent: enough for a notification or a chat-list preview, never a whole answer. */
export const SUMMARY_LIMIT = 1000;

/** Text cut to at most `limit` characters at a word boundary, with an ellipsis when anything was cut. */
export function cutText(text: string, limit = SUMMARY_LIMIT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= limit) return flat;
  const head = flat.slice(0, limit - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > limit / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * A card carrying the reply's full words as its fallbackText (what clients that cannot draw it, and screen readers,
 * use). fallbackText may be read as Markdown, so it is escaped as every text in a card is (nothing typed becomes a link).
 */
function withFallbackText(card: object, text: string | undefined): object {
  return withFallbackSized(card, text).card;
}

/** withFallbackText, with the serialised size of the card it gives (from the built card's, without serialising it again). */
export function withFallbackSized(card: object, text: string | undefined): { card: object; bytes: number } {
  if (!text || (card as { fallbackText?: unknown }).fallbackText) return { card, bytes: cardBytes(card) };
  const fallbackText = cardText(text);
  // {...card, "fallbackText": "..."} serialises as the card with ,"fallbackText":"..." before its closing brace
  const added = cardJson(card) === '{}' ? '"fallbackText":'.length : ',"fallbackText":'.length;
  return {
    card: withProperty(card, 'fallbackText', fallbackText),
    bytes: cardBytes(card) + added + Buffer.byteLength(JSON.stringify(fallbackText), 'utf8'),
  };
}

/**
 * A reply as a botbuilder message activity. Teams shows an activity's text above its attachments, so a reply with
 * a card sends no text: the card carries the content, its fallbackText the full words, and the activity's summary a
 * short form for notifications. A reply without a card keeps its text.
 */
export function toActivity(reply: Reply): Partial<Activity> {
  const attachments = reply.attachments ?? [];
  if (!reply.card) return { type: ActivityTypes.Message, text: reply.text, textFormat: 'plain', attachments };
  const { card: content, bytes } = withFallbackSized(reply.card, reply.text);
  return {
    type: ActivityTypes.Message,
    textFormat: 'plain',
    ...(reply.text ? { summary: summaryBeside(reply.text, bytes) } : {}),
    attachments: [CardFactory.adaptiveCard(content), ...attachments],
  };
}

/** The summary for a card's message: at most SUMMARY_LIMIT characters, shorter when the card leaves less room under Teams' 28 KB. */
function summaryBeside(text: string, cardSize: number): string {
  const room = CARD_SIZE_LIMIT - 1024 - cardSize;
  let limit = SUMMARY_LIMIT;
  let summary = cutText(text, limit);
  while (limit > 100 && Buffer.byteLength(summary, 'utf8') > room) {
    limit = Math.floor(limit / 2);
    summary = cutText(text, limit);
  }
  return summary;
}

/**
 * The answer to an Action.Execute invoke: the card that replaces the one clicked when there is one (its fallbackText
 * the reply's words), else a short message Teams shows in place ("Done." when there is nothing to say).
 */
export function invokeResponse(answer: { card?: object; message?: string; text?: string }): Partial<Activity> {
  const body = answer.card
    ? { statusCode: 200, type: ADAPTIVE_CARD, value: withFallbackText(answer.card, answer.text) }
    : { statusCode: 200, type: MESSAGE, value: answer.message ?? 'Done.' };
  return { type: 'invokeResponse', value: { status: 200, body } };
}

/** The answer to an invoke the bot does not handle (anything but adaptiveCard/action): 200 with an empty body. */
export function emptyInvokeResponse(): Partial<Activity> {
  return { type: 'invokeResponse', value: { status: 200, body: {} } };
}

/** A reply as the answer to whatever came in: an invoke response for an invoke, a message otherwise. */
export function replyFor(activityType: string, reply: Reply): Partial<Activity> {
  return activityType === ActivityTypes.Invoke
    ? invokeResponse({ card: reply.card, message: reply.text, text: reply.text })
    : toActivity(reply);
}
