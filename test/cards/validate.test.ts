import { describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';

const clean = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello', wrap: true }] };

describe('validateCard', () => {
  it('passes a clean 1.5 card', () => {
    expect(validateCard(clean)).toEqual([]);
  });

  it('reports invalid property values and unknown element types from the SDK', () => {
    const messages = validateCard({
      ...clean,
      body: [{ type: 'TextBlock', text: 'x', color: 'purple' }, { type: 'Media.Wobble' }],
    });
    expect(messages.some((m) => m.includes('"purple"'))).toBe(true);
    expect(messages.some((m) => m.includes('Media.Wobble'))).toBe(true);
  });

  it('reports elements newer than schema 1.5 and card versions Teams cannot render', () => {
    expect(validateCard({ ...clean, version: '1.6' }).some((m) => m.includes('version'))).toBe(true);
    const withCarousel = { ...clean, body: [{ type: 'Carousel', pages: [] }] };
    expect(validateCard(withCarousel)).not.toEqual([]);
  });

  it('reports duplicate input ids from validateProperties()', () => {
    const inputs = [
      { type: 'Input.Text', id: 'note' },
      { type: 'Input.Text', id: 'note' },
    ];
    expect(validateCard({ ...clean, body: inputs }).some((m) => m.includes('Duplicate'))).toBe(true);
  });

  it('checks fallbacks, which the SDK itself skips when the primary parses', () => {
    const action = { type: 'Action.Execute', title: 'Go', verb: 'v', fallback: { type: 'Action.Submit', title: 'Go', style: 'loud' } };
    expect(validateCard({ ...clean, actions: [action] }).some((m) => m.startsWith('Fallback'))).toBe(true);
  });

  it('fails cards of 28 KB or more', () => {
    const big = { ...clean, body: [{ type: 'TextBlock', text: 'x'.repeat(28 * 1024), wrap: true }] };
    expect(validateCard(big).some((m) => m.includes('bytes'))).toBe(true);
  });

  it('fails refresh lists of more than 60 users', () => {
    const refresh = { action: { type: 'Action.Execute', verb: 'r' }, userIds: Array.from({ length: 61 }, (_, i) => `29:${i}`) };
    expect(validateCard({ ...clean, refresh }).some((m) => m.includes('userIds'))).toBe(true);
  });
});
