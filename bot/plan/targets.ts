import { SMALL_NUMBERS } from './words.js';

const UNITS: Record<string, number> = {
  ...SMALL_NUMBERS,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD = `(?:(?:a|one) hundred|(?:${Object.keys(TENS).join('|')})(?:[- ](?:${Object.keys(UNITS).slice(0, 9).join('|')}))?|${Object.keys(UNITS).join('|')})`;
const NUMBER = `(\\d{1,3}(?:,\\d{3})+|\\d+|${NUMBER_WORD})\\b`;

const MONTH_WORDS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/;
const VERBS =
  '(?:deliver|engag|train|hold|run|reach|visit|host|conduct|provid|complet|attend|contact|support|recruit|organis|publish|produc|achiev|offer|carry out)';
const LEAD_IN = '(?:\\s+(?:with|to|at least|a minimum of|minimum of|no fewer than|over|more than|a total of))?';

/** Phrases that state a target; group 1 is the number, group 2 (when present) the word after it. */
const PATTERNS = [
  new RegExp(`\\btarget(?:\\s+of|\\s*:|\\s+is)?\\s+${NUMBER}(?!\\s*%)(?:\\s+([a-z]+))?`, 'g'),
  new RegExp(`\\b(?:at least|a minimum of|minimum of|no fewer than)\\s+${NUMBER}(?!\\s*%)(?:\\s+([a-z]+))?`, 'g'),
  new RegExp(`\\b${VERBS}[a-z]*${LEAD_IN}\\s+${NUMBER}(?!\\s*%)\\s+([a-z][a-z'-]*)`, 'g'),
  new RegExp(`\\b${NUMBER}(?!\\s*%)\\s+([a-z]+)\\s+(?:a|per|each|every) (?:year|annum|month|quarter)\\b`, 'g'),
];
const ANY_NUMBER = new RegExp(`\\d|\\b${NUMBER_WORD}\\b`);

function toNumber(text: string): number | null {
  if (/^[\d,]+$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/hundred$/.test(text)) return 100;
  const [tens = '', unit] = text.split(/[- ]/);
  if (unit === undefined) return TENS[tens] ?? UNITS[tens] ?? null;
  const [ten, one] = [TENS[tens], UNITS[unit]];
  return ten !== undefined && one !== undefined ? ten + one : null;
}

/** Whether the number (group 1 of the match) is part of a date or a year rather than a target. */
function isDateLike(match: RegExpMatchArray, number: string, text: string): boolean {
  const next = match[2];
  if (/^(?:19|20)\d{2}$/.test(number)) return true;
  if (next !== undefined && MONTH_WORDS.test(next)) return true;
  const after = text.slice((match.index ?? 0) + match[0].indexOf(number) + number.length);
  return /^\s?[–—/.-]\s?\d/.test(after);
}

/** The number an action aims for ("Deliver six sessions a year minimum" -> 6); dates and years are not targets. */
export function parseTarget(text: string): number | null {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  if (!ANY_NUMBER.test(lower)) return null;
  for (const pattern of PATTERNS) {
    for (const match of lower.matchAll(pattern)) {
      const number = match[1];
      if (number === undefined || isDateLike(match, number, lower)) continue;
      const value = toNumber(number);
      if (value !== null && value > 0) return value;
    }
  }
  return null;
}
