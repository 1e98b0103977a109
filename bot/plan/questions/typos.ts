import { distance } from 'fastest-levenshtein';
import type { PlanView } from '../types.js';
import { actionWords } from './search-words.js';
import { SECTORS } from './sectors.js';
import { STATUS_PHRASES } from './status-words.js';
import { phraseStems, stem, type Token } from './tokens.js';

/** Words people misspell that the parser keys on, besides the plan's own words and names. */
const KEYWORDS = `red amber green complete completed overdue outstanding unrated help hello thanks thank cheers
  summary overview status theme section search find anything update updates reminders reports organisation
  january february march april may june july august september october november december`;

/** How far a word may be from the one meant, by its length: short words must be exact. */
export function allowedDistance(length: number): number {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Words the corrector can offer, by length, with a rank (keywords before the plan's words). */
interface Vocabulary {
  byLength: Map<number, { word: string; rank: number }[]>;
  known: Set<string>;
  /** answers already worked out, by word */
  closest: Map<string, string[]>;
}

const vocabularies = new WeakMap<PlanView, Vocabulary>();

function vocabulary(plan: PlanView): Vocabulary {
  const cached = vocabularies.get(plan);
  if (cached) return cached;
  const ranked = new Map<string, number>();
  const add = (words: string[], rank: number): void => {
    for (const w of words) if (w.length >= 3 && !/\d/.test(w) && !ranked.has(w)) ranked.set(w, rank);
  };
  add(KEYWORDS.split(/\s+/).filter(Boolean).map(stem), 0);
  add(
    STATUS_PHRASES.flatMap((p) => p.stems),
    0,
  );
  add(
    SECTORS.flatMap((s) => s.phrases.filter((p) => p.length === 1).flat()),
    1,
  );
  add(
    plan.organisations.flatMap((o) => [o.name, ...o.aliases].flatMap(phraseStems)),
    1,
  );
  add(plan.themes.flatMap(phraseStems), 1);
  add(
    plan.actions.flatMap((a) => [...actionWords(a)].filter((w) => !w.startsWith('^'))),
    2,
  );
  const byLength = new Map<number, { word: string; rank: number }[]>();
  for (const [word, rank] of ranked) {
    const list = byLength.get(word.length) ?? [];
    list.push({ word, rank });
    byLength.set(word.length, list);
  }
  const made = { byLength, known: new Set(ranked.keys()), closest: new Map<string, string[]>() };
  vocabularies.set(plan, made);
  return made;
}

/** Whether b is a with two neighbouring letters swapped ("gropu" and "group"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i += 1) if (a[i] !== b[i]) diff.push(i);
  const [i = 0, j = 0] = diff;
  return diff.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** The closest words to a stem within the allowed distance (a swap of two letters counts as one), best first. */
export function closestWords(plan: PlanView, word: string): string[] {
  const { known, closest } = vocabulary(plan);
  if (known.has(word)) return [];
  let found = closest.get(word);
  if (!found) {
    found = searchClosest(vocabulary(plan).byLength, word);
    if (closest.size >= 5_000) closest.clear();
    closest.set(word, found);
  }
  return found;
}

function searchClosest(byLength: Vocabulary['byLength'], word: string): string[] {
  const limit = allowedDistance(word.length);
  if (limit === 0) return [];
  let best = Number.POSITIVE_INFINITY;
  let found: { word: string; rank: number }[] = [];
  for (let length = word.length - limit; length <= word.length + limit; length += 1) {
    for (const candidate of byLength.get(length) ?? []) {
      const d = swapped(word, candidate.word) ? 1 : distance(word, candidate.word);
      if (d > limit || d > best) continue;
      if (d < best) {
        best = d;
        found = [];
      }
      found.push(candidate);
    }
  }
  // A four-letter word is only read as one of the parser's own keywords ("ambr" as "amber"), never as any word of the plan.
  const fit = word.length < 5 ? found.filter((c) => c.rank === 0) : found;
  return fit.sort((a, b) => a.rank - b.rank).map((c) => c.word);
}

/** A correction made to one token. */
export interface Correction {
  index: number;
  written: string;
  read: string;
  /** other words just as close, for "did you mean ...?" */
  others: string[];
}

/** Corrects the given tokens to their closest known words; returns what was changed. */
export function correctTokens(plan: PlanView, tokens: Token[], indexes: number[]): Correction[] {
  const corrections: Correction[] = [];
  for (const index of indexes) {
    const token = tokens[index];
    if (!token || !/^\p{L}+$/u.test(token.word)) continue;
    const [read, ...others] = closestWords(plan, token.stem);
    if (!read) continue;
    corrections.push({ index, written: token.raw, read, others: others.slice(0, 2) });
    tokens[index] = { raw: read, word: read, stem: read };
  }
  return corrections;
}
