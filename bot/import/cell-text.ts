const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  rsquo: '’',
  lsquo: '‘',
};

/** Bullets a list item may start with; "-" and "*" only count when a space follows. */
const BULLET = /^(?:[·•▪◦●‣]\s*|[-*–]\s+)/;

function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Removes HTML from a cell: paragraphs, line breaks and list items become separate lines. */
export function stripHtml(text: string): string {
  const broken = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(?:p|li|div|ul|ol)>/gi, '\n')
    .replace(/<(?:p|li|div|ul|ol)(?:\s[^>]*)?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '');
  return decodeEntities(broken);
}

/** Splits cell text into list items: one per line, bullets removed, spaces tidied, blanks dropped. */
export function cellLines(text: string): string[] {
  return stripHtml(text)
    .split(/\r?\n|\r|\s+(?=[·•▪●]\s)/)
    .map((line) => line.replace(/\s+/g, ' ').trim().replace(BULLET, '').trim())
    .filter((line) => line !== '');
}

/** A cell as list lines joined by newlines. */
export function cleanCell(text: string): string {
  return cellLines(text).join('\n');
}

/** Appends continued text to a field: the first continued line joins the last line with a space. */
export function appendText(existing: string, more: string): string {
  if (existing === '') return more;
  if (more === '') return existing;
  return `${existing} ${more}`;
}
