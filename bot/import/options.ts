import { ImportError } from '../errors.js';
import { RAGS, type Rag } from '../plan/types.js';
import { parseRag } from './rag.js';

/** Reads `--map "Delayed=AMBER"` choices into extra RAG words (lower case); a bad one is an INVALID_INPUT error naming it. */
export function parseRagMap(pairs: string[]): Record<string, Rag> {
  const words: Record<string, Rag> = {};
  for (const pair of pairs) {
    const [word, rating] = pair.split('=').map((part) => part?.trim() ?? '');
    const rag = rating ? (RAGS.find((r) => r === rating.toUpperCase()) ?? parseRag(rating)) : null;
    if (!word || rag === null)
      throw new ImportError(
        'INVALID_INPUT',
        '--map',
        null,
        null,
        `"${pair}" is not a mapping; write it as WORD=RATING, e.g. "Delayed=AMBER" (ratings: RED, AMBER, GREEN, COMPLETE, UNRATED).`,
      );
    words[word.toLowerCase().replace(/\s+/g, ' ')] = rag;
  }
  return words;
}
