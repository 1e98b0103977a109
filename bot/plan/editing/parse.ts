import type { Rag } from '../types.js';
import type { EditCommand, EditWords } from './types.js';

/** An action's number as written: a digit, then digits, letters and dots ("18", "2.3a"; "A1" too). */
const REF = '([a-z]?\\d[a-z0-9.]*?)';
const END = '[.!?]*$';
const ACTION = `(?:action|item|no\\.?)\\s*#?\\s*${REF}`;

const clean = (text: string): string =>
  text
    .trim()
    .replace(/^["“‘']+|["”’']+$/g, '')
    .trim();
const ref = (text: string): string => text.replace(/\.+$/, '');

/** Words after "to" that name a theme rather than a date: "the Awareness theme", "theme Awareness". */
function themeWords(rest: string): string | null {
  const m = rest.match(/^(?:the\s+)?theme\s+(.+)$/i) ?? rest.match(/^(?:the\s+)?(.+?)\s+theme$/i);
  return m?.[1] ? clean(m[1]) : null;
}

/** The clauses after an added action's title: ", led by CoLP", ", due 31/03/2027", ", owned by Ali Burlington". */
function addClauses(rest: string): EditWords & { title: string } {
  const parts = rest.split(/,\s*(?=(?:and\s+)?(?:led\s+by|lead\s+by|leads?:|due|target\s+date|deadline|owned\s+by|owner:?)\s)/i);
  const words: EditWords & { title: string } = { title: clean(parts[0] ?? '') };
  for (const part of parts.slice(1)) {
    const clause = part.replace(/^and\s+/i, '').replace(/[.!]+$/, '');
    const led = clause.match(/^(?:led\s+by|lead\s+by|leads?:)\s*(.+)$/i);
    const due = clause.match(/^(?:due|target\s+date|deadline)\s*(?::|by|on)?\s*(.+)$/i);
    const owner = clause.match(/^(?:owned\s+by|owner:?)\s*(.+)$/i);
    if (led?.[1]) words.leads = clean(led[1]);
    else if (due?.[1]) words.deadline = clean(due[1]);
    else if (owner?.[1]) words.owner = clean(owner[1]);
  }
  return words;
}

type Rule = [RegExp, (m: RegExpMatchArray) => EditCommand | null];

const at = (m: RegExpMatchArray, i: number): string => m[i] ?? '';

const RULES: Rule[] = [
  [
    new RegExp(
      `^add\\s+(?:an?\\s+)?(?:new\\s+)?action\\s+(?:${REF}\\s+)?(?:to|in|under)\\s+(?:the\\s+)?(.+?)(?:\\s+theme)?\\s*:\\s*(.+?)${END}`,
      'is',
    ),
    (m) => ({ kind: 'add', label: m[1] ? ref(m[1]) : null, theme: clean(at(m, 2)), words: addClauses(at(m, 3)) }),
  ],
  [
    new RegExp(`^(?:reword|rename|retitle)\\s+${ACTION}\\s*(?::|\\s+to\\s+|\\s+as\\s+)\\s*(.+?)${END}`, 'is'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { title: clean(at(m, 2)) } }),
  ],
  [new RegExp(`^(?:close|complete|finish)\\s+${ACTION}${END}`, 'i'), (m) => ({ kind: 'close', ref: ref(at(m, 1)) })],
  [
    new RegExp(`^mark\\s+${ACTION}\\s+(?:as\\s+)?(?:complete|completed|done|closed|finished)${END}`, 'i'),
    (m) => ({ kind: 'close', ref: ref(at(m, 1)) }),
  ],
  [
    new RegExp(`^re-?open\\s+${ACTION}(?:\\s+(?:as|at)\\s+(red|amber|green))?${END}`, 'i'),
    (m) => ({ kind: 'reopen', ref: ref(at(m, 1)), rag: m[2] ? (m[2].toUpperCase() as Rag) : null }),
  ],
  [
    new RegExp(`^(?:change|set|move)\\s+(?:the\\s+)?theme\\s+(?:of|for|on)\\s+${ACTION}\\s+to\\s+(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { theme: themeWords(at(m, 2)) ?? clean(at(m, 2)) } }),
  ],
  [
    new RegExp(
      `^(?:change|set|move|push\\s+back|bring\\s+forward)\\s+(?:the\\s+)?(?:(?:target|due)\\s+date|deadline)\\s+(?:of|for|on)\\s+${ACTION}\\s+to\\s+(.+?)${END}`,
      'i',
    ),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { deadline: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(
      `^(?:move|push\\s+back|bring\\s+forward)\\s+${ACTION}(?:['’]s\\s+(?:(?:target|due)\\s+date|deadline))?\\s+to\\s+(.+?)${END}`,
      'i',
    ),
    (m) => {
      const theme = themeWords(at(m, 2));
      return theme
        ? { kind: 'edit', ref: ref(at(m, 1)), words: { theme } }
        : { kind: 'edit', ref: ref(at(m, 1)), words: { deadline: clean(at(m, 2)) } };
    },
  ],
  [
    new RegExp(`^${ACTION}\\s+is\\s+(?:now\\s+)?due\\s+(?:by\\s+|on\\s+|in\\s+)?(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { deadline: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(`^(?:change|set)\\s+(?:the\\s+)?leads?\\s+(?:of|for|on)\\s+${ACTION}\\s+to\\s+(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { leads: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(`^${ACTION}\\s+is\\s+(?:now\\s+)?(?:led|lead)\\s+by\\s+(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { leads: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(`^${ACTION}\\s+(?:is|belongs|goes)\\s+(?:now\\s+)?(?:in|under|to)\\s+(?:the\\s+)?(.+?)\\s+theme${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { theme: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(
      `^(?:${ACTION}\\s+has\\s+no\\s+(?:named\\s+)?owner|(?:remove|clear)\\s+(?:the\\s+)?(?:named\\s+)?owner\\s+(?:of|from)\\s+${ACTION})${END}`,
      'i',
    ),
    (m) => ({ kind: 'edit', ref: ref(m[1] ?? m[2] ?? ''), words: { owner: '' } }),
  ],
  [
    new RegExp(`^${ACTION}\\s+is\\s+(?:now\\s+)?owned\\s+by\\s+(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { owner: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(`^(?:assign|give)\\s+${ACTION}\\s+to\\s+(.+?)${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 1)), words: { owner: clean(at(m, 2)) } }),
  ],
  [
    new RegExp(`^make\\s+(.+?)\\s+(?:the\\s+)?(?:named\\s+)?owner\\s+of\\s+${ACTION}${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 2)), words: { owner: clean(at(m, 1)) } }),
  ],
  [
    new RegExp(`^(.+?)\\s+(?:owns|own|will\\s+own|now\\s+owns)\\s+${ACTION}${END}`, 'i'),
    (m) => ({ kind: 'edit', ref: ref(at(m, 2)), words: { owner: clean(at(m, 1)) } }),
  ],
];

/** The one pattern that every edit command matches, for the route table (the parser then reads it in full). */
export const EDIT_COMMAND_PATTERN = new RegExp(RULES.map(([pattern]) => `(?:${pattern.source})`).join('|'), 'is');

/**
 * Reads a typed edit of the plan: "add action 2.4 to Training: …, led by CoLP, due 31/03/2027", "reword action 2.2: …",
 * "move action 18 to end of March", "action 18 is led by CoLP and Islington council", "move action 18 to the Awareness theme",
 * "Ali Burlington owns action 18", "close action 18", "reopen action 18 as amber". Null when the text is none of these.
 */
export function parseEditCommand(text: string): EditCommand | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  for (const [pattern, build] of RULES) {
    const match = trimmed.match(pattern);
    if (match) {
      const command = build(match);
      if (command) return command;
    }
  }
  return null;
}
