import { ragWords, type PlanAction, type Rag, type Recurrence, type UpdateSource } from '../bot/plan/types.js';
import { formatDueDate } from './format.js';

/** Adaptive Card colours that accompany (never replace) RAG words. */
export type CardColour = 'default' | 'attention' | 'warning' | 'good' | 'accent';

const RAG_COLOURS: Record<Rag, CardColour> = {
  RED: 'attention',
  AMBER: 'warning',
  GREEN: 'good',
  COMPLETE: 'accent',
  UNRATED: 'default',
};

const RAG_MEANINGS: Record<Rag, string> = {
  RED: 'off track',
  AMBER: 'at risk',
  GREEN: 'on track',
  COMPLETE: 'done',
  UNRATED: 'not yet rated',
};

const SOURCE_WORDS: Record<UpdateSource, string> = {
  card: 'from a card',
  chat: 'in chat',
  import: 'by import',
  cli: 'from the command line',
  carry: 'carried over to the next plan',
};

const RECURRENCE_WORDS: Record<Recurrence, string> = {
  weekly: 'every week',
  'bi-weekly': 'every two weeks',
  monthly: 'every month',
  quarterly: 'every quarter',
  'six-monthly': 'every six months',
  annual: 'every year',
};

/** The colour shown alongside a RAG rating's words. */
export function ragColour(rag: Rag): CardColour {
  return RAG_COLOURS[rag];
}

/** A rating with its meaning, e.g. "RED – off track" (used for choices). */
export function ragChoiceTitle(rag: Rag): string {
  return rag === 'UNRATED' ? ragWords(rag) : `${ragWords(rag)} – ${RAG_MEANINGS[rag]}`;
}

/** A change of rating in words: "RED → AMBER", or "AMBER (no change)". */
export function ragChange(from: Rag, to: Rag): string {
  return from === to ? `${ragWords(to)} (no change)` : `${ragWords(from)} → ${ragWords(to)}`;
}

/** Where an update came from, in words: "from a card", "in chat", "by import". */
export function sourceWords(source: UpdateSource): string {
  return SOURCE_WORDS[source];
}

/** "Action 18 · Engage with and support faith groups" (the number as the plan writes it, "Action 2.3a · …", when known). */
export function actionLabel(action: Pick<PlanAction, 'ref' | 'title'> & { label?: string }): string {
  return `Action ${action.label ?? action.ref} · ${action.title}`;
}

/** The deadline as written plus the due date: "October 2021 (due 31 October 2021)". */
export function deadlineWords(action: Pick<PlanAction, 'deadlineText' | 'dueDate' | 'recurrence'>): string {
  const written = action.deadlineText.trim();
  const due = action.dueDate ? `due ${formatDueDate(action.dueDate)}` : '';
  const repeats = action.recurrence ? `repeats ${RECURRENCE_WORDS[action.recurrence]}` : '';
  const extras = [due, repeats].filter((part) => part.length > 0).join(', ');
  if (written && extras) return `${written} (${extras})`;
  if (written) return written;
  if (extras) return extras.charAt(0).toUpperCase() + extras.slice(1);
  return 'No deadline given';
}

/** Progress in words: "3 of 6", "None recorded yet (target 6)", or null when there is nothing to say. */
export function progressWords(action: Pick<PlanAction, 'target' | 'progress'>): string | null {
  if (action.target !== null) {
    return action.progress !== null ? `${action.progress} of ${action.target}` : `None recorded yet (target ${action.target})`;
  }
  return action.progress !== null ? String(action.progress) : null;
}
