import { ragWords, type Rag } from '../bot/plan/types.js';
import { ragColour, type CardColour } from './describe.js';
import { cardText } from './card-text.js';
import type { Verb } from './verbs.js';

/** A piece of card JSON. */
export type Element = Record<string, unknown>;

/** What every builder returns: the card and a plain-text fallback that says the same thing. */
export interface CardResult {
  card: object;
  text: string;
}

/** The highest schema version Teams renders. */
export const CARD_VERSION = '1.5';

/** A wrapping TextBlock; the text is shown as written (no Markdown, links or mentions become active). */
export function text(value: string, options: Element = {}): Element {
  return { type: 'TextBlock', text: cardText(value), wrap: true, ...options };
}

/** A heading TextBlock (announced as a heading by screen readers). */
export function heading(value: string): Element {
  return text(value, { style: 'heading', size: 'Medium', weight: 'Bolder' });
}

/**
 * Words on a coloured band: a Container of the named style (good, warning, attention, accent) holding text in the
 * theme's default colour. Teams' named text colours fall below WCAG AA on its own backgrounds (warning #f8d22a and good
 * #92c353 on white; attention #d74654 on the dark theme), while default text on every style's band passes in the light,
 * dark and high-contrast themes (test/cards/contrast.test.ts). The words always say what the colour means.
 */
export function flagged(value: string, style: CardColour, options: Element = {}, textOptions: Element = {}): Element {
  const words = text(value, { weight: 'Bolder', ...textOptions });
  return style === 'default' ? { ...words, ...options } : { type: 'Container', style, items: [words], ...options };
}

/** The RAG rating in words, on a band of its colour: "RAG: AMBER". */
export function ragText(rag: Rag, options: Element = {}): Element {
  return flagged(`RAG: ${ragWords(rag)}`, ragColour(rag), options);
}

export interface ButtonOptions {
  style?: 'positive' | 'destructive';
  /** 'none' stops the button sending the card's inputs. */
  associatedInputs?: 'auto' | 'none';
}

/** An Action.Execute carrying { verb, ...data }, with an Action.Submit fallback carrying the same data. */
export function button(title: string, verb: Verb, data: Element, options: ButtonOptions = {}): Element {
  const payload = { verb, ...data };
  const common: Element = { title, ...options };
  return {
    type: 'Action.Execute',
    ...common,
    verb,
    data: payload,
    fallback: { type: 'Action.Submit', ...common, data: { ...payload } },
  };
}

/** An ActionSet holding buttons inside the card body. */
export function actionSet(actions: Element[], options: Element = {}): Element {
  return { type: 'ActionSet', actions, ...options };
}

/** A FactSet from [title, value] pairs. */
export function factSet(facts: [string, string][], options: Element = {}): Element {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title: cardText(title), value: cardText(value) })), ...options };
}

/** A whole Adaptive Card at schema 1.5, full width in Teams. */
export function adaptiveCard(body: Element[], actions: Element[] = [], extra: Element = {}): Element {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    ...extra,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}
