import { cardJson } from './card-json.js';
import type { CardResult } from './elements.js';

/** Hard limit on a serialised card (several Teams surfaces refuse more). */
export const CARD_SIZE_LIMIT = 28 * 1024;

/** What builders aim for: card and text together, in UTF-8 bytes, with room for the activity around them. */
export const CARD_BUDGET = 26 * 1024;

/** Teams refreshes a card automatically (Universal Actions) for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

const measured = new WeakMap<object, number>();

/** UTF-8 size of a card serialised, measured once per card object (cards are not changed once built). */
export function cardBytes(card: object): number {
  let bytes = measured.get(card);
  if (bytes === undefined) {
    bytes = Buffer.byteLength(cardJson(card), 'utf8');
    measured.set(card, bytes);
  }
  return bytes;
}

/** UTF-8 size of a card plus its text fallback. */
export function resultSize(result: CardResult): number {
  return cardBytes(result.card) + Buffer.byteLength(result.text, 'utf8');
}

/** Whether a built card and its text fit the budget. */
export function fits(result: CardResult, budget: number = CARD_BUDGET): boolean {
  return resultSize(result) <= budget;
}

/** Builds with the largest count from `max` down to `min` that fits the budget (or with `min` if none does). */
export function largestFitting(max: number, min: number, build: (count: number) => CardResult): CardResult {
  for (let count = max; count > min; count -= 1) {
    const result = build(count);
    if (fits(result)) return result;
  }
  return build(Math.min(min, max));
}
