import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { inPlanVocabulary } from './search-words.js';
import { phraseStems, takePhrase, type Sentence } from './tokens.js';

/** Words that say "look for these words": what follows is searched for as written. */
const TRIGGERS = [
  'search',
  'search for',
  'find',
  'look for',
  'look up',
  'anything on',
  'anything about',
  'anything regarding',
  'anything mentioning',
  'something about',
  'about',
  'regarding',
  'concerning',
  'mention',
  'mentioning',
  'containing',
  'related to',
  'to do with',
  'with the word',
  'with the words',
  'that say',
  'that mention',
].map(phraseStems);

/** Takes the words that ask for a text search; true when there were any. */
export function takeSearchTrigger(s: Sentence): boolean {
  let found = false;
  while (takePhrase(s, TRIGGERS)) found = true;
  return found;
}

/**
 * The words left to search for, as written. After a search trigger every word that is not filler counts;
 * otherwise only words the plan's actions contain, so that chatter ("at the moment, mate") is ignored.
 */
export function takeText(s: Sentence, plan: PlanView, searching: boolean): string[] {
  const words: string[] = [];
  s.tokens.forEach((token, i) => {
    if (s.used[i] || token.word === '#' || isFiller(token.stem)) return;
    if (!searching && !inPlanVocabulary(plan, token.raw)) return;
    s.used[i] = true;
    if (!words.some((w) => w.toLowerCase() === token.word)) words.push(token.raw);
  });
  return words;
}
