import { guardText } from '../confidentiality/index.js';

/** A piece of typed or quoted text accepted for a board report, or refused with the reason. */
export type GuardResult = { ok: true } | { ok: false; reason: string };

/** Looks like an opaque Channel case reference (e.g. CH-2026-014): never quoted in a report. */
const CASE_REFERENCE = /\b(?:CH|CHAN|CASE|REF|PREV)[-/_.]?\d{2,}(?:[-/_.]\d+)*\b/i;

/**
 * The confidentiality check for anything a board report quotes or a coordinator types: the confidentiality guard,
 * and no Channel case reference at all. Without a reference year, only dates marked as dates of birth count as one
 * (notes quoted from the history passed the guard, with the year, when they were saved).
 */
export function checkReportText(input: string, referenceYear = 0): GuardResult {
  if (CASE_REFERENCE.test(input)) return { ok: false, reason: 'it looks like a Channel case reference' };
  const result = guardText(input, { referenceYear });
  if (!result.ok) return { ok: false, reason: `it looks like it contains ${result.words.join(' and ')}` };
  return { ok: true };
}
