const DATE_PART = '(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?[A-Za-z]+\\.?\\s+)?';

/** A plan's period line, such as "October 2020– October 2024" or "2021-24". */
export function isPeriod(line: string): boolean {
  const period = new RegExp(`^(?:period:?\\s*)?${DATE_PART}(?:19|20)\\d{2}\\s*(?:[–—-]|to)\\s*${DATE_PART}(?:19|20)?\\d{2}$`, 'i');
  return period.test(line.trim());
}

/** A short line standing alone, not a sentence or a list item: a section heading. */
export function looksLikeHeading(line: string): boolean {
  return line.length > 0 && line.length <= 80 && !/[.:;,]$/.test(line) && !/^(?:\d+[.)]|[-*•·])\s/.test(line);
}

/** A plain line without Markdown heading marks, emphasis or HTML. */
export function plainText(line: string): string {
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
