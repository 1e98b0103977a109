import { parseDeadline } from '../../../bot/plan/deadlines.js';
import { parseTarget } from '../../../bot/plan/targets.js';
import type { Rag } from '../../../bot/plan/types.js';
import { ACTION_TEMPLATES } from './action-templates.js';
import { conversationsFor } from './conversations.js';
import { generateHistory, type Updater } from './history.js';
import { organisationsFor, type OrgKey } from './organisations.js';
import { generatePeople } from './people.js';
import { areaFor } from './places.js';
import { createRandom, mixSeed, type Random } from './random.js';
import { THEME_SETS } from './themes.js';
import type { GeneratedAction, GeneratedPartnership } from './types.js';
import { actionNotes, deadlineText, objectives } from './wording.js';

const YEAR = 365.25 * 86_400_000;

/** What to generate for one partnership. */
export interface PartnershipSpec {
  seed: number;
  /** 0-based position: picks the area and the random stream */
  index: number;
  /** the history ends here; everything else is dated relative to it */
  until: Date;
  years: number;
  actions: number;
  /** history rows for the whole partnership (imports included); at least one per action */
  updates: number;
  serviceUrl: string;
}

const uuid = (random: Random) => `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;

/** Splits a total into `parts` positive whole numbers with random weights (exactly `total` when total >= parts). */
function split(random: Random, total: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.3 + random.next() * 1.4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor(((total - parts) * w) / sum) + 1));
  for (let rest = total - counts.reduce((a, b) => a + b, 0), i = 0; rest > 0; rest--, i++) counts[i % parts]!++;
  return counts;
}

/** One partnership's plan, organisations, people, conversations and ten years of history; the same spec always gives the same data. */
export function generatePartnership(spec: PartnershipSpec): GeneratedPartnership {
  const random = createRandom(mixSeed(spec.seed, spec.index));
  const area = areaFor(spec.index);
  const until = spec.until;
  const planStart = new Date(until.getTime() - spec.years * YEAR + random.int(0, 60) * 86_400_000);
  const organisations = organisationsFor(area, () => random.chance(0.6));
  const orgIndex = (key: OrgKey) => organisations.findIndex((o) => o.key === key);
  const themeSet = random.pick(THEME_SETS);
  const templates = random.sample(ACTION_TEMPLATES, Math.min(spec.actions, ACTION_TEMPLATES.length));
  while (templates.length < spec.actions) templates.push(random.pick(ACTION_TEMPLATES));
  templates.sort((a, b) => themeSet.themes.indexOf(themeSet.themeOf[a.category]) - themeSet.themes.indexOf(themeSet.themeOf[b.category]));
  const sourceFile = `${area.place.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-prevent-action-plan.md`;
  const year = until.getUTCFullYear();
  const actions: GeneratedAction[] = templates.map((template, i) => {
    const ref = i + 1;
    const fill = (text: string) =>
      text
        .replaceAll('{place}', area.place)
        .replaceAll('{force}', area.force)
        .replaceAll('{n}', String(random.pick([4, 6, 10, 12, 20, 50])));
    const leads = [...new Set(template.leads.map(orgIndex).filter((o) => o >= 0))].slice(0, random.chance(0.6) ? 1 : 2);
    if (!leads.length) leads.push(orgIndex('cst'));
    const deadline = deadlineText(random, year, ref);
    const title = fill(template.title);
    return {
      ref,
      theme: themeSet.themes.indexOf(themeSet.themeOf[template.category]),
      title,
      deadlineText: deadline,
      ...parsedDeadline(deadline),
      outcome: fill(template.outcome),
      notes: actionNotes(random, organisations[leads[0]!]!.aliases[0]!),
      rag: random.weighted<Rag>([
        ['GREEN', 33],
        ['AMBER', 47],
        ['RED', 10],
        ['COMPLETE', 10],
      ]),
      target: parseTarget(title),
      progress: null,
      version: 1,
      updatedAt: planStart,
      leads,
      history: [],
    };
  });
  for (const a of actions) {
    const pointer = parseDeadline(a.deadlineText).refersTo;
    if (pointer !== null)
      Object.assign(a, { dueDate: actions[pointer - 1]!.dueDate, recurrence: a.recurrence ?? actions[pointer - 1]!.recurrence });
  }
  const people = generatePeople(random, area.place, organisations, new Set(actions.flatMap((a) => a.leads)), planStart);
  const coordinators = people.filter((p) => p.role === 'coordinator' && !p.chatId.startsWith('pending:'));
  const counts = split(random, spec.updates, actions.length);
  for (const [i, a] of actions.entries()) {
    const leadsOf = people.filter(
      (p) => p.role === 'lead' && !p.chatId.startsWith('pending:') && p.organisation !== null && a.leads.includes(p.organisation),
    );
    const updaters: Updater[] = [...leadsOf, ...leadsOf, ...coordinators].map((p) => ({
      name: p.displayName,
      chatId: p.chatId,
      source: random.chance(0.75) ? 'card' : 'chat',
    }));
    const start = random.chance(0.3) ? new Date(planStart.getTime() + random.next() * (spec.years - 1) * YEAR) : planStart;
    a.history = generateHistory(random, {
      count: counts[i]!,
      start,
      until,
      finalRag: a.rag,
      target: a.target,
      importedFrom: sourceFile,
      updaters,
      partner: organisations[a.leads[0]!]!.aliases[0]!,
    });
    const last = a.history[a.history.length - 1]!;
    Object.assign(a, {
      version: a.history.length,
      updatedAt: last.at,
      progress: a.target === null ? null : ([...a.history].reverse().find((h) => h.progress !== null)?.progress ?? null),
    });
  }
  const tenantId = uuid(random);
  const firstYear = year - (random.chance(0.5) ? 1 : 0);
  return {
    name: area.place,
    tenantId,
    createdAt: planStart,
    plan: {
      title: `${area.place} Prevent Action Plan ${firstYear}–${firstYear + 3}`,
      period: `April ${firstYear} – March ${firstYear + 3}`,
      objectives: objectives(area.place),
      sourceFile,
      importedAt: planStart,
    },
    themes: themeSet.themes,
    organisations,
    actions,
    people,
    conversations: conversationsFor(random, {
      place: area.place,
      tenantId,
      serviceUrl: spec.serviceUrl,
      coordinators,
      createdAt: planStart,
    }),
  };
}

function parsedDeadline(text: string) {
  const { dueDate, recurrence } = parseDeadline(text);
  return { dueDate, recurrence };
}
