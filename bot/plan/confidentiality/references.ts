import { fullDatesIn, isSixDigitDate } from './dates-of-birth.js';

/**
 * References built from a person: a surname ("KHAN-2026-01", "ALI-01") or initials and a date of birth ("JS120309").
 * Opaque references ("PREVENT-2026-001", "CH-2026-014", "LDN/0042") pass.
 */

/** Letter groups that are opaque prefixes or common public-sector abbreviations, not names. */
export const OPAQUE_PREFIXES = new Set(
  `CASE CHAN CHANNEL CHN REF PREV PREVENT PANEL REVIEW COL COLP COLC CST ACT CTP CTU CTPN LPN MASH DSL SEND SEN NHS NHSE ICB
  COVID GCSE WRAP ISO PSHE RSE BTEC ESOL DBS GDPR OFSTED DFE HMPPS PCC SCP CSP REFERRAL INT AREA ZONE TEAM UNIT ROUND BOARD FORUM
  PLAN ACTION ITEM OBJ AIM`.split(/\s+/),
);

/**
 * Whether a group of letters could be part of a name: not a known prefix, and either four or more letters with a vowel (or Y)
 * ("KHAN") or three letters that say like a name, with no two consonants together ("ALI", "LEE"; not "ABC", "LDN").
 */
export function isNameLike(letters: string): boolean {
  const upper = letters.toUpperCase();
  if (upper.length < 3 || OPAQUE_PREFIXES.has(upper) || !/[AEIOUY]/.test(upper)) return false;
  return upper.length > 3 || !/[^AEIOUY]{2}/.test(upper);
}

/** Letters run straight into six or eight digits that read as a date: initials and a date of birth ("JS120309"). */
function initialsWithDate(token: string, referenceYear: number): boolean {
  for (const m of token.matchAll(/([A-Za-z]{1,3})[-_.]?(\d{6}|\d{8})(?!\d)/g)) {
    const digits = m[2] ?? '';
    if (digits.length === 6 ? isSixDigitDate(digits, referenceYear) : fullDatesIn(digits, referenceYear).length > 0) return true;
  }
  return false;
}

/** What a reference-shaped token in running text gives away, or null: "KHAN-2026-01" or "Khan-2026-01", "ALI-01", "JS120309". */
export function referenceFinding(text: string, referenceYear: number): 'name-in-reference' | 'date-of-birth' | null {
  for (const m of text.matchAll(/(?<![\w@.])([A-Za-z]{1,12})([-_/.]?)(\d[\d\-_/.]*\d|\d)(?![\w@])/g)) {
    const [token, letters = '', separator = '', digits = ''] = m;
    if (initialsWithDate(token, referenceYear)) return 'date-of-birth';
    const shouting = letters === letters.toUpperCase() && separator !== '';
    const titled = /^[A-Z][a-z]+$/.test(letters) && /^\d{4}[-_/.]\d{1,4}$/.test(digits);
    if ((shouting || titled) && isNameLike(letters)) return 'name-in-reference';
  }
  return null;
}

/** Whether every letter group of a case reference is opaque (a known prefix, initials of one or two letters, or no vowel). */
export function hasNameLikeLetters(reference: string): boolean {
  return (reference.match(/[A-Za-z]+/g) ?? []).some(isNameLike);
}

/** Whether a case reference hides initials and a date of birth. */
export function hasInitialsAndDate(reference: string, referenceYear: number): boolean {
  return initialsWithDate(reference, referenceYear);
}
