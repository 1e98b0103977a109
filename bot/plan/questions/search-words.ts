import type { PlanAction, PlanView } from '../types.js';
import { stem } from './tokens.js';

/** Short words that may sit inside a name without giving it a letter, as in "Violence Against Women and Girls". */
const MINOR = new Set(['and', 'of', 'for', 'the', 'in', 'on', 'to', '&']);

/** Word sets by text: keyed by the text itself so that an edited action is never answered from a stale entry. */
const cache = new Map<string, Set<string>>();
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
    if (/^\p{Lu}/u.test(word)) run.push(word[0].toLowerCase());
    else if (!MINOR.has(word.toLowerCase())) flush();
  }
  flush();
  return found;
}

/** Every stem and acronym a text search can find in an action's title, outcome and notes. */
export function actionWords(action: PlanAction): Set<string> {
  const text = `${action.title}\n${action.outcome}\n${action.notes}`;
  const cached = cache.get(text);
  if (cached) return cached;
  const words = text.replace(/[\u2018\u2019']s\b/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  const index = new Set(words.map((w) => stem(w.toLowerCase())));
  for (const acronym of acronyms(words)) index.add(`^${acronym}`);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, index);
  return index;
}

/** Whether one search word, as the user wrote it, is found in the set of words. */
function found(index: Set<string>, word: string): boolean {
  const lower = word.toLowerCase();
  if (index.has(stem(lower))) return true;
  const mayBeAcronym = lower.length >= 4 || (word.length >= 3 && word === word.toUpperCase());
  return mayBeAcronym && index.has(`^${lower}`);
}

/** Whether every search word is found, as a whole word, in the action's title, outcome or notes. */
export function matchesWords(action: PlanAction, words: string[]): boolean {
  const index = actionWords(action);
  return words.every((word) => found(index, word));
}

/** Whether a word appears anywhere in the plan's actions, so that it is worth searching for. */
export function inPlanVocabulary(plan: PlanView, word: string): boolean {
  return plan.actions.some((action) => found(actionWords(action), word));
}
