import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { inPlanVocabulary } from './search-words.js';
import { ACRONYMS, expansionOf } from './acronyms.js';
import { phraseStems, stemAt, takePhrase, type Sentence } from './tokens.js';

const MINOR = new Set(['and', 'of', 'for', 'the', 'to', 'in', 'on']);

/** Takes an acronym written out in full ("violence against women and girls") as the acronym, which finds either. */
function takeExpansions(s: Sentence, words: string[]): void {
  for (let i = 0; i < s.tokens.length; i += 1) {
    for (const { acronym, stems } of ACRONYMS) {
      if (stems.length < 2 || stemAt(s, i) !== stems[0]) continue;
      let k = i;
      let matched = 0;
      while (k < s.tokens.length && matched < stems.length && !s.used[k]) {
        if (stemAt(s, k) === stems[matched]) matched += 1;
        else if (!MINOR.has(stemAt(s, k))) break;
        k += 1;
      }
      if (matched < stems.length) continue;
      for (let j = i; j < k; j += 1) s.used[j] = true;
      words.push(acronym.toUpperCase());
    }
  }
}

/** Words that say "look for these words": what follows is searched for as written. */
const TRIGGERS = [
  'search',
  'search for',
  'find',
  'look for',
  'look up',
  'anything on',
  'latest on',
  'latest with',
  'news on',
  'progress on',
  'where are we on',
  'where are we with',
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
  takeExpansions(s, words);
  for (let i = 0; i < s.tokens.length; i += 1) {
    let end = i + 1;
    while (end < s.tokens.length && s.tokens[end]?.joined && !s.used[end]) end += 1;
    const token = s.tokens[i];
    if (!token) break;
    if (end - i > 1 && !s.used[i]) {
      for (let k = i; k < end; k += 1) s.used[k] = true;
      const compound = s.tokens
        .slice(i, end)
        .map((t) => t.raw)
        .join('-');
      if (!words.some((w) => w.toLowerCase() === compound.toLowerCase())) words.push(compound);
      i = end - 1;
      continue;
    }
    if (s.used[i] || token.word === '#' || isFiller(token.stem)) continue;
    if (!searching && !inPlanVocabulary(plan, token.raw) && !expansionOf(token.word)) continue;
    s.used[i] = true;
    if (!words.some((w) => w.toLowerCase() === token.word)) words.push(token.raw);
  }
  return words;
}
