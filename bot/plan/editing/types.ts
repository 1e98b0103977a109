import type { Rag, Recurrence } from '../types.js';

/** The fields of an action that can be edited in chat or on its card. */
export const EDIT_FIELDS = ['title', 'deadline', 'leads', 'theme', 'owner'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/** A named owner: a person of the partnership by their stable id, with their name at the time for people to read. */
export interface OwnerRef {
  id: number;
  name: string;
}

/** One change an edit makes, from what to what, as kept in the action's history (JSON). */
export type FieldChange =
  | { field: 'title'; from: string; to: string }
  | {
      field: 'deadline';
      from: { text: string; dueDate: string | null; recurrence: Recurrence | null };
      to: { text: string; dueDate: string | null; recurrence: Recurrence | null };
    }
  | { field: 'leads'; from: string[]; to: string[] }
  | { field: 'theme'; from: string; to: string }
  | { field: 'owner'; from: OwnerRef | null; to: OwnerRef | null }
  | { field: 'rag'; from: Rag; to: Rag }
  | { field: 'created'; from: null; to: string };

/** What someone asks to change, as they wrote it (nothing resolved yet): any of the fields, at least one. */
export interface EditWords {
  title?: string;
  /** date words as the importer reads them: "31/03/2027", "Sep-25", "Q3 2025/26", "Summer term 2026", "end of March", "TBC" */
  deadline?: string;
  /** organisations, joined by commas, "and", "/" or "&" */
  leads?: string;
  theme?: string;
  /** a person's name or address; "" or "nobody" clears the owner */
  owner?: string;
  /** for an owner given by @mention: the person's Entra object id (a mention cannot be spoofed by a look-alike name) */
  ownerAadObjectId?: string;
  /** for an owner chosen on the edit card: the person's id (null: no named owner) */
  ownerPersonId?: number | null;
}

/** A typed edit command, as parsed from chat. */
export type EditCommand =
  | { kind: 'add'; label: string | null; theme: string; words: EditWords & { title: string } }
  | { kind: 'edit'; ref: string; words: EditWords }
  | { kind: 'close'; ref: string }
  | { kind: 'reopen'; ref: string; rag: Rag | null };

/** The new values of the fields an edit changes, resolved against the plan and its people. */
export interface ResolvedFields {
  title?: string;
  deadline?: { text: string; dueDate: string | null; recurrence: Recurrence | null };
  leads?: string[];
  theme?: string;
  owner?: OwnerRef | null;
}
