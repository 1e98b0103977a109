import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { matchAt, phraseStems, stemAt, use, type Sentence } from './tokens.js';

/** Words next to a name that show it is meant as the lead: "led by CoLP", "CST actions", "what is CoLP leading". */
const BEFORE_LEAD = new Set(['for', 'by', 'led', 'leading', 'lead', 'owned', 'owner', 'from']);
const AFTER_LEAD = new Set(['action', 'lead', 'leading', 'led', 'one', 'item', 'task', 'own', 'work']);

/** Words too common in organisation names to pick one out on their own. */
const GENERIC = new Set(['team', 'service', 'unit', 'forum', 'group', 'city', 'london', 'colc', 'prevent', 'partner',
  'member', 'council', 'corporation', 'board', 'network', 'sector', 'community', 'national', 'local', 'public']);

interface Name { organisation: string; stems: string[] }

/** Every name and alias of the organisations that lead at least one action, longest first. */
function names(plan: PlanView): Name[] {
  const leading = new Set(plan.actions.flatMap((a) => a.leads.map((lead) => lead.toLowerCase())));
  const all = plan.organisations.filter((o) => leading.has(o.name.toLowerCase())).flatMap((o) =>
    [o.name, ...o.aliases].map((text) => ({ organisation: o.name, stems: phraseStems(text) })));
  return all.filter((n) => n.stems.length > 0).sort((a, b) => b.stems.length - a.stems.length);
}

/** Single words that belong to exactly one organisation's names ("police"), mapped to that organisation. */
function distinctiveWords(plan: PlanView, leading: Name[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const o of plan.organisations) {
    for (const word of [o.name, ...o.aliases].flatMap(phraseStems)) {
      if (isFiller(word) || GENERIC.has(word) || word.length < 3) continue;
      owners.set(word, (owners.get(word) ?? new Set()).add(o.name));
    }
  }
  const isLeading = new Set(leading.map((n) => n.organisation));
  const words = new Map<string, string>();
  for (const [word, names] of owners) {
    const [only] = [...names];
    if (names.size === 1 && isLeading.has(only)) words.set(word, only);
  }
  return words;
}

/** Whether the words around a matched name mark it as a lead rather than a word to search for. */
function markedAsLead(s: Sentence, start: number, end: number, strong: boolean): boolean {
  const before = stemAt(s, start - 1) === 'the' ? start - 2 : start - 1;
  const after = stemAt(s, end) === 'is' ? end + 1 : end;
  if (strong) {
    return (stemAt(s, before) === 'by' && ['led', 'owned'].includes(stemAt(s, before - 1)))
      || ['lead', 'leading', 'led'].includes(stemAt(s, after));
  }
  return BEFORE_LEAD.has(stemAt(s, before)) || AFTER_LEAD.has(stemAt(s, after));
}

/**
 * Takes the leading organisations the question names, by name or alias, ignoring case (longest first, so
 * "CoLC CST" wins over "CST"). An organisation that leads nothing is left to text search; in a search
 * ("anything on probation") a name only counts when the words around it say it leads ("probation actions").
 * One word of a single organisation's name counts when clearly about leading ("what is the police leading").
 */
export function takeLeads(s: Sentence, plan: PlanView, searching: boolean): string[] {
  const found: string[] = [];
  const candidates = names(plan);
  for (let i = 0; i < s.tokens.length; i += 1) {
    for (const name of candidates) {
      const length = matchAt(s, i, name.stems);
      if (length === 0 || (searching && !markedAsLead(s, i, i + length, false))) continue;
      use(s, i, i + length);
      if (!found.includes(name.organisation)) found.push(name.organisation);
      i += length - 1;
      break;
    }
  }
  const words = distinctiveWords(plan, candidates);
  s.tokens.forEach((token, i) => {
    const organisation = words.get(token.stem);
    if (s.used[i] || !organisation || !markedAsLead(s, i, i + 1, true)) return;
    s.used[i] = true;
    if (!found.includes(organisation)) found.push(organisation);
  });
  return found;
}
