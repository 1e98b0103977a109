import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { matchAt, phraseStems, stemAt, use, type Sentence } from './tokens.js';

/** Words next to a name that show it is meant as the lead: "led by CoLP", "CST actions", "what is CoLP leading". */
const BEFORE_LEAD = new Set(['for', 'by', 'led', 'leading', 'lead', 'owned', 'owner', 'from']);
const AFTER_LEAD = new Set(['action', 'lead', 'leading', 'led', 'one', 'item', 'task', 'own', 'work']);

/** Words too common in organisation names to pick one out on their own. */
const GENERIC = new Set([
  'team',
  'service',
  'unit',
  'forum',
  'group',
  'city',
  'london',
  'colc',
  'prevent',
  'partner',
  'member',
  'council',
  'corporation',
  'board',
  'network',
  'sector',
  'community',
  'national',
  'local',
  'public',
]);

interface Name {
  organisation: string;
  stems: string[];
}

/** The names and aliases whose every word occurs in the question: the only ones worth matching. */
function candidates(s: Sentence, plan: PlanView): Name[] {
  const present = new Set(s.tokens.map((t) => t.stem));
  const found: Name[] = [];
  for (const o of plan.organisations) {
    for (const text of [o.name, ...o.aliases]) {
      const stems = phraseStems(text);
      if (stems.length > 0 && stems.every((w) => present.has(w))) found.push({ organisation: o.name, stems });
    }
  }
  return found;
}

/** The one organisation whose names contain this word ("police"), or null if none or several do. */
function soleOwner(plan: PlanView, word: string): string | null {
  if (isFiller(word) || GENERIC.has(word) || word.length < 3) return null;
  const owners = plan.organisations.filter((o) => [o.name, ...o.aliases].some((t) => phraseStems(t).includes(word)));
  return owners.length === 1 ? owners[0].name : null;
}

/** Whether the words around a matched name mark it as a lead rather than a word to search for. */
function markedAsLead(s: Sentence, start: number, end: number, strong: boolean): boolean {
  const before = stemAt(s, start - 1) === 'the' ? start - 2 : start - 1;
  const after = stemAt(s, end) === 'is' ? end + 1 : end;
  if (strong) {
    return (
      (stemAt(s, before) === 'by' && ['led', 'owned'].includes(stemAt(s, before - 1))) ||
      ['lead', 'leading', 'led'].includes(stemAt(s, after))
    );
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
  let leading: Set<string> | undefined;
  const leads = (name: string): boolean => (leading ??= new Set(plan.actions.flatMap((a) => a.leads))).has(name);
  const take = (organisation: string, start: number, end: number): void => {
    use(s, start, end);
    if (!found.includes(organisation)) found.push(organisation);
  };
  const names = candidates(s, plan);
  for (let i = 0; i < s.tokens.length && names.length > 0; i += 1) {
    let best: Name | null = null;
    for (const name of names) {
      const length = matchAt(s, i, name.stems);
      if (length === 0 || length <= (best?.stems.length ?? 0) || !leads(name.organisation)) continue;
      if (!searching || markedAsLead(s, i, i + length, false)) best = name;
    }
    if (best) take(best.organisation, i, i + best.stems.length);
  }
  s.tokens.forEach((token, i) => {
    if (s.used[i] || !markedAsLead(s, i, i + 1, true)) return;
    const owner = soleOwner(plan, token.stem);
    if (owner && leads(owner)) take(owner, i, i + 1);
  });
  return found;
}
