import { isFiller } from './filler.js';
import { phraseStems, takePhrase, type Sentence } from './tokens.js';

const HELP = [
  'help',
  'what can you do',
  'what can i ask',
  'what can i ask you',
  'what do you do',
  'how do i use this',
  'how do i use you',
  'how does this work',
  'commands',
  'hello',
  'hi',
  'hey',
  'good morning',
  'good afternoon',
  'who are you',
  'what are you',
].map(phraseStems);

const SUMMARY = [
  'status',
  'summary',
  'summarise',
  'summarize',
  'overview',
  'overall',
  'how are we doing',
  'how we doing',
  'how are we getting on',
  'how are things',
  'how is it going',
  'how it going',
  'where are we',
  'state of play',
  'big picture',
  'dashboard',
  'breakdown',
  'headlines',
].map(phraseStems);

/** Commands and questions about changes: other parts of the bot answer these, so the plan questions leave them. */
const COMMANDS = new Set([
  'update',
  'set',
  'mark',
  'change',
  'rate',
  'assign',
  'reassign',
  'add',
  'create',
  'delete',
  'remove',
  'import',
  'export',
  'schedule',
  'remind',
  'cancel',
  'edit',
  'unassign',
  'subscribe',
  'unsubscribe',
]);
const CHANGES = [
  'changed',
  'what changes',
  'any changes',
  'updated',
  'updates',
  'happened',
  'recent',
  'recently',
  'latest',
  'what new',
  'anything new',
  'since last',
].map(phraseStems);
const POLITE = new Set(['please', 'pls', 'can', 'could', 'would', 'you', 'i', 'want', 'to', 'like', 'id', 'let', 'u']);

/** Whether the question is a command ("update action 3") or asks what changed: not a plan question. */
export function isCommandOrChanges(s: Sentence): boolean {
  const first = s.tokens.find((t) => !POLITE.has(t.stem));
  if (first && COMMANDS.has(first.stem)) return true;
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  return takePhrase(probe, CHANGES) !== null;
}

/** A number as written in the question: whole numbers as numbers, numbers like "2.2" or "2.3a" as written. */
const asRef = (raw: string): number | string => (/^\d+$/.test(raw) ? Number(raw) : raw);

/** The action number asked for: "action 18", "#18", "show 18", "tell me about action 2.2", "1.1?"; or null. */
export function showRef(s: Sentence): number | string | null {
  const { tokens } = s;
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const isNumber = /^\d{1,4}(?:\.\d{1,3})*[a-z]?$/.test(tokens[i + 1].word);
    if (isNumber && ['action', '#', 'ref', 'reference'].includes(tokens[i].stem)) return asRef(tokens[i + 1].raw);
  }
  const content = tokens.filter((t) => !isFiller(t.stem) && t.stem !== 'about');
  const only = content.length === 1 ? content[0].raw : '';
  return /^\d{1,3}(?:\.\d{1,3})*$|^\d{1,3}(?:\.\d{1,3})+[a-z]$/i.test(only) ? asRef(only) : null;
}

/** Whether the question asks for help, with nothing else of substance in it. */
export function isHelp(s: Sentence): boolean {
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  if (!takePhrase(probe, HELP)) return false;
  return probe.tokens.every((t, i) => probe.used[i] || isFiller(t.stem));
}

/** Takes the words that ask for the plan's overall picture: "status", "summary", "how are we doing". */
export function takeSummary(s: Sentence): boolean {
  let found = false;
  while (takePhrase(s, SUMMARY)) found = true;
  return found;
}

const EVERYTHING = ['all', 'every', 'everything', 'list', 'how many', 'whole'].map(phraseStems);

/** Whether the question asks for every action: "show all actions", "how many actions are there". */
export function asksForEverything(s: Sentence): boolean {
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  return s.tokens.some((t) => t.stem === 'action') && takePhrase(probe, EVERYTHING) !== null;
}
