import { isRealDate } from './dates.js';

/**
 * Personal-data detection for Channel case references. A case reference must be opaque (e.g. "CH-2026-014"):
 * the bot refuses anything that looks like a person's name, date of birth, address, email address,
 * phone number or National Insurance number, and never stores or repeats the refused text.
 */

/** What a refused piece of text looked like. */
export type PersonalDataKind =
  | 'email address'
  | 'phone number'
  | 'date of birth'
  | 'postcode'
  | 'address'
  | 'National Insurance number'
  | 'name';

/** A case reference accepted (normalised) or refused with the message to show. */
export type CaseRefCheck = { ok: true; ref: string } | { ok: false; kind: PersonalDataKind | 'format'; message: string };

const MONTH_WORD =
  /(?<![a-z])(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])/i;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const STREET =
  /\b\d+[a-z]?\s+\w+(?:\s+\w+)?\s+(?:road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|way|court|ct|crescent|place|pl|square|sq|terrace|gardens|grove|hill|park|mews|row|walk|flat)\b|\b(?:flat|apartment)\s+\d+/i;
const NI_NUMBER = /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i;
/** Short, all-capital prefixes that are common in case references. */
const ALLOWED_WORDS = new Set(['CASE', 'CHAN', 'CHANNEL', 'REF', 'PREV', 'PREVENT', 'PANEL', 'REVIEW']);

function looksLikeDate(text: string): boolean {
  const separated = /\b(\d{1,4})[/.\-\s](\d{1,2})[/.\-\s](\d{2,4})\b/.exec(text);
  if (separated) {
    const [a, b, c] = [Number(separated[1]), Number(separated[2]), Number(separated[3])];
    if (separated[1].length === 4 ? isRealDate(a, b, c) : isRealDate(c < 100 ? 2000 + c : c, b, a)) return true;
  }
  if (MONTH_WORD.test(text) && /\d/.test(text)) return true;
  for (const run of text.match(/\d{8}/g) ?? []) {
    const [dd, mm, yyyy] = [Number(run.slice(0, 2)), Number(run.slice(2, 4)), Number(run.slice(4))];
    const [y, m, d] = [Number(run.slice(0, 4)), Number(run.slice(4, 6)), Number(run.slice(6))];
    if ((yyyy >= 1900 && yyyy <= 2100 && isRealDate(yyyy, mm, dd)) || (y >= 1900 && y <= 2100 && isRealDate(y, m, d))) return true;
  }
  return false;
}

function looksLikeName(text: string): boolean {
  if (/\s/.test(text.trim())) return true;
  const words = text.match(/[A-Za-z]+/g) ?? [];
  return words.some((w) => !ALLOWED_WORDS.has(w.toUpperCase()) && (w.length > 4 || (/[a-z]/.test(w.slice(1)) && w.length > 2)));
}

function refusal(kind: PersonalDataKind): CaseRefCheck {
  return {
    ok: false,
    kind,
    message: `I can't store that case reference: it looks like ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind}. Channel cases are tracked by an opaque reference only, such as CH-2026-014, never a name, date of birth, address, email address or phone number. Nothing was saved.`,
  };
}

/** What kind of personal data a piece of text seems to contain, or null when none is seen. */
export function personalDataIn(text: string): PersonalDataKind | null {
  if (/@/.test(text) || /\b[\w.-]+\.(?:com|org|net|uk|gov)\b/i.test(text)) return 'email address';
  if (NI_NUMBER.test(text)) return 'National Insurance number';
  if (POSTCODE.test(text)) return 'postcode';
  if (STREET.test(text)) return 'address';
  if (looksLikeDate(text)) return 'date of birth';
  const joined = text.replace(/[\s().-]/g, '');
  if (/(?:\+44|0044|(?:^|\D)0)\d{9,10}(?!\d)/.test(joined) || /\d{10,}/.test(text)) return 'phone number';
  if (looksLikeName(text)) return 'name';
  return null;
}

/** Checks a case reference: opaque letters, digits and - / _ . only, 3-32 characters, with no personal data. */
export function checkCaseRef(input: string): CaseRefCheck {
  const ref = input.trim();
  const kind = personalDataIn(ref);
  if (kind) return refusal(kind);
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]{2,31}$/.test(ref) || !/\d/.test(ref)) {
    return {
      ok: false,
      kind: 'format',
      message:
        'A case reference is 3 to 32 letters and digits (with - / _ or .), including at least one digit, such as CH-2026-014. Nothing was saved.',
    };
  }
  return { ok: true, ref: ref.toUpperCase() };
}
