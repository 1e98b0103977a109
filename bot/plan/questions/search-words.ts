import type { PlanAction, PlanView } from '../types.js';
import { expansionOf } from './acronyms.js';
import { stem } from './tokens.js';

/** Short words that may sit inside a name without giving it a letter, as in "Violence Against Women and Girls". */
const MINOR = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', '&']);

/** Short forms people type for words plans spell out. */
const SHORT_FORMS: Record<string, string> = { comm: 'communication', comms: 'communication', org: 'organisation', info: 'information' };

/** What text search knows about an action: its stems and acronyms, and its words in order (title, then the rest). */
export interface ActionText {
  words: Set<string>;
  titleWords: Set<string>;
  /** " stem stem stem " without minor words, for phrases */
  sequence: string;
}

/** Word sets by text: keyed by the text itself so that an edited action is never answered from a stale entry. */
const cache = new Map<string, ActionText>();
const CACHE_LIMIT = 20_000;

/** Initials of runs of capitalised words, so that "MAPPA" finds "Multi-Agency Public Protection Arrangements". */
function acronyms(words: string[]): string[] {
  const found: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    for (let i = 0; i < run.length; i += 1) {
      for (let j = i + 3; j <= run.length; j += 1) found.push(run.slice(i, j).join(''));
    }
    run = [];
  };
  for (const word of words) {
    if (/^\p{Lu}/u.test(word)) run.push(word.charAt(0).toLowerCase());
    else if (!MINOR.has(word.toLowerCase())) flush();
  }
  flush();
  return found;
}

