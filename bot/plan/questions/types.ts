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
  /** search words, all must match */
  text?: string[];
}

/** What a partner's question means. */
export type Question =
  | { kind: 'help' }
  | { kind: 'summary' }
  | { kind: 'show'; ref: number | string }
  | { kind: 'list'; filter: ActionFilter }
  | { kind: 'unknown'; text: string };
