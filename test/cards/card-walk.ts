type Json = Record<string, unknown>;

/** Every object in a card (depth first), including fallbacks and refresh. */
export function allObjects(value: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(value)) {
    for (const item of value) allObjects(item, found);
  } else if (value !== null && typeof value === 'object') {
    found.push(value as Json);
    for (const child of Object.values(value)) allObjects(child, found);
  }
  return found;
}

/** Objects of one `type`, e.g. "Action.Execute". */
export function ofType(card: object, type: string): Json[] {
  return allObjects(card).filter((object) => object.type === type);
}

/** Action.Execute buttons, leaving out the automatic refresh action. */
export function buttons(card: object): Json[] {
  const refresh = (card as { refresh?: { action?: unknown } }).refresh?.action;
  return ofType(card, 'Action.Execute').filter((action) => action !== refresh);
}

/** Buttons with a given verb. */
export function buttonsWithVerb(card: object, verb: string): Json[] {
  return buttons(card).filter((action) => action.verb === verb);
}

/** All words a person can see on the card: text, facts, choice titles, labels and button titles. */
export function visibleText(card: object): string {
  const words: string[] = [];
  for (const object of allObjects(card)) {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder']) {
      const value = object[key];
      if (typeof value === 'string' && object.type !== 'Action.Submit') words.push(value);
    }
  }
  return words.join('\n');
}

/** The body's first element; throws when the card has no body. */
export function firstBodyElement(card: object): Json {
  const first = ((card as { body?: Json[] }).body ?? [])[0];
  if (first === undefined) throw new Error('The card has no body elements.');
  return first;
}
