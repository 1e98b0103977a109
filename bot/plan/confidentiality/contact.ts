/** Contact details that point at one person: phone numbers, email addresses, National Insurance numbers, postcodes, street addresses. */

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/** Whether the text holds an email address. */
export function hasEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** A National Insurance number: two letters, six digits, a suffix A-D (spaces allowed between pairs). */
const NI_NUMBER = /\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b/i;

/** Whether the text holds a National Insurance number. */
export function hasNiNumber(text: string): boolean {
  return NI_NUMBER.test(text);
}

/** Organisations' lines (freephone, non-geographic, 03 numbers): e.g. the ACT Early line 0800 011 3764. Not personal. */
const ORGANISATION_LINE = /^0(?:80[08]|3\d\d|84[345]|87[01])/;
/** A run that might be a phone number: digits with spaces, dots, hyphens or brackets, optionally after + or (. */
const PHONE_RUN = /(?<![\d/])(?:\+|\(\s*)?\d[\d\s().-]{7,18}\d(?![\d/])/g;

/** The national form (leading 0) of a run of digits, or null when it cannot be a UK number. */
function nationalNumber(run: string): string | null {
  let digits = run.replace(/\D/g, '');
  const international = run.trim().startsWith('+') || digits.startsWith('0044');
  if (digits.startsWith('0044')) digits = digits.slice(4);
  else if (international && digits.startsWith('44')) digits = digits.slice(2);
  else if (international) return null;
  if (international) digits = `0${digits.replace(/^0/, '')}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}

/** Whether the text holds a UK phone number (mobile or landline; organisations' freephone and 03 lines are allowed). */
export function hasPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE_RUN)) {
    const national = nationalNumber(m[0]);
    if (national && !ORGANISATION_LINE.test(national)) return true;
  }
  return false;
}

/** UK postcodes (outward and inward code), in capitals or not; "2nd"-style ordinals are not inward codes. */
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

/** Whether the text holds a UK postcode. */
export function hasPostcode(text: string): boolean {
  for (const m of text.matchAll(POSTCODE)) {
    const inward = m[0].slice(-3);
    if (/^\d(?:st|nd|rd|th)$/i.test(inward)) continue;
    if (/^[A-Z]{1,2}\d/.test(m[0]) || /^[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}$/.test(m[0])) return true;
  }
  return false;
}

const STREET_WORDS =
  'road|rd|street|st|lane|ln|avenue|ave|close|drive|dr|crescent|terrace|gardens|grove|mews|way|place|square|sq|court|ct|hill|row|walk|parade|park|rise|vale|view';
/** A house number, one to three words of a street name and a street word: "12 High Street", "4a Acacia Ave". */
const STREET = new RegExp(`\\b(\\d{1,4}[a-z]?),?\\s+((?:[A-Za-z'’-]+\\s+){1,3})(${STREET_WORDS})\\b\\.?(\\s+[A-Z][a-z])?`, 'gi');
/** Words that show the number counts things rather than naming a house ("12 staff at St Mary's"). */
const NOT_A_STREET_NAME = new Set(
  'at in on of to for from with and the a an by staff schools school people pupils students learners sessions session officers members partners attendees delegates parents venues events leaflets posters businesses mosques churches'.split(
    ' ',
  ),
);

/** Whether the text holds a street address: a house number and street, a flat number, or "lives at/on ...". */
export function hasAddress(text: string): boolean {
  if (/\b(?:flat|apartment|apt)\s+\d+[a-z]?\b/i.test(text)) return true;
  if (
    /\b(?:lives|living|resides|residing|address(?:ed)?\s+is|staying)\s+(?:at|on|in)\s+(?:\d|[A-Z][a-z]+\s+(?:Road|Street|Lane|Avenue|Close|Drive|Crescent|Terrace|Gardens|Grove|Way|Estate))/i.test(
      text,
    )
  )
    return true;
  for (const m of text.matchAll(STREET)) {
    const words = (m[2] ?? '').trim().split(/\s+/);
    if (words.some((w) => NOT_A_STREET_NAME.has(w.toLowerCase()))) continue;
    const suffix = (m[3] ?? '').toLowerCase();
    if ((suffix === 'st' || suffix === 'park' || suffix === 'way' || suffix === 'view' || suffix === 'place') && m[4]) continue;
    if (
      !words.every((w) => /^[A-Z]/.test(w)) &&
      !['road', 'street', 'avenue', 'lane', 'close', 'crescent', 'terrace', 'gardens'].includes(suffix)
    )
      continue;
    return true;
  }
  return false;
}
