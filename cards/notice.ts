import { flagged, type Element } from './elements.js';
import type { CardColour } from './describe.js';
import { shorten } from './format.js';

/** A message shown at the top of a card: what happened, in words and colour. */
export interface Notice {
  kind: 'success' | 'error' | 'warning';
  message: string;
}

const LABELS: Record<Notice['kind'], string> = { success: 'Done', error: 'Error', warning: 'Warning' };
const STYLES: Record<Notice['kind'], CardColour> = { success: 'good', error: 'attention', warning: 'warning' };

/** The notice in words, e.g. "Error: someone else updated this action first." */
export function noticeWords(notice: Notice): string {
  return `${LABELS[notice.kind]}: ${shorten(notice.message, 1000)}`;
}

/** The notice on a band of its colour, in the theme's default text colour (see flagged: colour backs up the words). */
export function noticeBlock(notice: Notice): Element {
  return flagged(noticeWords(notice), STYLES[notice.kind]);
}
