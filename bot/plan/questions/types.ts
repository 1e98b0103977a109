import type { Rag } from '../types.js';

/** Which actions a question asks for; every part given must hold, each list is any-of. */
export interface ActionFilter {
  rags?: Rag[];
  /** before is exclusive; all dates are YYYY-MM-DD */
  due?: { overdue?: true; from?: string; before?: string };
  /** canonical organisation names, any-of */
  leads?: string[];
  /** theme names, any-of */
  themes?: string[];
  /** search words or phrases, each must match (phrases as written, e.g. "e-learning") */
  text?: string[];
  /** search words too common to require ("Prevent"): they only put the best matches first */
  rankBy?: string[];
  /** the status words that were read as RAG ratings ("behind" for RED or AMBER) */
  status?: string[];
  /** the leads are the speaker's own organisation(s) */
  mine?: true;
  /** actions this person (by id) owns by name; with leads, an action led by one of them or owned by this person */
  ownedBy?: number;
  /** the owner's name for the answer's first line ("you" for the speaker) */
  ownerName?: string;
  /** words read as something close to them, with other words just as close */
  corrections?: { written: string; read: string; others?: string[] }[];
}

/** What a partner's question means. */
export type Question =
  | { kind: 'help'; topic?: HelpTopic }
  | { kind: 'smalltalk'; reply: string }
  | { kind: 'summary' }
  /** an action by its reference as written ("18", "2.3a") */
  | { kind: 'show'; ref: string }
  | { kind: 'list'; filter: ActionFilter }
  /** a kind of partner no action is led by: "what's the NHS doing?" */
  | { kind: 'noLead'; sector: string; label: string; leaders: string[] }
  /** "my actions" from someone whose organisation is not known */
  | { kind: 'mine-unknown' }
  | { kind: 'unknown'; text: string; suggestions?: string[] };

export const HELP_TOPICS = ['updates', 'reminders', 'reports'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** Who is asking, as far as "my actions" goes: the organisation(s) they are with. */
export interface Speaker {
  organisations: string[];
  /** the speaker's person id, for the actions they own by name */
  personId?: number;
}
