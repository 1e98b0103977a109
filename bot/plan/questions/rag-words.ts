import { RAGS, type Rag } from '../types.js';
import { phraseStems, takePhrase, type Sentence } from './tokens.js';

const NOT_COMPLETE: Rag[] = ['RED', 'AMBER', 'GREEN', 'UNRATED'];

/** How people name each rating, by stems. */
const RAG_NAMES: [string, Rag][] = [
  ['red', 'RED'],
  ['amber', 'AMBER'],
  ['green', 'GREEN'],
  ['complete', 'COMPLETE'],
  ['completed', 'COMPLETE'],
  ['done', 'COMPLETE'],
  ['finished', 'COMPLETE'],
  ['closed', 'COMPLETE'],
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
const OPEN_PHRASES = ['incomplete', 'outstanding', 'unfinished', 'open', 'not done', 'not finished'].map(phraseStems);

/** Takes every RAG rating the question names ("red or amber", "the greens", "not yet rated", "not green"). */
export function takeRags(s: Sentence): Rag[] {
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
      others.forEach((r) => wanted.add(r));
  }
  while (takePhrase(s, OPEN_PHRASES)) NOT_COMPLETE.forEach((r) => wanted.add(r));
  for (const [name, rag] of RAG_NAMES) {
    while (takePhrase(s, [[name]])) wanted.add(rag);
  }
  return RAGS.filter((r) => wanted.has(r));
}
