import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { inPlanVocabulary } from './search-words.js';
import { matchAt, phraseStems, stemAt, use, type Sentence } from './tokens.js';

const THEME_WORDS = new Set(['theme', 'section', 'category', 'heading', 'area', 'strand', 'workstream']);
const BEFORE_THEME = new Set(['in', 'under', 'within', ...THEME_WORDS]);
const AFTER_THEME = new Set(['action', 'one', 'item', 'task', 'work', ...THEME_WORDS]);
/** Words that may come before "other actions" when "other" names the theme: "show me other actions". */
const LEAD_IN = new Set(['show', 'list', 'give', 'get', 'me', 'us', 'display', 'red', 'amber', 'green', 'complete', 'or', 'and']);

interface ThemeWords {
  theme: string;
  phrase: string[];
  words: string[];
  weak: boolean;
}

const themeWordsCache = new WeakMap<string[], ThemeWords[]>();

/** Each theme's full name and its distinctive words: not filler, and in no other theme's name (remembered per list). */
function themeWords(themes: string[]): ThemeWords[] {
  let made = themeWordsCache.get(themes);
  if (!made) {
    made = readThemeWords(themes);
    themeWordsCache.set(themes, made);
  }
  return made;
}

function readThemeWords(themes: string[]): ThemeWords[] {
  const stems = themes.map((theme) => phraseStems(theme));
  return themes.map((theme, i) => {
    const phrase = stems[i] ?? [];
    const own = phrase.filter((w) => !isFiller(w) && w !== 'other');
    const words = own.filter((w) => stems.every((other, j) => j === i || !other.includes(w)));
    const weak = own.length === 0;
    return { theme, phrase, words: weak ? phrase.filter((w) => w !== 'and') : words, weak };
  });
}

/**
 * Whether a common word that is a whole theme name ("Other") is clearly meant as the theme: next to
 * "theme", at the end after "in", or opening the question as in "other actions" (not "what other actions").
 */
function clearlyTheme(s: Sentence, start: number, end: number): boolean {
  if (THEME_WORDS.has(stemAt(s, start - 1)) || THEME_WORDS.has(stemAt(s, end))) return true;
  if (['in', 'under'].includes(stemAt(s, start - 1)) && end === s.tokens.length) return true;
  const openingOnly = s.tokens.slice(0, start).every((t) => LEAD_IN.has(t.stem));
  return openingOnly && stemAt(s, end) === 'action';
}

function marked(s: Sentence, start: number, end: number): boolean {
  return BEFORE_THEME.has(stemAt(s, start - 1)) || AFTER_THEME.has(stemAt(s, end));
}

/** Whether nothing else in the question is a word to search for: "training", "amber training", "overdue policy". */
function onlyTopic(s: Sentence, plan: PlanView, start: number, end: number): boolean {
  return s.tokens.every((t, k) => (k >= start && k < end) || s.used[k] || isFiller(t.stem) || !inPlanVocabulary(plan, t.raw));
}

/** Whether a theme word is listed with another theme: "training and awareness actions". */
function listedWithTheme(s: Sentence, end: number, themeStems: Set<string>): boolean {
  return ['and', 'or'].includes(stemAt(s, end)) && themeStems.has(stemAt(s, end + 1));
}

/**
 * Whether a theme's name or word, found at [start, end), is meant as the theme: its whole name (several words,
 * or one outside a search), words around it that say so ("in training", "the training theme", "training
 * actions"), or nothing else in the question to search for. Otherwise it is a word to search for.
 */
function meantAsTheme(
  s: Sentence,
  plan: PlanView,
  t: ThemeWords,
  phrase: string[],
  start: number,
  end: number,
  searching: boolean,
  themeStems: Set<string>,
): boolean {
  if (t.weak) return clearlyTheme(s, start, end);
  const whole = phrase === t.phrase && (phrase.length > 1 || !searching);
  if (whole || marked(s, start, end) || listedWithTheme(s, end, themeStems)) return true;
  return !searching && onlyTopic(s, plan, start, end);
}

function take(s: Sentence, plan: PlanView, t: ThemeWords, phrase: string[], searching: boolean, themeStems: Set<string>): boolean {
  let taken = false;
  for (let i = 0; i < s.tokens.length; i += 1) {
    const length = matchAt(s, i, phrase);
    if (length === 0) continue;
    const ok = meantAsTheme(s, plan, t, phrase, i, i + length, searching, themeStems);
    if (!ok) continue;
    use(s, i, i + length);
    if (THEME_WORDS.has(stemAt(s, i + length))) s.used[i + length] = true;
    if (THEME_WORDS.has(stemAt(s, i - 1))) s.used[i - 1] = true;
    taken = true;
  }
  return taken;
}

/**
 * Takes the themes the question names, by full name (longest first) or a distinctive word ("training",
 * "policy"). In a search ("anything on training") a single word only counts when marked ("training actions").
 */
export function takeThemes(s: Sentence, plan: PlanView, searching: boolean): string[] {
  const { themes } = plan;
  const all = themeWords(themes);
  const themeStems = new Set(all.flatMap((t) => [...t.words, ...t.phrase.slice(0, 1)]));
  const found = new Set<string>();
  for (const t of [...all].sort((a, b) => b.phrase.length - a.phrase.length)) {
    if (take(s, plan, t, t.phrase, searching, themeStems)) found.add(t.theme);
  }
  for (const t of all) {
    for (const word of t.words) if (take(s, plan, t, [word], searching, themeStems)) found.add(t.theme);
  }
  return themes.filter((theme) => found.has(theme));
}
