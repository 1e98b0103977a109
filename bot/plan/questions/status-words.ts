import type { Rag } from '../types.js';
import { phraseStems } from './tokens.js';

const AT_RISK: Rag[] = ['RED', 'AMBER'];

/**
 * How partners describe progress, and the ratings each means. The bot's own update conversation says
 * "off track", "at risk" and "on track"; the answer names the words it read this way.
 */
export const STATUS_WORDS: [string, Rag[]][] = [
  ...[
    'behind',
    'falling behind',
    'off track',
    'offtrack',
    'not on track',
    'slipping',
    'slipped',
    'slippage',
    'at risk',
    'needs attention',
    'need attention',
    'needing attention',
    'attention',
    'concern',
    'of concern',
    'worrying',
    'worried about',
    'problem',
    'problematic',
    'in trouble',
    'struggling',
    'stuck',
    'stalled',
    'delayed',
    'lagging',
    'not going well',
    'going badly',
    'not going to plan',
    'issue',
  ].map((w): [string, Rag[]] => [w, AT_RISK]),
  ...['on track', 'ontrack', 'fine', 'going well', 'going fine', 'progressing well', 'in good shape', 'good'].map((w): [string, Rag[]] => [
    w,
    ['GREEN'],
  ]),
  ...['done', 'finished', 'closed', 'complete', 'completed', 'delivered', 'achieved', 'signed off', 'wrapped up', 'ended'].map(
    (w): [string, Rag[]] => [w, ['COMPLETE']],
  ),
  ...['not started', 'not yet started', 'yet to start', 'not begun', 'no rating yet'].map((w): [string, Rag[]] => [w, ['UNRATED']]),
];

/** The status phrases as stems, longest first, with what they mean and how they were written. */
export const STATUS_PHRASES = STATUS_WORDS.map(([words, rags]) => ({ words, stems: phraseStems(words), rags })).sort(
  (a, b) => b.stems.length - a.stems.length,
);

/** Words that turn a status word into something else: "behind schedule" is overdue, "concerning X" a search. */
export const NOT_STATUS_AFTER = new Set(['schedule', 'deadline', 'time', 'date']);
