import { createRequire } from 'node:module';
import { CARD_SIZE_LIMIT, MAX_REFRESH_USERS } from './budget.js';
import { CARD_VERSION } from './elements.js';

type AdaptiveCardsModule = typeof import('adaptivecards');

/* The package's lib/ is ESM without file extensions, which Node cannot load; its UMD bundle needs no DOM to parse. */
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

const PHASES = ['Parse', 'ToJSON', 'Validation'] as const;

function describeEvent(event: { phase: number; message: string }): string {
  return `${PHASES[event.phase] ?? 'Unknown'}: ${event.message}`;
}

/** Parses one card with the SDK at schema 1.5 and returns its parse events and validation failures. */
function sdkMessages(json: object): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const messages: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) {
    messages.push(describeEvent(context.getEventAt(index)));
  }
  for (const event of card.validateProperties().validationEvents) messages.push(describeEvent(event));
  return messages;
}

/** Every object-valued `fallback` in the card, found anywhere (the SDK only parses a fallback when it is used). */
function fallbacks(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) {
    for (const item of value) fallbacks(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'fallback' && child !== null && typeof child === 'object') found.push(child as Record<string, unknown>);
      fallbacks(child, found);
    }
  }
  return found;
}

function fallbackMessages(card: object): string[] {
  return fallbacks(card).flatMap((fallback) => {
    const isAction = typeof fallback.type === 'string' && fallback.type.startsWith('Action.');
    const wrapper = { type: 'AdaptiveCard', version: CARD_VERSION, ...(isAction ? { actions: [fallback] } : { body: [fallback] }) };
    return sdkMessages(wrapper).map((message) => `Fallback ${String(fallback.type)}: ${message}`);
  });
}

function shapeMessages(card: Record<string, unknown>): string[] {
  const messages: string[] = [];
  if (card.type !== 'AdaptiveCard') messages.push('Card: type must be "AdaptiveCard".');
  const version = typeof card.version === 'string' ? Number.parseFloat(card.version) : Number.NaN;
  if (!(version <= Number.parseFloat(CARD_VERSION))) messages.push(`Card: version must be ${CARD_VERSION} or lower for Teams.`);
  const refresh = card.refresh as { userIds?: unknown } | undefined;
  if (Array.isArray(refresh?.userIds) && refresh.userIds.length > MAX_REFRESH_USERS) {
    messages.push(`Card: refresh.userIds has ${refresh.userIds.length} ids; Teams allows ${MAX_REFRESH_USERS}.`);
  }
  const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
  if (size >= CARD_SIZE_LIMIT) messages.push(`Card: ${size} bytes serialised; it must be under ${CARD_SIZE_LIMIT}.`);
  return messages;
}

/** Checks a card with the adaptivecards SDK (errors, warnings and validation events), for Teams' version and size limits; [] means clean. */
export function validateCard(card: object): string[] {
  return [...shapeMessages(card as Record<string, unknown>), ...sdkMessages(card), ...fallbackMessages(card)];
}
