import { largestFitting } from './budget.js';
import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { plural, shorten } from './format.js';

export interface MessageCardInput {
  title?: string;
  lines: string[];
}

const LINE_LIMIT = 2000;

function build(input: MessageCardInput, count: number): CardResult {
  const body: Element[] = [];
  const out: string[] = [];
  if (input.title) {
    const title = shorten(input.title, 300);
    body.push(heading(title));
    out.push(title);
  }
  for (const line of input.lines.slice(0, count)) {
    const shown = shorten(line, LINE_LIMIT);
    body.push(text(shown));
    out.push(shown);
  }
  const hidden = input.lines.length - count;
  if (hidden > 0) {
    const more = `${plural(hidden, 'more line')} not shown.`;
    body.push(text(more, { isSubtle: true }));
    out.push(more);
  }
  return { card: adaptiveCard(body), text: out.join('\n') };
}

/** A small card for confirmations and errors: an optional title and some lines. */
export function buildMessageCard(input: MessageCardInput): CardResult {
  return largestFitting(input.lines.length, 0, (count) => build(input, count));
}
