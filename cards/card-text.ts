/** Anything cardText changes: Markdown characters, a line starting as a list item, a web address. */
const ESCAPED = /[\\`*_[\]<>~|]|^\s*[-+#]\s|^\s*\d+[.)]\s|:\/\/|\bwww\./im;

/**
 * Text for an Adaptive Card TextBlock or FactSet, shown exactly as typed: the card's Markdown subset (emphasis, links,
 * lists) is escaped with backslashes, and bare web addresses are broken with an invisible space so no client turns them
 * into links. Every piece of text the bot puts in a card goes through this, so nothing a person typed becomes active.
 */
export function cardText(value: string): string {
  // most text has nothing to escape: one look for any of what is replaced below, instead of five passes
  if (!ESCAPED.test(value)) return value;
  return value
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+#])(?=\s)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2')
    .replace(/:\/\//g, ':\u200B//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200B.`);
}

/** The words a person reads from text escaped by cardText: its backslashes and invisible spaces taken out again. */
export function readCardText(value: string): string {
  return value.replace(/\\([\\`*_[\]<>~|\-+#.)])/g, '$1').replace(/\u200B/g, '');
}
