import { hasAddress, hasEmail, hasNiNumber, hasPhone, hasPostcode } from './contact.js';
import { hasDateOfBirth } from './dates-of-birth.js';
import { FINDING_WORDS, listInWords, type FindingKind } from './findings.js';
import { hasNhsNumber } from './nhs-number.js';
import { hasNameWithAge, hasNameWithSchoolYear, hasPersonsAge, hasRelationship } from './people.js';
import { referenceFinding } from './references.js';

export { FINDING_WORDS, listInWords, type FindingKind } from './findings.js';

/**
 * The confidentiality guard: nothing that can identify a person goes into the store or a post.
 * Pure: the caller passes the reference year (the current year in the partnership's time zone).
 */

/** The guard's verdict on a piece of text: clear, or what was found, in kinds and in plain words. */
export type GuardResult = { ok: true } | { ok: false; kinds: FindingKind[]; words: string[] };

export interface GuardOptions {
  /** the current calendar year: dates this far back read as dates of birth */
  referenceYear: number;
}

type Check = [FindingKind, (text: string, year: number) => boolean];

const CHECKS: Check[] = [
  ['nhs-number', (t) => hasNhsNumber(t)],
  ['ni-number', (t) => hasNiNumber(t)],
  ['phone', (t) => hasPhone(t)],
  ['email', (t) => hasEmail(t)],
  ['postcode', (t) => hasPostcode(t)],
  ['address', (t) => hasAddress(t)],
  ['date-of-birth', (t, y) => hasDateOfBirth(t, y)],
  ['name-with-age', (t) => hasNameWithAge(t)],
  ['name-with-school-year', (t) => hasNameWithSchoolYear(t)],
  ['relationship', (t) => hasRelationship(t)],
  ['age', (t) => hasPersonsAge(t)],
];

/** Everything in the text that can identify a person, in the order the person is told about it. */
export function findPersonalData(text: string, options: GuardOptions): FindingKind[] {
  const kinds = CHECKS.filter(([, check]) => check(text, options.referenceYear)).map(([kind]) => kind);
  const reference = referenceFinding(text, options.referenceYear);
  if (reference && !kinds.includes(reference)) kinds.push(reference);
  return kinds;
}

/** Checks a piece of free text someone typed before it is stored or posted. */
export function guardText(text: string, options: GuardOptions): GuardResult {
  const kinds = findPersonalData(text, options);
  return kinds.length ? { ok: false, kinds, words: kinds.map((k) => FINDING_WORDS[k]) } : { ok: true };
}

/** What the person is told when their text is stopped: what it looked like, that nothing was saved, and what to do. */
export function stoppedMessage(words: readonly string[], what = 'your note'): string {
  return `Nothing was saved or posted: ${what} looked like it contained ${listInWords(words)}. Never include details of a person referred (names, ages, dates of birth, addresses, contact details, family relationships). Please rephrase it without them, for example "Met a family member with the school's DSL".`;
}
