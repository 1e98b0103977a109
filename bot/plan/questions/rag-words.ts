import { RAGS, type Rag } from '../types.js';
import { STATUS_PHRASES, NOT_STATUS_AFTER } from './status-words.js';
import { matchAt, phraseStems, stemAt, takePhrase, use, type Sentence } from './tokens.js';

const NOT_COMPLETE: Rag[] = ['RED', 'AMBER', 'GREEN', 'UNRATED'];

/** How people name each rating, by stems ("red-rated" and "RAG red" are the same word once rated and RAG are filler). */
const RAG_NAMES: [string, Rag][] = [
  ['red', 'RED'],
  ['reds', 'RED'],
  ['amber', 'AMBER'],
  ['green', 'GREEN'],
  ['complete', 'COMPLETE'],
  ['completed', 'COMPLETE'],
];

/** Phrases for "not yet rated", checked before the plain colour words so that "not" is read with them. */
const UNRATED_PHRASES = [
  'not yet rated',
  'not rated',
  'not rated yet',
  'yet to be rated',
  'unrated',
  'no rag',
  'no rating',
  'no rag rating',
  'without a rag',
  'without a rating',
  'without rag',
  'not yet rag rated',
  'not rag rated',
].map(phraseStems);

/** Phrases for "anything not finished". */
const OPEN_PHRASES = ['incomplete', 'outstanding', 'unfinished', 'open', 'not done', 'not finished', 'not complete', 'not completed'].map(
  phraseStems,
);

/** What takeRags read: the ratings, and any status words read as ratings ("behind"). */
export interface RagReading {
  rags: Rag[];
  status: string[];
}

/** Takes status words ("behind", "on track", "done"); in a search ("anything about people at risk") they are words to find. */
function takeStatus(s: Sentence, wanted: Set<Rag>, searching: boolean): string[] {
  const read: string[] = [];
  if (searching) return read;
  for (let i = 0; i < s.tokens.length; i += 1) {
    for (const phrase of STATUS_PHRASES) {
      const length = matchAt(s, i, phrase.stems);
      if (length === 0 || NOT_STATUS_AFTER.has(stemAt(s, i + length))) continue;
      use(s, i, i + length);
      for (const rag of phrase.rags) wanted.add(rag);
      if (!read.includes(phrase.words)) read.push(phrase.words);
      break;
    }
  }
  return read;
}

/** Takes every RAG rating the question names ("red or amber", "the greens", "not yet rated", "not green", "behind"). */
export function takeRags(s: Sentence, searching = false): RagReading {
  const wanted = new Set<Rag>();
  while (takePhrase(s, UNRATED_PHRASES)) wanted.add('UNRATED');
  for (const [name, rag] of RAG_NAMES) {
    const others = RAGS.filter((r) => r !== rag);
    while (
      takePhrase(s, [
        ['not', name],
        ['isnt', name],
      ])
    )
      for (const r of others) wanted.add(r);
  }
  while (takePhrase(s, OPEN_PHRASES)) for (const r of NOT_COMPLETE) wanted.add(r);
  for (const [name, rag] of RAG_NAMES) {
    while (takePhrase(s, [[name]])) wanted.add(rag);
  }
  const status = takeStatus(s, wanted, searching);
  return { rags: RAGS.filter((r) => wanted.has(r)), status };
}
