import { isFiller } from './filler.js';
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

/** Each theme's full name and its distinctive words: not filler, and in no other theme's name. */
function themeWords(themes: string[]): ThemeWords[] {
  const stems = themes.map((theme) => phraseStems(theme));
  return themes.map((theme, i) => {
    const own = stems[i].filter((w) => !isFiller(w) && w !== 'other');
    const words = own.filter((w) => stems.every((other, j) => j === i || !other.includes(w)));
    const weak = own.length === 0;
    return { theme, phrase: stems[i], words: weak ? stems[i].filter((w) => w !== 'and') : words, weak };
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

function take(s: Sentence, t: ThemeWords, phrase: string[], searching: boolean): boolean {
  let taken = false;
  for (let i = 0; i < s.tokens.length; i += 1) {
    const length = matchAt(s, i, phrase);
    if (length === 0) continue;
    const ok = t.weak ? clearlyTheme(s, i, i + length) : !searching || length > 1 || marked(s, i, i + length);
    if (!ok) continue;
    use(s, i, i + length);
    taken = true;
  }
  return taken;
}

/**
 * Takes the themes the question names, by full name (longest first) or a distinctive word ("training",
 * "policy"). In a search ("anything on training") a single word only counts when marked ("training actions").
 */
export function takeThemes(s: Sentence, themes: string[], searching: boolean): string[] {
  const all = themeWords(themes);
  const found = new Set<string>();
  for (const t of [...all].sort((a, b) => b.phrase.length - a.phrase.length)) {
    if (take(s, t, t.phrase, searching)) found.add(t.theme);
  }
  for (const t of all) {
    for (const word of t.words) if (take(s, t, [word], searching)) found.add(t.theme);
  }
  return themes.filter((theme) => found.has(theme));
}
