import type { Question } from '../questions/types.js';
import { controlWord, parseConfirm, parseProgress, parseRagAnswer } from './answers.js';
import type { UpdateDialog } from './update-dialog.js';

// While an update conversation is open, a typed message is either an answer to its question or something else asked
// ("who are the leads?", "what's overdue?", "help"): the second is answered, and the conversation waits.

/** How the rest of the bot read a message: whether it is one of its commands, and what the question parser made of it. */
export interface MessageReading {
  command: boolean;
  question: Question;
}

/** Question kinds that say the parser understood a question about the plan (not small talk, not "I don't know"). */
const PLAN_QUESTIONS = new Set<Question['kind']>(['help', 'summary', 'show', 'list', 'noLead', 'mine-unknown']);

/** Words a question or an instruction starts with ("what's overdue", "show action 4", "any news on schools"). */
const ASKING = /^(?:who|who's|whose|what|what's|whats|which|when|where|why|how|show|list|any|anything)\b/i;

/** Whether the answer fits the question the conversation is at (then it is an answer, whatever else it could be). */
export function fitsStep(dialog: UpdateDialog, text: string): boolean {
  if (controlWord(text)) return true;
  switch (dialog.step) {
    case 'rag':
      return parseRagAnswer(text, dialog.currentRag) !== null;
    case 'progress':
      // "show action 4" holds one number too, but asks for something
      return parseProgress(text) !== null && !ASKING.test(text.trim());
    case 'confirm':
      return parseConfirm(text) !== null;
    case 'note':
      return false;
  }
}

/** A short question ("overdue?", "red for the police?"): a longer sentence ending in "?" may be a note that asks something. */
const SHORT_QUESTION_WORDS = 4;

/**
 * Whether a typed message is clearly something else asked, not an answer: it does not fit the question, and it is one
 * of the bot's commands, a request for help, or a question the question parser understood that starts with a question
 * word ("what's overdue?", "show action 4") or is short and ends in "?". A note such as "Met with schools on Tuesday",
 * or "Should we move the forum to January?", is not one. Pure.
 */
export function isAside(dialog: UpdateDialog, text: string, reading: MessageReading): boolean {
  const t = text.trim();
  if (!t || fitsStep(dialog, t)) return false;
  if (reading.command || reading.question.kind === 'help') return true;
  const asked = ASKING.test(t) || (t.endsWith('?') && t.split(/\s+/).length <= SHORT_QUESTION_WORDS);
  return asked && PLAN_QUESTIONS.has(reading.question.kind);
}

/** The one line that says where a waiting conversation is: "Your update to action 18 is still open: red, amber, green or complete?" */
export function stillOpenLine(dialog: UpdateDialog): string {
  const where: Record<UpdateDialog['step'], string> = {
    rag: 'red, amber, green or complete?',
    note: 'what has happened since the last update? (say "skip" for no note)',
    progress: `how many so far (the target is ${dialog.target})?`,
    confirm: 'save it, yes or no?',
  };
  return `Your update to action ${dialog.ref} is still open: ${where[dialog.step]}`;
}
