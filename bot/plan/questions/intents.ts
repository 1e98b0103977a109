import { isFiller } from './filler.js';
import { phraseStems, takePhrase, type Sentence } from './tokens.js';
import type { HelpTopic } from './types.js';

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
  'instructions',
  'i need help',
  'help me',
].map(phraseStems);

/** "help updates", "help with reminders", "how do reports work". */
const HELP_TOPIC_WORDS: Record<string, HelpTopic> = {
  update: 'updates',
  updating: 'updates',
  rag: 'updates',
  reminder: 'reminders',
  remind: 'reminders',
  schedule: 'reminders',
  schedules: 'reminders',
  meeting: 'reminders',
  panel: 'reminders',
  report: 'reports',
  reporting: 'reports',
  round: 'reports',
  board: 'reports',
  digest: 'reports',
  export: 'reports',
};

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
/** "the latest on the Act Early campaign" asks about a topic, not about what changed. */
const LATEST_ON = ['latest on', 'latest with', 'news on', 'updates on', 'update on'].map(phraseStems);
/** "remind me what is overdue" asks a question; "remind me about action 7 again" is a command. */
const QUESTION_WORDS = new Set(['what', 'whats', 'which', 'how', 'who', 'when', 'where']);
const POLITE = new Set(['please', 'pls', 'can', 'could', 'would', 'you', 'i', 'want', 'to', 'like', 'id', 'let', 'u']);

/** Whether the question is a command ("update action 3") or asks what changed: not a plan question. */
export function isCommandOrChanges(s: Sentence): boolean {
  const at = s.tokens.findIndex((t) => !POLITE.has(t.stem));
  const first = s.tokens[at];
  const asking = first?.stem === 'remind' && s.tokens[at + 1]?.stem === 'me' && QUESTION_WORDS.has(s.tokens[at + 2]?.stem ?? '');
  if (first && COMMANDS.has(first.stem) && !asking) return true;
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  for (let on = takePhrase(probe, LATEST_ON); on; on = takePhrase(probe, LATEST_ON));
  return takePhrase(probe, CHANGES) !== null;
}

/** An action reference as written: "18", "2.3a". */
const REF = /^\d{1,4}(?:\.\d{1,3})*[a-z]?$/;

/** The action reference asked for: "action 18", "#18", "show 18", "show action 2.3a"; or null. */
export function showRef(s: Sentence): string | null {
  const { tokens } = s;
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const next = tokens[i + 1]?.word ?? '';
    if (REF.test(next) && ['action', '#', 'ref', 'reference', 'number'].includes(tokens[i]?.stem ?? '')) return next;
  }
  const content = tokens.filter((t) => !isFiller(t.stem) && t.stem !== 'about' && t.stem !== 'number' && t.stem !== 'no');
  const only = content.length === 1 ? (content[0]?.word ?? '') : '';
  return /^\d{1,3}(?:\.\d{1,3})*[a-z]?$/.test(only) && !/^\d{4}$/.test(only) ? only : null;
}

/** The help topic asked for ("help updates"), or undefined for general help. */
function helpTopic(s: Sentence): HelpTopic | undefined {
  for (const t of s.tokens) {
    const topic = HELP_TOPIC_WORDS[t.stem] ?? HELP_TOPIC_WORDS[t.word];
    if (topic) return topic;
  }
  return undefined;
}

/** "help", "help updates", "what can you do?": the help asked for, or null when the question is not about help. */
export function helpAsked(s: Sentence): { topic?: HelpTopic } | null {
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  if (!takePhrase(probe, HELP)) return null;
  const topic = helpTopic(probe);
  if (topic) return { topic };
  return probe.tokens.every((t, i) => probe.used[i] || isFiller(t.stem)) ? {} : null;
}

/** Takes the words that ask for the plan's overall picture: "status", "summary", "how are we doing". */
export function takeSummary(s: Sentence): boolean {
  let found = false;
  while (takePhrase(s, SUMMARY)) found = true;
  return found;
}

const EVERYTHING = ['all', 'every', 'everything', 'list', 'how many', 'whole'].map(phraseStems);
const WHOLE_PLAN = ['everything', 'list everything', 'the whole plan', 'the full plan', 'the whole lot'].map(phraseStems);

/** Whether the question asks for every action: "show all actions", "how many actions are there", "list everything". */
export function asksForEverything(s: Sentence): boolean {
  const probe: Sentence = { tokens: s.tokens, used: [...s.used] };
  if (takePhrase(probe, WHOLE_PLAN)) return true;
  return s.tokens.some((t) => t.stem === 'action') && takePhrase(probe, EVERYTHING) !== null;
}
