import { describe, expect, it } from 'vitest';
import { cardJson, messageJson, withProperty } from '../../cards/card-json.js';

/** A card whose title counts how often it is read: JSON.stringify reads every property it writes. */
function countedCard() {
  const reads = { count: 0 };
  const card = {
    type: 'AdaptiveCard',
    get title() {
      reads.count += 1;
      return 'Actions that are AMBER';
    },
    body: [{ type: 'TextBlock', text: 'Showing 1–2 of 2 “quoted”' }],
  };
  return { card, reads };
}

describe('a card’s JSON, made once', () => {
  it('is what JSON.stringify writes, and is not made again for the message that carries it', () => {
    const { card, reads } = countedCard();
    expect(cardJson(card)).toBe(JSON.stringify(card));
    expect(reads.count).toBe(2);
    const activity = {
      type: 'message',
      text: 'a',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    };
    const sent = messageJson(activity);
    expect(reads.count).toBe(2);
    expect(JSON.parse(sent)).toEqual(JSON.parse(JSON.stringify(activity)));
    expect(sent).toBe(JSON.stringify(activity));
  });

  it('adds a property at the card’s end as a spread would, also to an empty card', () => {
    const card = { type: 'AdaptiveCard', version: '1.5' };
    for (const [base, words] of [
      [card, 'Amber: 2 actions.'],
      [{}, 'Nothing “here” \\ at all\n'],
    ] as const) {
      const extended = withProperty(base, 'fallbackText', words);
      expect(extended).toEqual({ ...base, fallbackText: words });
      expect(cardJson(extended)).toBe(JSON.stringify({ ...base, fallbackText: words }));
      expect(messageJson({ value: extended })).toBe(JSON.stringify({ value: extended }));
    }
  });

  it('leaves a message without such cards as JSON.stringify writes it, whatever its text (even one like the stand-in)', () => {
    const plain = { type: 'message', text: '\u0000 then 0" and \\u0000:0', attachments: [{ content: { type: 'AdaptiveCard' } }] };
    expect(messageJson(plain)).toBe(JSON.stringify(plain));
    const carded = { ...plain, attachments: [{ content: withProperty({ type: 'AdaptiveCard' }, 'fallbackText', '\u0000:0') }, plain] };
    expect(messageJson(carded)).toBe(JSON.stringify(carded));
  });

  it('writes the same card twice in one message where it appears twice', () => {
    const card = withProperty({ type: 'AdaptiveCard' }, 'fallbackText', 'twice');
    const message = { a: card, b: [card, { c: card }] };
    expect(messageJson(message)).toBe(JSON.stringify(message));
  });
});
