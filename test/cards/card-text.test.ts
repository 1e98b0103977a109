import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardText, readCardText } from '../../cards/card-text.js';
import { buildAnnouncementCard } from '../../cards/announcement-card.js';
import { text } from '../../cards/elements.js';
import { validateCard } from '../../cards/validate.js';

/** What a CommonMark renderer shows for escaped text: each backslash before punctuation is dropped; the invisible space stays invisible. */
const shown = (escaped: string) => escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1').replace(/\u200B/g, '');

describe('text people type is shown as text in cards', () => {
  it.each([
    ['a Markdown link', '[click here](https://evil.example)', /\[click here\]\(/],
    ['bold', '**urgent**', /(?<!\\)\*\*/],
    ['italic', '_quietly_', /(?<!\\)_quietly(?<!\\)_/],
    ['a list', '- one\n- two', /^- /m],
    ['a numbered list', '1. first', /^1\. /m],
    ['a bare address', 'see https://evil.example', /https:\/\//],
    ['www', 'www.evil.example', /www\./],
    ['a mention or HTML', '<at>Everyone</at> <b>x</b>', /(?<!\\)</],
  ])('%s is escaped and still reads the same', (_what, typed, active) => {
    const escaped = cardText(typed);
    expect(escaped).not.toMatch(active);
    expect(shown(escaped)).toBe(typed);
  });

  it('leaves ordinary plan text alone', () => {
    for (const plain of [
      '18 of 41 schools returned',
      'Action 18 · Engage with faith groups: RED → AMBER',
      'CoLP (Prevent team), 34 staff',
    ]) {
      expect(cardText(plain)).toBe(plain);
    }
  });

  it('every TextBlock goes through it', () => {
    expect(text('**x**')).toMatchObject({ type: 'TextBlock', text: '\\*\\*x\\*\\*' });
  });

  it('an announcement with the note withheld says where to read it', () => {
    const action = { id: 118, ref: 18, title: 'Engage with and support faith groups' } as never;
    const { card, text: words } = buildAnnouncementCard({
      action,
      from: 'RED',
      to: 'AMBER',
      by: 'Ali Burlington',
      note: '',
      noteWithheld: true,
    });
    expect(validateCard(card)).toEqual([]);
    expect(words).toBe(
      'Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington\nA note was added: open action 18 to read it in its history.',
    );
  });
});

describe('readCardText', () => {
  it('gives back exactly what cardText escaped (the words a fallbackText reader sees), whatever was typed', () => {
    const typed = fc.string({ unit: fc.constantFrom(...'ab 1.-+#\\`*_[]<>~|():/w\n'.split('')), maxLength: 40 });
    fc.assert(fc.property(typed, (value) => readCardText(cardText(value)) === value));
    expect(readCardText(cardText('See [the slides](https://x.example) at www.x.example\n- one'))).toBe(
      'See [the slides](https://x.example) at www.x.example\n- one',
    );
  });
});

describe('the quick look before escaping', () => {
  /** cardText's five passes, always made: what the quick look must never differ from. */
  const everyPass = (value: string) =>
    value
      .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
      .replace(/^(\s*)([-+#])(?=\s)/gm, '$1\\$2')
      .replace(/^(\s*\d+)([.)])(?=\s)/gm, '$1\\$2')
      .replace(/:\/\//g, ':\u200B//')
      .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200B.`);

  it('changes nothing: the text is escaped exactly as by every pass, whatever was typed', () => {
    const typed = fc.string({ unit: fc.constantFrom(...'aW 1.-+#\\`*_[]<>~|():/w\n\t\u00a0'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(typed, (value) => cardText(value) === everyPass(value)),
      { numRuns: 2000 },
    );
    for (const value of ['WWW.x.example', '  12) item', '\n# heading', 'x\n\t+ y', 'http://x', 'plain words, no marks'])
      expect(cardText(value)).toBe(everyPass(value));
  });
});
