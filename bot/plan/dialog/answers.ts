import { SETTABLE_RAGS, type Rag } from '../types.js';

/** A rating a person can choose. */
export type SettableRag = (typeof SETTABLE_RAGS)[number];

/** Lower case, curly quotes straightened, punctuation at the ends and doubled spaces gone. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[^\p{L}\p{N}'/\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const CANCEL = new Set([
  'cancel',
  'stop',
  'quit',
  'exit',
  'abort',
  'never mind',
  'nevermind',
  'forget it',
  'cancel that',
  'cancel it',
  'stop it',
]);
const BACK = new Set(['back', 'go back', 'previous', 'undo', 'back please', 'go back please']);

/** "cancel" or "back" when the whole answer is one of those words, else null. */
export function controlWord(text: string): 'cancel' | 'back' | null {
  const t = normalise(text);
  if (CANCEL.has(t)) return 'cancel';
  if (BACK.has(t)) return 'back';
  return null;
}

const RAG_WORDS: Record<string, SettableRag> = {
  red: 'RED',
  amber: 'AMBER',
  green: 'GREEN',
  complete: 'COMPLETE',
  completed: 'COMPLETE',
  done: 'COMPLETE',
  finished: 'COMPLETE',
  closed: 'COMPLETE',
};
const SAME_PHRASES = new Set([
  'same',
  'the same',
  'no change',
  'unchanged',
  'as before',
  'same as before',
  'stays the same',
  'keep it',
  'no different',
]);
const RAG_FILLER = new Set([
  'still',
  'it',
  'is',
  "it's",
  'its',
  'now',
  'at',
  'the',
  'please',
  'mark',
  'make',
  'set',
  'change',
  'to',
  'as',
  'stay',
  'stays',
  'remain',
  'remains',
  'should',
  'be',
  'i',
  'think',
  'rag',
  'rating',
  'say',
  "i'd",
  'would',
  'call',
  'rated',
  'all',
  'and',
  'dusted',
]);

/** The rating an answer names: "amber", "still red", "done" (COMPLETE), "no change" (the current one); null when it names none or several. */
export function parseRagAnswer(text: string, current: Rag): SettableRag | null {
  const t = normalise(text);
  if (SAME_PHRASES.has(t)) return (SETTABLE_RAGS as readonly Rag[]).includes(current) ? (current as SettableRag) : null;
  const words = t.split(' ').filter((w) => w && !RAG_FILLER.has(w));
  if (words.includes('not') || words.includes("isn't") || words.includes('no')) return null;
  const named = new Set(words.map((w) => RAG_WORDS[w]).filter((r): r is SettableRag => r !== undefined));
  if (named.size !== 1 || words.some((w) => RAG_WORDS[w] === undefined)) return null;
  const [only] = named;
  return only ?? null;
}

const SKIP = new Set([
  'skip',
  'none',
  'no note',
  'nothing',
  'pass',
  'n/a',
  'na',
  'no',
  'same',
  'no change',
  'unchanged',
  'keep',
  'keep it',
  'skip it',
  'leave it',
]);

/** Whether an answer means "nothing to add" for an optional question. */
export function isSkip(text: string): boolean {
  return SKIP.has(normalise(text));
}

/** A progress figure: "12", "12 of 25", "12/25", "we have trained 12"; 'skip' to keep it as it is; null when it is not one whole number. */
export function parseProgress(text: string): number | 'skip' | null {
  if (isSkip(text)) return 'skip';
  const t = text.trim().toLowerCase();
  if (/-\s*\d|\d[.,]\d/.test(t)) return null;
  const numbers = t.replace(/\b(\d+)\s*(?:of|\/|out of)\s*\d+\b/, '$1').match(/\d+/g) ?? [];
  const [only] = numbers;
  if (numbers.length !== 1 || only === undefined || only.length > 7) return null;
  return Number(only);
}

const YES = new Set([
  'yes',
  'y',
  'yep',
  'yeah',
  'yes please',
  'save',
  'save it',
  'confirm',
  'ok',
  'okay',
  'correct',
  "that's right",
  'thats right',
  'go ahead',
  'sure',
  'send',
  'send it',
  'looks good',
  'yes save',
]);
const NO = new Set(['no', 'n', 'nope', 'wrong', 'no thanks', "that's wrong", 'not right']);

/** A yes or no to "save this update?"; null for anything else. */
export function parseConfirm(text: string): 'yes' | 'no' | null {
  const t = normalise(text);
  if (YES.has(t)) return 'yes';
  if (NO.has(t)) return 'no';
  return null;
}
