/** One word of a question: as written, in lower case, and reduced to a stem for comparison. */
export interface Token {
  raw: string;
  word: string;
  stem: string;
  /** written joined to the word before by a hyphen, as in "e-learning" */
  joined?: true;
}

/** A question being taken apart: its tokens and which of them a parser piece has already used. */
export interface Sentence {
  tokens: Token[];
  used: boolean[];
}

/** Reduces a lower-case word to a crude singular so that "groups" finds "group" and "greens" finds "green". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A question longer than this many words is read from its first words only: real questions are far shorter. */
export const MAX_TOKENS = 80;

/** Words, action references such as "2.3a", and '#'. */
const WORD = /#|\d{1,3}(?:\.\d{1,3})+[a-z]?\b|[\p{L}\p{N}]+/giu;

/** Splits text into words: apostrophes and possessives go, hyphens and slashes separate ("e-learning" stays marked as joined), '#' is kept. */
export function tokenise(text: string): Token[] {
  const cleaned = text
    .slice(0, 2000)
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/gi, '')
    .replace(/'/g, '')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/#\s*(?=\d)/g, ' # ');
  const tokens: Token[] = [];
  let end = -1;
  for (const match of cleaned.matchAll(WORD)) {
    const raw = match[0];
    const word = raw.toLowerCase();
    const token: Token = { raw, word, stem: stem(word) };
    if (match.index === end + 1 && cleaned[end] === '-' && tokens.length > 0) token.joined = true;
    tokens.push(token);
    end = match.index + raw.length;
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

/** A sentence with no token used yet. */
export function sentence(text: string): Sentence {
  const tokens = tokenise(text);
  return { tokens, used: tokens.map(() => false) };
}

/** Marks tokens [start, end) as used. */
export function use(s: Sentence, start: number, end: number): void {
  for (let i = start; i < end; i += 1) s.used[i] = true;
}

/** Whether the unused tokens from start spell out the phrase (a list of stems); returns the length matched or 0. */
export function matchAt(s: Sentence, start: number, phrase: string[]): number {
  if (start + phrase.length > s.tokens.length) return 0;
  for (let k = 0; k < phrase.length; k += 1) {
    if (s.used[start + k] || s.tokens[start + k]?.stem !== phrase[k]) return 0;
  }
  return phrase.length;
}

const stemCache = new Map<string, string[]>();

/** The stems of a phrase as tokenise would make them (remembered: names and aliases are read on every question). */
export function phraseStems(text: string): string[] {
  let stems = stemCache.get(text);
  if (!stems) {
    stems = tokenise(text).map((t) => t.stem);
    if (stemCache.size >= 10_000) stemCache.clear();
    stemCache.set(text, stems);
  }
  return stems;
}

/** Finds the first unused occurrence of any phrase (the longest where several start there), marks it used. */
export function takePhrase(s: Sentence, phrases: string[][]): { start: number; end: number } | null {
  for (let i = 0; i < s.tokens.length; i += 1) {
    let longest = 0;
    for (const phrase of phrases) longest = Math.max(longest, matchAt(s, i, phrase));
    if (longest > 0) {
      use(s, i, i + longest);
      return { start: i, end: i + longest };
    }
  }
  return null;
}

/** The stem of the token at i, or '' outside the sentence or when another piece has used it. */
export function stemAt(s: Sentence, i: number): string {
  return i >= 0 && !s.used[i] ? (s.tokens[i]?.stem ?? '') : '';
}
