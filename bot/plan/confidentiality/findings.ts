/** What the confidentiality guard can find in a piece of text, and how each is named to the person who typed it. */

/** One kind of thing that can identify a person. */
export type FindingKind =
  | 'nhs-number'
  | 'ni-number'
  | 'phone'
  | 'email'
  | 'postcode'
  | 'address'
  | 'date-of-birth'
  | 'name-with-age'
  | 'name-with-school-year'
  | 'relationship'
  | 'age'
  | 'name-in-reference';

/** The plain words for each kind, as the person is told ("it looked like it contained a phone number"). */
export const FINDING_WORDS: Record<FindingKind, string> = {
  'nhs-number': 'an NHS number',
  'ni-number': 'a National Insurance number',
  phone: 'a phone number',
  email: 'an email address',
  postcode: 'a postcode',
  address: 'a street address',
  'date-of-birth': 'a date of birth',
  'name-with-age': 'a name next to an age',
  'name-with-school-year': 'a name next to a school year',
  relationship: 'someone’s family relationship (such as “the mother of” or “her son”)',
  age: 'a person’s age',
  'name-in-reference': 'a name or initials in a reference',
};

/** Joins words as people write them: "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
