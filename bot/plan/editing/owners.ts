import { distance } from 'fastest-levenshtein';
import type { OwnerRef } from './types.js';

/** A person who may be named as an action's owner: known to the partnership by stable id (never by a name alone). */
export interface Candidate {
  id: number;
  displayName: string;
  organisation: string | null;
  email: string | null;
  userPrincipalName: string | null;
  aadObjectId: string | null;
  chatId: string;
  removed: boolean;
}

type Resolved = { ok: true; value: OwnerRef | null } | { ok: false; problem: string };

const NOBODY = /^(?:nobody|no one|noone|none|no owner|-)?$/i;
const ME = /^(?:me|myself|i)$/i;
const words = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.'’-]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
const described = (p: Candidate): string => (p.organisation ? `${p.displayName} (${p.organisation})` : p.displayName);
const listed = (people: Candidate[]): string => people.map(described).join('; ');

/** People who can own actions: bound to a Teams identity (not a grant still waiting) and still in the partnership. */
export function ownerCandidates<P extends Candidate>(people: readonly P[]): P[] {
  return people.filter((p) => !p.removed && !p.chatId.startsWith('pending:') && p.aadObjectId !== null);
}

/**
 * Finds the one person a name means among the partnership's people: by @mention (object id), address, full name, or
 * words of the name ("Ali"). Two or more people fitting, or nobody, is a problem that lists the candidates: never a guess.
 */
export function resolveOwner(
  name: string,
  people: readonly Candidate[],
  options: { speakerId?: number | null; aadObjectId?: string } = {},
): Resolved {
  const pool = ownerCandidates(people);
  const ref = (p: Candidate): Resolved => ({ ok: true, value: { id: p.id, name: p.displayName } });
  if (options.aadObjectId) {
    const mentioned = pool.find((p) => p.aadObjectId === options.aadObjectId);
    return mentioned
      ? ref(mentioned)
      : { ok: false, problem: `${name.replace(/^@/, '')} is not someone the partnership knows yet. Nothing was changed.` };
  }
  const text = name.trim().replace(/^@/, '');
  if (NOBODY.test(text)) return { ok: true, value: null };
  if (ME.test(text)) {
    const me = pool.find((p) => p.id === options.speakerId);
    return me
      ? ref(me)
      : { ok: false, problem: "I don't know you as a member of the partnership yet, so I can't make you the owner. Nothing was changed." };
  }
  const lower = text.toLowerCase();
  if (lower.includes('@')) {
    const byAddress = pool.filter((p) => p.email?.toLowerCase() === lower || p.userPrincipalName?.toLowerCase() === lower);
    if (byAddress.length === 1 && byAddress[0]) return ref(byAddress[0]);
    return { ok: false, problem: `Nobody in the partnership has the address ${text}. Nothing was changed.` };
  }
  const full = pool.filter((p) => p.displayName.trim().toLowerCase() === lower);
  const wanted = words(text);
  const fitting = full.length ? full : pool.filter((p) => wanted.length > 0 && wanted.every((w) => words(p.displayName).includes(w)));
  if (fitting.length === 1 && fitting[0]) return ref(fitting[0]);
  if (fitting.length > 1)
    return {
      ok: false,
      problem: `More than one person is called "${text}": ${listed(fitting)}. Nothing was changed. Say their full name or @mention them.`,
    };
  const near = pool.filter(
    (p) =>
      distance(p.displayName.toLowerCase(), lower) <= 2 ||
      words(p.displayName).some((w) => wanted.some((x) => x.length >= 3 && distance(w, x) <= 1)),
  );
  return {
    ok: false,
    problem: near.length
      ? `I don't know anyone called "${text}" in the partnership. Did you mean: ${listed(near)}? Nothing was changed.`
      : `I don't know anyone called "${text}" in the partnership. Nothing was changed. An owner must be someone the bot knows: @mention them, or ask "who is in the partnership?".`,
  };
}
