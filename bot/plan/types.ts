import { z } from 'zod';

/** RAG ratings as stored; UNRATED means "not yet rated". */
export const RAGS = ['RED', 'AMBER', 'GREEN', 'COMPLETE', 'UNRATED'] as const;
export const RagSchema = z.enum(RAGS);
export type Rag = z.infer<typeof RagSchema>;

/** Ratings a person can choose when updating an action. */
export const SETTABLE_RAGS = ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const;

export const ROLES = ['coordinator', 'lead', 'member'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const RECURRENCES = ['weekly', 'bi-weekly', 'monthly', 'quarterly', 'six-monthly', 'annual'] as const;
export type Recurrence = (typeof RECURRENCES)[number];

/** carry: the first entry of an action carried over to next year's plan (a copy of the earlier action's latest note) */
export const UPDATE_SOURCES = ['card', 'chat', 'import', 'cli', 'carry'] as const;
export type UpdateSource = (typeof UPDATE_SOURCES)[number];

/** The last recorded change to an action: who and when. */
export interface LastUpdate {
  by: string;
  /** ISO 8601 instant */
  at: string;
  /** the note given with the update ('' for imports) */
  note?: string;
}

/** What a plan says about an action, wherever it comes from (a file, the database, the generator). */
export interface ActionFields {
  ref: number;
  title: string;
  deadlineText: string;
  /** YYYY-MM-DD or null */
  dueDate: string | null;
  recurrence: Recurrence | null;
  outcome: string;
  notes: string;
  /** UNRATED when the plan gives no RAG */
  rag: Rag;
  target: number | null;
}

/** One action of a plan as the plan core sees it: plain data, no database types. */
export interface PlanAction extends ActionFields {
  id: number;
  /** the action's number as the plan writes it ("1.1", "2.3a"; the number itself by default); ref is its place in the order */
  label: string;
  theme: string;
  /** names of lead organisations, in plan order */
  leads: string[];
  progress: number | null;
  version: number;
  lastUpdate: LastUpdate | null;
  /** columns of the imported plan the importer does not map, by header as written */
  extras?: Record<string, string>;
  /** a named owner: one person of the partnership (by their stable id) besides the lead organisations; absent or null: none */
  owner?: { id: number; name: string } | null;
}

export interface OrganisationInfo {
  name: string;
  aliases: string[];
}

/** A whole plan as the plan core sees it. */
export interface PlanView {
  partnership: string;
  timeZone: string;
  title: string;
  period: string;
  /** the plan's id and status when read from the database (live: the plan people ask about and update) */
  planId?: number;
  status?: PlanStatus;
  themes: string[];
  organisations: OrganisationInfo[];
  actions: PlanAction[];
}

/** live: the one plan people ask about and update; draft: imported or started, not yet live; archived: was live, read-only. */
export const PLAN_STATUSES = ['live', 'draft', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** One of a partnership's plans, in brief (for "list plans" and for matching the plan a partner names). */
export interface PlanSummary {
  id: number;
  title: string;
  period: string;
  status: PlanStatus;
  actions: number;
  /** ISO 8601 instants */
  importedAt: string;
  liveSince: string | null;
  archivedAt: string | null;
}

/** One entry of an action's history. */
export interface HistoryEntry {
  by: string;
  at: string;
  ragFrom: Rag;
  ragTo: Rag;
  note: string;
  progress: number | null;
  source: UpdateSource;
  /** what an edit changed, from what to what (absent for RAG updates and imports) */
  changes?: { field: string; from: unknown; to: unknown }[];
}

/** How a RAG rating is written for people: always in words. */
export function ragWords(rag: Rag): string {
  return rag === 'UNRATED' ? 'Not yet rated' : rag;
}
