import type { PlanView } from '../types.js';
import { isFiller } from './filler.js';
import { inPlanVocabulary } from './search-words.js';
import { SECTORS, sectorOrganisations, type Sector } from './sectors.js';
import { matchAt, phraseStems, stemAt, use, type Sentence } from './tokens.js';

/** Words next to a name that show it is meant as the lead: "led by CoLP", "CST actions", "what is CoLP leading". */
const BEFORE_LEAD = new Set(['for', 'by', 'led', 'leading', 'lead', 'owned', 'owner', 'from']);
const AFTER_LEAD = new Set(['action', 'lead', 'leading', 'led', 'one', 'item', 'task', 'own', 'work']);
/** Words after a name that say the question is about what it leads: "what's the NHS doing?". */
const DOING = new Set(['lead', 'leading', 'led', 'doing', 'responsible', 'working', 'own', 'owns', 'delivering']);
/** Words that follow a "doing" word and belong to it: "working on", "responsible for". */
const DOING_TAIL = new Set(['on', 'for', 'with']);
/** Words of a sector's name that say nothing as a topic: "faith sector" searches for "faith". */
const TOPIC_NOISE = new Set(['sector', 'partner', 'service', 'organisation', 'community', 'the']);
const LINKS = new Set(['is', 'are', 'be', 'been', 'currently', 'actually', 'really']);

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
  return namesOf(plan).filter(({ stems }) => stems.length > 0 && stems.every((w) => present.has(w)));
}

const namesByOrganisations = new WeakMap<PlanView['organisations'], Name[]>();

/** Every organisation's name and aliases as stems (remembered while the plan's organisations stay the same). */
function namesOf(plan: PlanView): Name[] {
  let names = namesByOrganisations.get(plan.organisations);
  if (!names) {
    names = plan.organisations.flatMap((o) => [o.name, ...o.aliases].map((text) => ({ organisation: o.name, stems: phraseStems(text) })));
    namesByOrganisations.set(plan.organisations, names);
  }
  return names;
}

/** The one organisation whose names contain this word ("police"), or null if none or several do. */
function soleOwner(plan: PlanView, word: string): string | null {
  if (isFiller(word) || GENERIC.has(word) || word.length < 3) return null;
  const owners = plan.organisations.filter((o) => [o.name, ...o.aliases].some((t) => phraseStems(t).includes(word)));
  return owners.length === 1 ? (owners[0]?.name ?? null) : null;
}

/** Whether the words around a matched name mark it as a lead rather than a word to search for. */
function markedAsLead(s: Sentence, start: number, end: number, strong: boolean): boolean {
  const before = stemAt(s, start - 1) === 'the' ? start - 2 : start - 1;
  let after = end;
  while (LINKS.has(stemAt(s, after))) after += 1;
  if (strong) {
    return (
      (stemAt(s, before) === 'by' && ['led', 'owned'].includes(stemAt(s, before - 1))) ||
      (stemAt(s, before) === 'by' && stemAt(s, before - 1) === '') ||
      DOING.has(stemAt(s, after))
    );
  }
  return BEFORE_LEAD.has(stemAt(s, before)) || AFTER_LEAD.has(stemAt(s, after));
}

/** Marks the "doing" word after a lead as read: "what is the council responsible for". */
function useDoing(s: Sentence, end: number): void {
  let k = end;
  while (LINKS.has(stemAt(s, k))) k += 1;
  if (!DOING.has(stemAt(s, k))) return;
  s.used[k] = true;
  if (DOING_TAIL.has(stemAt(s, k + 1))) s.used[k + 1] = true;
}

/** What takeLeads read: organisations, and a kind of partner named that leads nothing in this plan. */
export interface LeadReading {
  leads: string[];
  noLead?: Sector;
}

/** The sector named at i, longest phrase first, with its length. */
const SECTOR_PHRASES = new Map<string, { sector: Sector; phrase: string[] }[]>();
for (const sector of SECTORS) {
  for (const phrase of sector.phrases) {
    const first = phrase[0] ?? '';
    const list = SECTOR_PHRASES.get(first) ?? [];
    list.push({ sector, phrase });
    SECTOR_PHRASES.set(first, list);
  }
}

function sectorAt(s: Sentence, i: number): { sector: Sector; length: number } | null {
  let best: { sector: Sector; length: number } | null = null;
  for (const { sector, phrase } of SECTOR_PHRASES.get(stemAt(s, i)) ?? []) {
    const length = matchAt(s, i, phrase);
    if (length > (best?.length ?? 0)) best = { sector, length };
  }
  if (best) while (TOPIC_NOISE.has(stemAt(s, i + best.length)) && stemAt(s, i + best.length) !== 'the') best.length += 1;
  return best;
}

/**
 * Takes the leading organisations the question names, by name or alias, ignoring case (longest first, so
 * "CoLC CST" wins over "CST"), then kinds of partner ("the police", "the council", "health") matched to the
 * plan's organisations by name or alias. In a search ("anything on probation") a name only counts when the
 * words around it say it leads. A kind of partner that leads nothing here is "noLead" when the question is
 * about leading ("what's the NHS doing?") or the plan never mentions it; otherwise it is a word to search for.
 */
export function takeLeads(s: Sentence, plan: PlanView, searching: boolean): LeadReading {
  const found: string[] = [];
  let noLead: Sector | undefined;
  let leading: Set<string> | undefined;
  const leads = (name: string): boolean => {
    leading ??= new Set(plan.actions.flatMap((a) => a.leads));
    return leading.has(name);
  };
  const take = (organisation: string, start: number, end: number): void => {
    use(s, start, end);
    useDoing(s, end);
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
  for (let i = 0; i < s.tokens.length; i += 1) {
    const named = s.used[i] ? null : sectorAt(s, i);
    if (!named) continue;
    const end = i + named.length;
    const strong = markedAsLead(s, i, end, true);
    const organisations = sectorOrganisations(named.sector, plan.organisations).filter(leads);
    if (organisations.length > 0) {
      if (searching && !strong && !markedAsLead(s, i, end, false)) continue;
      use(s, i, end);
      useDoing(s, end);
      for (const organisation of organisations) if (!found.includes(organisation)) found.push(organisation);
      continue;
    }
    const namedWords = s.tokens.slice(i, end).filter((t) => !TOPIC_NOISE.has(t.stem));
    const mentioned = namedWords.length > 0 && inPlanVocabulary(plan, namedWords.map((t) => t.raw).join(' '));
    if (strong || (!mentioned && (!searching || markedAsLead(s, i, end, false)))) {
      use(s, i, end);
      useDoing(s, end);
      noLead ??= named.sector;
    } else {
      s.tokens.forEach((t, k) => {
        if (k >= i && k < end && TOPIC_NOISE.has(t.stem)) s.used[k] = true;
      });
    }
  }
  return noLead ? { leads: found, noLead } : { leads: found };
}
