import type { PlanView } from '../types.js';
import { takeDue } from './due-dates.js';
import { isFiller } from './filler.js';
import { asksForEverything, helpAsked, isCommandOrChanges, showRef, takeSummary } from './intents.js';
import { takeLeads } from './leads.js';
import { takeMine } from './mine.js';
import { takeRags } from './rag-words.js';
import { inPlanVocabulary, splitByFrequency } from './search-words.js';
import { sectorOrganisations } from './sectors.js';
import { smallTalk } from './small-talk.js';
import { takeText, takeSearchTrigger } from './text-search.js';
import { takeThemes } from './themes.js';
import { sentence, type Sentence } from './tokens.js';
import { correctTokens } from './typos.js';
import type { ActionFilter, Question, Speaker } from './types.js';

export type { ActionFilter, HelpTopic, Question, Speaker } from './types.js';
export { describeNoLead } from './describe.js';

/** A reading of a sentence, and the words it could not place (candidates for a spelling correction). */
interface Reading {
  question: Question;
  unplaced: number[];
}

function read(s: Sentence, text: string, plan: PlanView, today: string, speaker: Speaker | undefined): Reading {
  const none = { question: { kind: 'unknown', text } as Question, unplaced: [] };
  if (s.tokens.length === 0) return none;
  const help = helpAsked(s);
  if (help) return { question: help.topic ? { kind: 'help', topic: help.topic } : { kind: 'help' }, unplaced: [] };
  const chat = smallTalk(s);
  if (chat) return { question: { kind: 'smalltalk', reply: chat }, unplaced: [] };
  const mine = takeMine(s);
  if (isCommandOrChanges(s)) return none;
  const ref = showRef(s);
  if (ref !== null) return { question: { kind: 'show', ref }, unplaced: [] };

  const searching = takeSearchTrigger(s);
  const filter: ActionFilter = {};
  const { leads, noLead } = takeLeads(s, plan, searching);
  if (leads.length > 0) filter.leads = leads;
  const themes = takeThemes(s, plan, searching);
  if (themes.length > 0) filter.themes = themes;
  const { rags, status } = takeRags(s, searching);
  if (rags.length > 0) filter.rags = rags;
  if (status.length > 0) filter.status = status;
  const due = takeDue(s, today, searching);
  if (due) filter.due = due;

  const structured = Object.keys(filter).length > 0;
  const summary = takeSummary(s);
  const unplaced = s.tokens
    .map((t, i) => (s.used[i] || isFiller(t.stem) || t.joined || s.tokens[i + 1]?.joined || inPlanVocabulary(plan, t.raw) ? -1 : i))
    .filter((i) => i >= 0);
  const words = takeText(s, plan, searching);
  if (words.length > 0) {
    const { required, ranking } = splitByFrequency(plan, words);
    filter.text = required;
    if (ranking.length > 0) filter.rankBy = ranking;
  }
  const leaders = (): string[] => leadersOf(plan);
  if (noLead) return { question: { kind: 'noLead', sector: noLead.key, label: noLead.label, leaders: leaders() }, unplaced };
  if (mine) {
    const personId = speaker?.personId;
    const owns = personId !== undefined && plan.actions.some((a) => a.owner?.id === personId);
    if (!speaker?.organisations.length && !owns) return { question: { kind: 'mine-unknown' }, unplaced };
    const organisations = speaker?.organisations ?? [];
    const own = leaders().filter((name) => organisations.some((o) => o.toLowerCase() === name.toLowerCase()));
    if (own.length === 0 && !owns) {
      return { question: { kind: 'noLead', sector: 'mine', label: organisations.join(' or '), leaders: leaders() }, unplaced };
    }
    if (own.length) filter.leads = [...new Set([...(filter.leads ?? []), ...own])];
    if (own.length) filter.mine = true;
    if (owns) Object.assign(filter, { ownedBy: personId, ownerName: 'you' });
    return { question: { kind: 'list', filter }, unplaced };
  }
  if (summary && !structured && !searching && words.length === 0) return { question: { kind: 'summary' }, unplaced };
  if (Object.keys(filter).length > 0 || (!searching && asksForEverything(s))) return { question: { kind: 'list', filter }, unplaced };
  return { question: { kind: 'unknown', text }, unplaced };
}

/** The organisations that lead actions, most actions first: "CoLC Community Safety Team (22)". */
function leadersOf(plan: PlanView): string[] {
  const counts = new Map<string, number>();
  for (const action of plan.actions) for (const lead of action.leads) counts.set(lead, (counts.get(lead) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/**
 * Understands a partner's question about the plan without a language model; never throws.
 * Pieces are taken in a fixed order (organisations, themes, RAG and status words, dates, then words to search
 * for) so that a word inside an organisation's name is never read as a theme or a colour. Words it cannot place
 * are read again as the nearest word it knows ("ambr" as "amber"), and the answer says so.
 * `speaker` gives the asker's organisation(s) for "my actions".
 */
export function parseQuestion(text: string, plan: PlanView, today: string, speaker?: Speaker): Question {
  const first = read(sentence(text), text, plan, today, speaker);
  if (first.unplaced.length === 0 || first.question.kind === 'mine-unknown') return first.question;
  const s = sentence(text);
  const corrections = correctTokens(plan, s.tokens, first.unplaced);
  if (corrections.length === 0) return first.question;
  const second = read(s, text, plan, today, speaker).question;
  const suggestions = corrections.flatMap((c) => [c.read, ...c.others]);
  if (second.kind === 'list') {
    second.filter.corrections = corrections.map(({ written, read, others }) =>
      others.length ? { written, read, others } : { written, read },
    );
    return second;
  }
  if (second.kind === 'unknown') return first.question.kind === 'unknown' ? { ...first.question, suggestions } : first.question;
  return second;
}

/** The organisations of a kind of partner in a plan (for tests and answers). */
export { sectorOrganisations };
