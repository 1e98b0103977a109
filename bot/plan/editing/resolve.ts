import { distance } from 'fastest-levenshtein';
import { buildDirectory, resolveLeads } from '../../import/leads.js';
import { DEFAULT_ORGANISATIONS, mergeOrganisations } from '../../import/known-organisations.js';
import { parseDeadline } from '../deadlines.js';
import type { PlanView } from '../types.js';
import { ownerCandidates, resolveOwner, type Candidate } from './owners.js';
import type { EditWords, ResolvedFields } from './types.js';

export type Resolved<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The date words people may use, for answers to words that are not a date. */
export const DATE_WORDS_HELP =
  'a date such as 31/03/2027, a month such as "Sep-25", "Q3 2025/26", "Summer term 2026", "end of March", or "TBC"';

const NO_DATE = /^(?:tbc|tba|to be (?:confirmed|agreed|decided)|none|no (?:target )?date|not set|ongoing)$/i;

/** Reads date words as the importer does; words that name neither a date, a repeat nor "TBC" are a problem. */
export function resolveDeadline(words: string, today: string): Resolved<NonNullable<ResolvedFields['deadline']>> {
  const text = words.trim().replace(/\s+/g, ' ');
  const parsed = parseDeadline(text, today);
  // The importer reads "Q5 2025/26" as the financial year it names; typed in chat it is a slip, not a year end.
  const badQuarter = /\bq(?![1-4]\b)\d+\b/i.test(text);
  if (!badQuarter && (parsed.dueDate || parsed.recurrence || NO_DATE.test(text)))
    return { ok: true, value: { text, dueDate: parsed.dueDate, recurrence: parsed.recurrence } };
  return { ok: false, problem: `I can't read "${text}" as a target date. Nothing was changed. Try ${DATE_WORDS_HELP}.` };
}

/** A theme of the plan by its name, any case, or by the start of its name when only one theme starts so. */
export function resolveTheme(words: string, plan: Pick<PlanView, 'themes'>): Resolved<string> {
  const key = words.trim().toLowerCase();
  const exact = plan.themes.find((t) => t.toLowerCase() === key);
  if (exact) return { ok: true, value: exact };
  const partial = plan.themes.filter((t) => key.length >= 3 && t.toLowerCase().startsWith(key));
  const inside = partial.length ? partial : plan.themes.filter((t) => key.length >= 4 && t.toLowerCase().includes(key));
  if (inside.length === 1 && inside[0]) return { ok: true, value: inside[0] };
  const list = plan.themes.map((t) => `"${t}"`).join(', ');
  if (inside.length > 1)
    return {
      ok: false,
      problem: `"${words}" could be more than one theme: ${inside.map((t) => `"${t}"`).join(', ')}. Nothing was changed; say which.`,
    };
  return { ok: false, problem: `The plan has no theme "${words}". Nothing was changed. Its themes are: ${list}.` };
}

/**
 * Organisations named in chat ("CoLP and Islington council"): known names and aliases become the partnership's names
 * for them; a name close to a known one is a problem (a typo, never a new organisation); others are new organisations.
 */
export function resolveLeadWords(words: string, plan: Pick<PlanView, 'organisations'>): Resolved<{ leads: string[]; fresh: string[] }> {
  const known = mergeOrganisations(plan.organisations, DEFAULT_ORGANISATIONS);
  const directory = buildDirectory(known);
  const whole = resolveLeads(words, directory);
  const found = whole.every((l) => l.known)
    ? whole
    : words
        .split(/\s*(?:[,;/&+]|\band\b)\s*/i)
        .filter((p) => p.trim() !== '')
        .flatMap((piece) => resolveLeads(piece.trim(), directory));
  const leads: string[] = [];
  const fresh: string[] = [];
  for (const lead of found) {
    if (leads.some((l) => l.toLowerCase() === lead.name.toLowerCase())) continue;
    if (!lead.known) {
      const near = directory.entries.find((e) => e.key.length >= 3 && distance(e.key, lead.name.toLowerCase()) <= 2);
      if (near) return { ok: false, problem: `Did you mean ${near.name} rather than "${lead.name}"? Nothing was changed.` };
      fresh.push(lead.name);
    }
    leads.push(lead.name);
  }
  if (leads.length === 0)
    return { ok: false, problem: 'Say which organisations lead it, e.g. "led by CoLP and CST". Nothing was changed.' };
  return { ok: true, value: { leads, fresh } };
}

/** Resolves each field someone asked to change; the first problem stops it (nothing is half-changed). */
export function resolveEditWords(
  words: EditWords,
  context: { plan: PlanView; today: string; people: readonly Candidate[]; speakerId: number | null },
): Resolved<{ fields: ResolvedFields; freshOrganisations: string[] }> {
  const fields: ResolvedFields = {};
  let freshOrganisations: string[] = [];
  if (words.title !== undefined) {
    const title = words.title.trim().replace(/\s+/g, ' ');
    if (title === '') return { ok: false, problem: 'The new wording is empty. Nothing was changed.' };
    if (title.length > 500)
      return { ok: false, problem: `The new wording is ${title.length} characters; at most 500. Nothing was changed.` };
    fields.title = title;
  }
  if (words.deadline !== undefined) {
    const deadline = resolveDeadline(words.deadline, context.today);
    if (!deadline.ok) return deadline;
    fields.deadline = deadline.value;
  }
  if (words.theme !== undefined) {
    const theme = resolveTheme(words.theme, context.plan);
    if (!theme.ok) return theme;
    fields.theme = theme.value;
  }
  if (words.leads !== undefined) {
    const leads = resolveLeadWords(words.leads, context.plan);
    if (!leads.ok) return leads;
    fields.leads = leads.value.leads;
    freshOrganisations = leads.value.fresh;
  }
  if (words.ownerPersonId !== undefined) {
    const chosen = words.ownerPersonId === null ? null : ownerCandidates(context.people).find((p) => p.id === words.ownerPersonId);
    if (chosen === undefined)
      return { ok: false, problem: 'The person chosen as owner is no longer in the partnership. Nothing was changed.' };
    fields.owner = chosen ? { id: chosen.id, name: chosen.displayName } : null;
  } else if (words.owner !== undefined || words.ownerAadObjectId !== undefined) {
    const owner = resolveOwner(words.owner ?? '', context.people, { speakerId: context.speakerId, aadObjectId: words.ownerAadObjectId });
    if (!owner.ok) return owner;
    fields.owner = owner.value;
  }
  return { ok: true, value: { fields, freshOrganisations } };
}
