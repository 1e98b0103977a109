import { personalDataIn } from '../privacy.js';

/** A piece of typed or quoted text accepted for a board report, or refused with the reason. */
export type GuardResult = { ok: true } | { ok: false; reason: string };

/** Looks like an opaque Channel case reference (e.g. CH-2026-014): never quoted in a report. */
const CASE_REFERENCE = /\b(?:CH|CHAN|CASE|REF|PREV)[-/_.]?\d{2,}(?:[-/_.]\d+)*\b/i;
/** Kinds the case-reference check reports that ordinary prose always trips (it has spaces and dates). */
const PROSE_KINDS = new Set(['name', 'date of birth']);

/**
 * The confidentiality check for anything a board report quotes or a coordinator types: the one place
 * the report calls the privacy module, so a fuller guard can replace it here.
 */
export function checkReportText(input: string): GuardResult {
  // web addresses are not personal data, but the case-reference check reads them as email addresses
  const text = input.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  if (CASE_REFERENCE.test(text)) return { ok: false, reason: 'it looks like a Channel case reference' };
  const kinds = [text, ...text.split(/\s+/)]
    .map((part) => personalDataIn(part))
    .filter((k): k is NonNullable<typeof k> => k !== null && !PROSE_KINDS.has(k));
  const [kind] = kinds;
  if (kind) return { ok: false, reason: `it looks like it contains ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}` };
  return { ok: true };
}
