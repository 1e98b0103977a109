import type { Rag } from '../plan/types.js';

const WORDS: Record<string, Rag> = {
  red: 'RED',
  amber: 'AMBER',
  green: 'GREEN',
  complete: 'COMPLETE',
  completed: 'COMPLETE',
  unrated: 'UNRATED',
  'not yet rated': 'UNRATED',
};

/** Reads a RAG cell: empty means UNRATED; null means the word is not a RAG rating. */
export function parseRag(text: string): Rag | null {
  const word = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (word === '') return 'UNRATED';
  return WORDS[word] ?? null;
}
