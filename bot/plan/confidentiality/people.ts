/** Descriptions of one person: a name next to an age or school year, a family relationship, a single person's age. */

/** Capitalised words that start sentences or name places, groups, months and roles rather than people. */
const NOT_NAMES = new Set(
  `the a an this that these those it he she they we i our my his her their met meeting meetings spoke called chased emailed visited briefed
  training session sessions year years yr term phase stage action actions update plan board panel channel prevent forum network
  school schools academy college university primary secondary high infant junior nursery trust council police mosque church temple
  gurdwara synagogue centre center hall library club group team service services unit office department partnership committee
  january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday week weeks month months quarter q1 q2 q3 q4
  total overall all some most none each every both other another new next last first second third about around over under
  and or but so then also still now only just yes no ok okay please thanks note notes see per re fyi
  st saint mary mary's john's george's paul's peter's michael's cst colp colc met nhs dfe ofsted cpd ks key stage group's
  amber red green complete rag version round deadline outcome target progress completed delivered attended agreed`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = "[A-Z][a-z]+(?:['’-][A-Za-z]+)?";
const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?';
/** One to three capitalised words, or a title and a surname. */
const NAME = `(?:${TITLE}\\s+${WORD}|${WORD}(?:\\s+${WORD}){0,2})`;

/** The words of a candidate name that could be a person's: leading non-name words dropped; null when any word left is not a name. */
function personName(candidate: string): string | null {
  const words = candidate.split(/\s+/);
  if (/^(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?$/.test(words[0] ?? '')) return candidate;
  while (words.length && NOT_NAMES.has((words[0] ?? '').toLowerCase())) words.shift();
  if (!words.length || words.some((w) => NOT_NAMES.has(w.toLowerCase()))) return null;
  return words.join(' ');
}

const AGE_AFTER_NAME = new RegExp(
  `(${NAME})(?:\\s*\\(\\s*(?:aged?\\s*)?\\d{1,2}\\s*(?:yrs?|yo|y/o|years?)?\\s*\\)|\\s*,\\s*(?:aged?\\s+)?\\d{1,2}\\s*(?:,|\\)|[.;]|$|yrs?\\b|yo\\b|y/o|years?\\b)|,?\\s+(?:(?:is|who\\s+is|was)\\s+)?aged?\\s+\\d{1,2}\\b|\\s+(?:is|was|who\\s+is)\\s+\\d{1,2}\\s*(?:yrs?|yo|y/o|years?)|,?\\s+\\d{1,2}\\s*(?:yo|y/o|yrs?\\s+old|years?\\s+old|-year-old))`,
  'g',
);
const YEAR_AFTER_NAME = new RegExp(
  `(${NAME})(?:\\s*\\(\\s*|\\s*,\\s*|\\s+(?:in|is\\s+in|who\\s+is\\s+in|from)\\s+)(?:Year|Yr|Y)\\s?\\d{1,2}\\b(?!\\s*(?:-|–|to|and|&)\\s*\\d)(?!\\s+(?:pupils|students|classes|assembly|assemblies|groups?|cohort|tutors?|staff|parents|workshops?|sessions?))`,
  'g',
);

function anyName(pattern: RegExp, text: string): boolean {
  for (const m of text.matchAll(pattern)) if (personName(m[1] ?? '')) return true;
  return false;
}

/** Whether a name stands next to an age: "Sarah Khan, 14,", "Ahmed (15)", "Jo Smith aged 16", "Ali is 15 years old". */
export function hasNameWithAge(text: string): boolean {
  return anyName(AGE_AFTER_NAME, text);
}

/** Whether a name stands next to a school year: "Sarah (Year 9)", "Ahmed in Year 10", "Jo Smith, Y11". */
export function hasNameWithSchoolYear(text: string): boolean {
  return anyName(YEAR_AFTER_NAME, text) || /\b(?:he|she)\s+(?:is|was)\s+in\s+(?:Year|Yr|Y)\s?\d{1,2}\b/i.test(text);
}

const RELATIVE =
  'mother|father|mum|mom|dad|parent|step-?(?:mother|father|mum|dad|son|daughter|brother|sister)|brother|sister|son|daughter|uncle|aunt|auntie|cousin|grandmother|grandfather|grandma|grandad|grandpa|nan|grandson|granddaughter|nephew|niece|guardian|husband|wife|boyfriend|girlfriend|sibling|half-?(?:brother|sister)';
const RELATIVE_OF = new RegExp(`\\b(?:${RELATIVE})\\s+of\\s+(?:the|a|an|his|her|their|this|that|[A-Z])`, 'i');
const POSSESSIVE_RELATIVE = new RegExp(
  `\\b(?:his|her)\\s+(?:(?:older|younger|elder|little|big|twin)\\s+)?(?:${RELATIVE}|child|kid)s?\\b|\\btheir\\s+(?:(?:older|younger|elder|little|big|twin)\\s+)?(?:son|daughter|brother|sister|mother|father|mum|dad|uncle|aunt|cousin|nephew|niece|stepfather|stepmother|stepdad|stepmum|boyfriend|girlfriend)\\b`,
  'i',
);
const NAMED_RELATIVE = new RegExp(
  `(?<!St\\.?\\s)\\b(${NAME})['’]s\\s+(?:(?:older|younger|elder|little|big|twin)\\s+)?(?:${RELATIVE})s?\\b`,
  'g',
);

const PERSON_NOUN = '(?:boy|girl|lad|child|pupil|student|young\\s+(?:man|woman|person)|man|woman)';
const PERSONS_RELATIVE = new RegExp(`\\b${PERSON_NOUN}['’]s\\s+(?:(?:older|younger|elder|little|big|twin)\\s+)?(?:${RELATIVE})s?\\b`, 'i');
const LIVES_WITH = new RegExp(
  `\\b(?:lives|living|staying|stays)\\s+with\\s+(?:(?:his|her|their|an?|the)\\s+)?(?:${RELATIVE}|grandparents|parents)\\b`,
  'i',
);

/** Whether the text describes someone by a family relationship: "the mother of", "her son", "Mrs Khan's brother", "the girl's stepmum", "lives with nan". */
export function hasRelationship(text: string): boolean {
  return (
    RELATIVE_OF.test(text) ||
    POSSESSIVE_RELATIVE.test(text) ||
    PERSONS_RELATIVE.test(text) ||
    LIVES_WITH.test(text) ||
    anyName(NAMED_RELATIVE, text)
  );
}

/** Whether the text gives one person's age: "the 14-year-old", "a 15 year old boy", "she is 15", "aged 14 (male)". */
export function hasPersonsAge(text: string): boolean {
  return (
    /\b(?:a|an|the|this|that)\s+\d{1,2}[\s-]?(?:year|yr)s?[\s-]?old\b(?!s)/i.test(text) ||
    /\b\d{1,2}[\s-]?(?:year|yr)[\s-]?old\s+(?:boy|girl|male|female|man|woman|lad|child|pupil|student|young\s+(?:man|woman|person))\b/i.test(
      text,
    ) ||
    /\b(?:he|she)\s+(?:is|was|turns|turned)\s+(?:aged\s+)?\d{1,2}\b/i.test(text) ||
    /\b(?:the\s+|this\s+|a\s+)?(?:boy|girl|lad|young\s+(?:man|woman|person)|child|pupil|student)\s+(?:is|was|turns|turned)\s+(?:aged\s+)?\d{1,2}\b(?!\s*%)/i.test(
      text,
    ) ||
    /\b(?:boy|girl|male|female|young\s+(?:man|woman|person)|pupil|student|child),?\s+(?:aged?\s+)?\d{1,2}\b(?!\s*(?:-|–|to)\s*\d)(?!\s*(?:%|schools|sessions|staff|pupils|people))/i.test(
      text,
    )
  );
}
