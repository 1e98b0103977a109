import { RAGS, type HistoryEntry, type PlanAction, type Rag, type UpdateSource } from '../../bot/plan/types.js';
import { at } from '../support/at.js';

/** One action with sensible defaults; override any field. */
export function makeAction(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    id: 118,
    ref: 18,
    label: String(overrides.ref ?? 18),
    theme: 'Awareness',
    title: 'Engage with and support faith groups',
    deadlineText: 'Ongoing',
    dueDate: null,
    recurrence: null,
    outcome: 'This ensures that another section of our community are equipped to spot signs and make referrals',
    notes: 'Re-engage with faith groups. Due to Covid 19 this has not been able to take place yet.',
    rag: 'RED',
    leads: ['CoLC CST', 'CoLP Prevent team'],
    target: null,
    progress: null,
    version: 3,
    lastUpdate: { by: 'Ali Burlington', at: '2026-11-22T14:05:00Z' },
    ...overrides,
  };
}

type Row = [theme: string, title: string, deadline: string, rag: Rag, leads: string[]];
const CST = ['CoLC CST', 'CoLP Prevent team'];
const T = 'Training and engagement';

/** The 24 actions of the City of London plan 2020-2024: 8 GREEN, 12 AMBER, 2 RED, 2 COMPLETE. */
const CITY_PLAN: Row[] = [
  [
    T,
    'Deliver bespoke training to CoLC staff, including apprentices and members',
    'Ongoing',
    'GREEN',
    ['CoLC CST', 'CoLC Learning and Development', 'CoLP Prevent team'],
  ],
  [T, 'Deliver bespoke training to CoLP officers and Police staff', 'Ongoing', 'GREEN', CST],
  [
    T,
    'Deliver bespoke training to City of London Stakeholders, e.g. Probation, City Advice Partners to utilise this offer',
    'Ongoing',
    'AMBER',
    [...CST, 'All stakeholders'],
  ],
  [T, 'Support our Education sector through training, advice and guidance', 'Ongoing', 'GREEN', CST],
  [
    T,
    'Develop a series of multi-agency pilots and case studies to trial methods to improve our understanding of those at risk of involvement in terrorism, and enable earlier intervention',
    'October 2021',
    'GREEN',
    CST,
  ],
  [
    T,
    'Embrace training opportunities to ensure that knowledge is up to date, e.g. training events/webinars provided by NCTPHQ',
    'Ongoing',
    'AMBER',
    ['All stakeholders'],
  ],
  [T, 'Attend London Prevent Network and London Prevent Board', 'Ongoing – bi-weekly', 'GREEN', ['CoLC CST']],
  [T, 'Develop relationships with stakeholders and communities to build on support for the Prevent agenda', 'Ongoing', 'AMBER', CST],
  [T, 'Review and enhance Prevent leads within the CoLC and CoLP', 'October 2021', 'GREEN', CST],
  [
    T,
    'Develop a forum with CoLC and stakeholders to meet every six months and establish a distribution list',
    'October 2021',
    'AMBER',
    CST,
  ],
  [T, 'Promote Prevent and hate crime sessions within our schools', '2021–22', 'AMBER', ['CoLC CST']],
  ['Policy/Processes', 'Develop and circulate Prevent Policy and Channel Guidance document', 'Complete', 'COMPLETE', ['CoLC CST']],
  [
    'Policy/Processes',
    'Implement effective management of referrals and ensure that pathways are in place to support staff in making referrals',
    'Complete/ continue to review',
    'COMPLETE',
    CST,
  ],
  [
    'Policy/Processes',
    'Channel processes are in place, including identifying leads from required agencies',
    'June 2021',
    'GREEN',
    ['CoLC CST'],
  ],
  [
    'Policy/Processes',
    'Ensure that Prevent representatives are present at appropriate safeguarding meetings',
    'Ongoing',
    'AMBER',
    [...CST, 'All stakeholders'],
  ],
  [
    'Awareness',
    "Distribute and circulate material and information regarding the national 'Act Early' campaign",
    'Ongoing',
    'GREEN',
    [...CST, 'All stakeholders'],
  ],
  ['Awareness', 'Develop a communications plan', 'Ongoing', 'AMBER', CST],
  ['Awareness', 'Engage with and support faith groups', 'Ongoing', 'RED', CST],
  [
    'Awareness',
    'Engage with and support businesses by offering training, engagement and campaign material/literature',
    'Ongoing',
    'AMBER',
    CST,
  ],
  ['Awareness', "Further develop our 'Prevent Products' and map our engagement activity", 'Ongoing/ continue to review', 'AMBER', CST],
  [
    'Other',
    'Continue to increase our awareness of the link and impact of mental health and vulnerabilities to radicalisation',
    'Ongoing',
    'AMBER',
    CST,
  ],
  [
    'Other',
    'Enhance current working arrangement between Prevent and Multi-Agency Public Protection Arrangements',
    'October 2021',
    'RED',
    ['CoLP', 'London Probation Service'],
  ],
  [
    'Other',
    'Enhance partnership knowledge and working between Violence Against Women and Girls and Prevent',
    'Ongoing',
    'AMBER',
    [...CST, 'Public Protection Unit', 'CoLC VAWG Forum'],
  ],
  ['Other', 'Utilise the CoLC Counter Terrorism Local Profile (CTLTP) to form a local partnership delivery plan', 'Ongoing', 'AMBER', CST],
];

