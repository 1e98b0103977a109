import { randomUUID } from 'node:crypto';

// A built card's JSON, made once: the size check that decides what fits (budget.ts) serialises every card the bot
// sends, and the request that sends it would serialise it again. Cards are not changed once built.

const made = new WeakMap<object, string>();

/** The card serialised, once per card object. */
export function cardJson(card: object): string {
  let json = made.get(card);
  if (json === undefined) {
    json = JSON.stringify(card);
    made.set(card, json);
  }
  return json;
}

/** `card` with one more property at its end (as `{ ...card, [name]: value }` would have it), its JSON made from the card's. */
export function withProperty(card: object, name: string, value: string): object {
  const json = cardJson(card);
  const extended = { ...card, [name]: value };
  made.set(extended, `${json.slice(0, -1)}${json === '{}' ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(value)}}`);
  return extended;
}

/** Stands in for a card while the rest of a message is serialised: a string no one can type (a NUL and a random id). */
const MARK = `\u0000${randomUUID()}:`;
const MARKED = new RegExp(`"${JSON.stringify(MARK).slice(1, -1).replace(/\\/g, '\\\\')}(\\d+)"`, 'g');

/**
 * A message (an activity, an invoke response) serialised exactly as JSON.stringify would, with the JSON of the cards
 * in it taken from cardJson rather than made again.
 */
export function messageJson(message: object): string {
  const cards: string[] = [];
  const text = JSON.stringify(message, (_key, value: unknown) => {
    const json = value !== null && typeof value === 'object' ? made.get(value) : undefined;
    if (json === undefined) return value;
    cards.push(json);
    return `${MARK}${cards.length - 1}`;
  });
  return cards.length === 0 ? text : text.replace(MARKED, (match, index: string) => cards[Number(index)] ?? match);
}
