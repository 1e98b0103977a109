import type { PlanView } from '../types.js';
import { takeDue } from './due-dates.js';
import { asksForEverything, isCommandOrChanges, isHelp, showRef, takeSummary } from './intents.js';
import { takeLeads } from './leads.js';
import { takeRags } from './rag-words.js';
import { takeText, takeSearchTrigger } from './text-search.js';
import { takeThemes } from './themes.js';
import { sentence } from './tokens.js';
import type { ActionFilter, Question } from './types.js';

export type { ActionFilter, Question } from './types.js';

/**
 * Understands a partner's question about the plan without a language model; never throws.
 * Pieces are taken in a fixed order (organisations, themes, RAG, dates, then words to search for) so
 * that a word inside an organisation's name is never read as a theme or a colour.
 */
export function parseQuestion(text: string, plan: PlanView, today: string): Question {
  const s = sentence(text);
  if (s.tokens.length === 0 || isCommandOrChanges(s)) return { kind: 'unknown', text };
  const ref = showRef(s);
  if (ref !== null) return { kind: 'show', ref };
  if (isHelp(s)) return { kind: 'help' };

  const searching = takeSearchTrigger(s);
  const filter: ActionFilter = {};
  const leads = takeLeads(s, plan, searching);
  if (leads.length > 0) filter.leads = leads;
  const themes = takeThemes(s, plan.themes, searching);
  if (themes.length > 0) filter.themes = themes;
  const rags = takeRags(s);
  if (rags.length > 0) filter.rags = rags;
  const due = takeDue(s, today, searching);
  if (due) filter.due = due;

  const structured = Object.keys(filter).length > 0;
  const summary = takeSummary(s);
  const words = takeText(s, plan, searching);
  if (words.length > 0) filter.text = words;
  if (summary && !structured && !searching && words.length === 0) return { kind: 'summary' };
  if (Object.keys(filter).length > 0 || (!searching && asksForEverything(s))) return { kind: 'list', filter };
  return { kind: 'unknown', text };
}
