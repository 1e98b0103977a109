import { findPersonalData } from './index.js';
import type { FindingKind } from './findings.js';
import { hasInitialsAndDate, hasNameLikeLetters } from './references.js';
import { fullDatesIn } from './dates-of-birth.js';

/** Channel case references must be opaque ("CH-2026-014", "PREVENT-2026-001"): never a name, initials and a date of birth, or contact details. */

/** What a refused case reference looked like. */
export type PersonalDataKind =
  | 'email address'
  | 'phone number'
  | 'date of birth'
  | 'postcode'
  | 'address'
  | 'National Insurance number'
  | 'NHS number'
  | 'name';

/** A case reference accepted (normalised) or refused with the message to show. */
export type CaseRefCheck = { ok: true; ref: string } | { ok: false; kind: PersonalDataKind | 'format'; message: string };

const KIND_NAMES: Partial<Record<FindingKind, PersonalDataKind>> = {
  email: 'email address',
  phone: 'phone number',
  'date-of-birth': 'date of birth',
  postcode: 'postcode',
  address: 'address',
  'ni-number': 'National Insurance number',
  'nhs-number': 'NHS number',
};

/** What kind of personal data a case reference (or any short text) seems to contain, or null when none is seen. */
export function personalDataIn(text: string, referenceYear: number): PersonalDataKind | null {
  const kinds = findPersonalData(text, { referenceYear });
  for (const kind of kinds) {
    const name = KIND_NAMES[kind];
    if (name) return name;
  }
  if (fullDatesIn(text, referenceYear).length || hasInitialsAndDate(text, referenceYear)) return 'date of birth';
  if (kinds.length || /\s/.test(text.trim()) || hasNameLikeLetters(text)) return 'name';
  return null;
}

function refusal(kind: PersonalDataKind): CaseRefCheck {
  return {
    ok: false,
    kind,
    message: `I can't store that case reference: it looks like ${/^[aeiou]|^NHS/i.test(kind) ? 'an' : 'a'} ${kind}. Channel cases are tracked by an opaque reference only, such as CH-2026-014, never a name, initials, date of birth, address, email address or phone number. Nothing was saved.`,
  };
}

/** Checks a case reference: opaque letters, digits and - / _ . only, 3-32 characters, with no personal data. */
export function checkCaseRef(input: string, referenceYear: number): CaseRefCheck {
  const ref = input.trim();
  const kind = personalDataIn(ref, referenceYear);
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