/** The real plan's 24 actions as PlanActions (refs 1-24; action 18 is faith groups). */
export function cityPlanActions(): PlanAction[] {
  return CITY_PLAN.map(([theme, title, deadlineText, rag, leads], index) =>
    makeAction({
      id: 100 + index + 1,
      ref: index + 1,
      theme,
      title,
      deadlineText,
      dueDate: deadlineText === 'October 2021' ? '2021-10-31' : null,
      rag,
      leads,
      notes: index === 2 ? 'Deliver six sessions a year minimum' : '',
      target: index === 2 ? 6 : null,
      progress: index === 2 ? 3 : null,
    }),
  );
}

const RAG_CYCLE: Rag[] = ['RED', 'AMBER', 'GREEN', 'COMPLETE', 'UNRATED'];

/** Many actions with long titles, leads and notes, to prove paging keeps cards small. */
export function manyLongActions(count: number): PlanAction[] {
  return Array.from({ length: count }, (_, index) =>
    makeAction({
      id: 1000 + index,
      ref: index + 1,
      title: `Long action number ${index + 1}: ${'deliver multi-agency training, engagement and awareness-raising across the partnership '.repeat(8)}`,
      leads: Array.from({ length: 12 }, (_, lead) => `Partner organisation with a rather long name ${lead + 1}`),
      notes: 'Notes that go on and on about sessions delivered, meetings attended and businesses engaged. '.repeat(40),
      outcome: 'Partners are aware of their responsibilities regarding Prevent and how to make referrals. '.repeat(20),
      rag: RAG_CYCLE[index % RAG_CYCLE.length],
      dueDate: index % 2 === 0 ? '2027-03-31' : null,
    }),
  );
}

const SOURCES: UpdateSource[] = ['card', 'chat', 'import', 'cli'];

/** A history of `count` entries, newest first, one a day. */
export function makeHistory(count: number, noteLength = 200): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) => ({
    by: index % 2 === 0 ? 'Ali Burlington' : 'Sam Okafor',
    at: new Date(Date.UTC(2026, 10, 22, 14, 5) - index * 86_400_000).toISOString(),
    ragFrom: at(RAG_CYCLE, (index + 1) % 4),
    ragTo: at(RAG_CYCLE, index % 4),
    note: `Update ${count - index}: ${'sessions delivered and partners engaged. '.repeat(Math.ceil(noteLength / 40))}`.slice(0, noteLength),
    progress: index % 3 === 0 ? index : null,
    source: at(SOURCES, index % SOURCES.length),
  }));
}

function countByRag(actions: PlanAction[]): Record<Rag, number> {
  const counts = Object.fromEntries(RAGS.map((rag) => [rag, 0])) as Record<Rag, number>;
  for (const action of actions) counts[action.rag] += 1;
  return counts;
}

/** The summary card input for the City of London plan. */
export function citySummary() {
  const actions = cityPlanActions();
  const themes = [...new Set(actions.map((a) => a.theme))];
  return {
    planTitle: 'City of London Prevent Action Plan 2020–2024',
    total: actions.length,
    byRag: countByRag(actions),
    byTheme: themes.map((theme) => {
      const inTheme = actions.filter((a) => a.theme === theme);
      return { theme, total: inTheme.length, byRag: countByRag(inTheme) };
    }),
    overdue: 3,
  };
}