const wordsOf = (text: string): string[] => text.replace(/[\u2018\u2019']s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];

/** The last reading of each action object, with the texts it was read from. */
const byAction = new WeakMap<PlanAction, { title: string; outcome: string; notes: string; text: ActionText }>();

/** Everything a text search can find in an action's title, outcome and notes. */
export function actionText(action: PlanAction): ActionText {
  const seen = byAction.get(action);
  if (seen && seen.title === action.title && seen.outcome === action.outcome && seen.notes === action.notes) return seen.text;
  const made = readActionText(action);
  byAction.set(action, { title: action.title, outcome: action.outcome, notes: action.notes, text: made });
  return made;
}

function readActionText(action: PlanAction): ActionText {
  const text = `${action.title}\n${action.outcome}\n${action.notes}`;
  const cached = cache.get(text);
  if (cached) return cached;
  const written = wordsOf(text);
  const stems = written.map((w) => stem(w.toLowerCase()));
  const words = new Set(stems);
  for (const acronym of acronyms(written)) words.add(`^${acronym}`);
  const titleWords = new Set(wordsOf(action.title).map((w) => stem(w.toLowerCase())));
  const sequence = ` ${stems.filter((w) => !MINOR.has(w)).join(' ')} `;
  const made = { words, titleWords, sequence };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, made);
  return made;
}

/** Every stem and acronym a text search can find in an action's title, outcome and notes. */
export function actionWords(action: PlanAction): Set<string> {
  return actionText(action).words;
}

const partsCache = new Map<string, string[]>();

/** The stems of a search entry ("e-learning" → e, learning), minor words left out. */
function partsOf(entry: string): string[] {
  let parts = partsCache.get(entry);
  if (!parts) {
    parts = wordsOf(entry)
      .map((w) => stem(w.toLowerCase()))
      .filter((w) => !MINOR.has(w));
    if (partsCache.size >= 10_000) partsCache.clear();
    partsCache.set(entry, parts);
  }
  return parts;
}

/** Whether one search word or phrase, as the user wrote it, is found in the action. */
function found(text: ActionText, entry: string): boolean {
  const parts = partsOf(entry);
  if (parts.length === 0) return false;
  if (parts.length > 1) {
    return text.sequence.includes(` ${parts.join(' ')} `) || text.words.has(parts.join('')) || found(text, parts.join(''));
  }
  const first = parts[0] ?? '';
  const lower = SHORT_FORMS[first] ?? first;
  if (text.words.has(lower)) return true;
  const expansion = expansionOf(lower);
  if (expansion && text.sequence.includes(` ${expansion.join(' ')} `)) return true;
  const mayBeAcronym = lower.length >= 4 || (entry.length >= 3 && entry === entry.toUpperCase()) || expansion !== undefined;
  return mayBeAcronym && text.words.has(`^${lower}`);
}

/** Whether every search word is found, as a whole word or phrase, in the action's title, outcome or notes. */
export function matchesWords(action: PlanAction, words: string[]): boolean {
  const text = actionText(action);
  return words.every((word) => found(text, word));
}

/** Whether a word appears anywhere in the plan's actions, so that it is worth searching for. */
export function inPlanVocabulary(plan: PlanView, word: string): boolean {
  const parts = partsOf(word);
  const first = parts[0] ?? '';
  if (parts.length === 1 && !expansionOf(first)) {
    const all = planWords(plan);
    const single = SHORT_FORMS[first] ?? first;
    if (all.has(single)) return true;
    if (!all.has(`^${single}`)) return false;
  }
  return plan.actions.some((action) => found(actionText(action), word));
}

const frequencies = new WeakMap<PlanAction[], Map<string, number>>();

/** How many of the actions a search word or phrase is found in (remembered while the list of actions stays the same). */
function frequencyOf(actions: PlanAction[], word: string): number {
  let counts = frequencies.get(actions);
  if (!counts) {
    counts = new Map();
    frequencies.set(actions, counts);
  }
  let count = counts.get(word);
  if (count === undefined) {
    count = actions.filter((a) => found(actionText(a), word)).length;
    if (counts.size >= 5_000) counts.clear();
    counts.set(word, count);
  }
  return count;
}

const planWordSets = new WeakMap<PlanView, { actions: PlanAction[]; words: Set<string> }>();

/** Every stem and acronym in any of the plan's actions (remembered while the plan's actions stay the same). */
function planWords(plan: PlanView): Set<string> {
  const seen = planWordSets.get(plan);
  if (seen && seen.actions === plan.actions) return seen.words;
  const words = new Set(plan.actions.flatMap((a) => [...actionText(a).words]));
  planWordSets.set(plan, { actions: plan.actions, words });
  return words;
}

/**
 * Splits search words into those an action must have and those that only rank: a word found in more than
 * half of the plan's actions ("Prevent") only ranks, unless every word is that common.
 */
export function splitByFrequency(plan: PlanView, words: string[]): { required: string[]; ranking: string[] } {
  const all = plan.actions;
  const common = (w: string): boolean => frequencyOf(all, w) * 2 > all.length;
  const ranking = all.length >= 4 ? words.filter(common) : [];
  return ranking.length < words.length
    ? { required: words.filter((w) => !ranking.includes(w)), ranking }
    : { required: words, ranking: [] };
}

/**
 * Text search with the best match first: actions with every required word, scored by all the words.
 * A word counts more the fewer of the plan's actions have it, and twice in an action's title; ties in ref order.
 */
export function rankByWords(actions: PlanAction[], all: PlanAction[], required: string[], ranking: string[] = []): PlanAction[] {
  const words = [...required, ...ranking];
  const weight = (w: string): number => Math.log((all.length + 1) / (frequencyOf(all, w) + 0.5));
  const score = (text: ActionText): number =>
    words.reduce((sum, w) => {
      if (!found(text, w)) return sum;
      const inTitle = partsOf(w).every((p) => text.titleWords.has(p));
      return sum + weight(w) * (inTitle ? 2 : 1);
    }, 0);
  return actions
    .filter((a) => required.every((w) => found(actionText(a), w)))
    .map((a) => ({ a, score: score(actionText(a)) }))
    .sort((x, y) => y.score - x.score || x.a.ref - y.a.ref)
    .map((x) => x.a);
}
