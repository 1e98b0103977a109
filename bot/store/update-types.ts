import type { PlanAction, Rag, UpdateSource } from '../plan/types.js';
import type { ActionEdit } from './action-edits.js';
import type { DialogEnd } from './dialogs.js';
import type { OutboxInput } from './outbox.js';

/** A change someone asks for: the version they saw, the new RAG, a note and progress. */
export interface UpdateCommand {
  actionId: number;
  expectedVersion: number;
  rag: Rag;
  note: string;
  progress: number | null;
  /** who: their name at the time, chat id, and the Person id (keyed by Entra object id) when a person of the partnership */
  actor: { name: string; chatId: string | null; personId?: number | null };
  source: UpdateSource;
  /** the same key twice makes one update (double clicks, Teams retries) */
  idempotencyKey: string;
  at: Date;
  /** the caller's view of the action says this leaves its RAG as it is (a hint for the fastest path; the store checks) */
  keepsRag?: boolean;
  /** an edit of the action's fields made with the same version check and history entry (title, date, leads, theme, owner) */
  edit?: ActionEdit;
  /**
   * the action as the caller found it in the partnership's cached live plan: when the update was the plan's only change
   * since, the cache takes the action as it now is (PostgreSQL), and the next turn does not read the plan again
   */
  cached?: { partnership: string; action: PlanAction };
  /** messages to queue, in the same transaction, when the update is applied and changes the RAG (the announcement) */
  announce?: OutboxInput[];
  /** the conversation that ends with this update: its end is written in the same transaction (both saved, or neither) */
  endDialog?: (applied: { ragFrom: Rag; ragTo: Rag }) => DialogEnd;
}

export type UpdateOutcome =
  | { status: 'applied'; ragFrom: Rag; ragTo: Rag; version: number; historyId: number }
  | { status: 'duplicate'; ragFrom: Rag; ragTo: Rag; version: number; historyId: number }
  | { status: 'stale'; currentVersion: number }
  | { status: 'missing' }
  /** the action's plan is not the live one: archived plans are read-only, drafts wait to be made live */
  | { status: 'closed'; planStatus: string; planTitle: string };
