import type { OrganisationInfo } from '../plan/types.js';

/** One lead as read: the canonical name, and whether it came from the known directory. */
export interface ResolvedLead {
  name: string;
  known: boolean;
}

interface Entry {
  key: string;
  name: string;
}

/** Known organisations indexed by every name and alias, longest first, for greedy matching. */
export interface Directory {
  entries: Entry[];
  byName: Map<string, OrganisationInfo>;
}

const SEPARATORS = /(?:[\s/,;&+]|and(?![a-z0-9]))*/y;
const BRACKETED = /\s*\(([^)]*)\)/y;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Builds the lookup used to split and name leads. */
export function buildDirectory(known: OrganisationInfo[]): Directory {
  const entries = known.flatMap((org) => [org.name, ...org.aliases].map((alias) => ({ key: normalise(alias), name: org.name })));
  entries.sort((a, b) => b.key.length - a.key.length);
  return { entries, byName: new Map(known.map((org) => [org.name, org])) };
}

function matchAt(text: string, pos: number, directory: Directory): Entry | null {
  for (const entry of directory.entries) {
    if (entry.key !== '' && text.startsWith(entry.key, pos) && !/[a-z0-9]/.test(text.charAt(pos + entry.key.length))) {
      return entry;
    }
  }
  return null;
}

/** Reads text made only of known names joined by spaces, "/", ",", "&" or "and"; null if anything is left over. */
function cover(raw: string, directory: Directory): string[] | null {
  const text = normalise(raw);
  const names: string[] = [];
  let pos = 0;
  while (true) {
    SEPARATORS.lastIndex = pos;
    SEPARATORS.exec(text);
    pos = SEPARATORS.lastIndex;
    if (pos >= text.length) return names.length > 0 ? names : null;
    const entry = matchAt(text, pos, directory);
    if (entry === null) return null;
    names.push(entry.name);
    pos += entry.key.length;
    BRACKETED.lastIndex = pos;
    const bracket = BRACKETED.exec(text);
    if (bracket?.[1] && matchAt(normalise(bracket[1]), 0, directory)?.name === entry.name) pos = BRACKETED.lastIndex;
  }
}

/** Splits one lead cell (one list item per line) into organisations, naming known ones canonically. */
export function resolveLeads(cell: string, directory: Directory): ResolvedLead[] {
  const found: ResolvedLead[] = [];
  for (const line of cell.split('\n')) {
    const whole = cover(line, directory);
    if (whole !== null) {
      found.push(...whole.map((name) => ({ name, known: true })));
      continue;
    }
    for (const piece of line
      .split(/[/;,]/)
      .map((p) => p.trim())
      .filter((p) => p !== '')) {
      const names = cover(piece, directory);
      found.push(...(names === null ? [{ name: piece, known: false }] : names.map((name) => ({ name, known: true }))));
    }
  }
  const seen = new Set<string>();
  return found.filter((lead) => !seen.has(lead.name.toLowerCase()) && seen.add(lead.name.toLowerCase()));
}

/** A known name hidden inside an unknown lead (a hint that the cell was split wrongly), or null. */
export function knownNameInside(lead: string, directory: Directory): string | null {
  const text = normalise(lead);
  const hit = directory.entries.find(
    (entry) => entry.key.length >= 3 && new RegExp(`(?:^|[^a-z0-9])${escapeRegExp(entry.key)}(?:$|[^a-z0-9])`).test(text),
  );
  return hit?.name ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
