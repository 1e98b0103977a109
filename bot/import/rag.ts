import type { Rag } from '../plan/types.js';

/** Words people write for RAG ratings (RAG and BRAG, where Blue means complete), in lower case. */
const WORDS: Record<string, Rag> = {
  red: 'RED',
  r: 'RED',
  'off track': 'RED',
  'off-track': 'RED',
  'not on track': 'RED',
  amber: 'AMBER',
  a: 'AMBER',
  'at risk': 'AMBER',
  yellow: 'AMBER',
  orange: 'AMBER',
  green: 'GREEN',
  g: 'GREEN',
  'on track': 'GREEN',
  'on-track': 'GREEN',
  'on target': 'GREEN',
  complete: 'COMPLETE',
  completed: 'COMPLETE',
  'complete (blue)': 'COMPLETE',
  done: 'COMPLETE',
  achieved: 'COMPLETE',
  closed: 'COMPLETE',
  blue: 'COMPLETE',
  b: 'COMPLETE',
  unrated: 'UNRATED',
  'not yet rated': 'UNRATED',
  'not started': 'UNRATED',
  'not yet started': 'UNRATED',
};

/** A colour word first, then a dash, colon or bracket and anything: "Green – on track", "Amber (at risk)". */
const COLOUR_FIRST = /^(red|amber|green|blue)\s*[-–—:(]/;

/** Reads a RAG cell: empty means UNRATED; null means the word is not a RAG rating. `extra` maps further words (lower case). */
export function parseRag(text: string, extra: Record<string, Rag> = {}): Rag | null {
  const word = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (word === '') return 'UNRATED';
  const known = extra[word] ?? WORDS[word];
  if (known !== undefined) return known;
  const colour = word.match(COLOUR_FIRST);
  return colour?.[1] ? (WORDS[colour[1]] ?? null) : null;
}

/** Every word the importer reads as a rating, for error messages: "Red, Amber, Green, Blue, Complete, On track, ...". */
export const RAG_WORDS_HELP = 'RED, AMBER, GREEN or COMPLETE';
