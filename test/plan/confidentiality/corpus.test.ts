import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guardText } from '../../../bot/plan/confidentiality/index.js';

/** The corpus: plan updates as partners write them (must pass) and texts that identify a person (must stop). */
function corpus(name: string): string[] {
  return readFileSync(new URL(`./corpus/${name}.txt`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

const REFERENCE_YEAR = 2026;
const mustStop = corpus('must-stop');
const mustPass = corpus('must-pass');
const stopped = (text: string) => !guardText(text, { referenceYear: REFERENCE_YEAR }).ok;

describe('the confidentiality guard on the corpus', () => {
  it('has at least 150 texts of each kind', () => {
    expect(mustStop.length).toBeGreaterThanOrEqual(150);
    expect(mustPass.length).toBeGreaterThanOrEqual(150);
  });

  it('stops every must-stop text (recall 1.0) and lets must-pass texts through (precision and pass rate at least 0.95)', () => {
    const missed = mustStop.filter((t) => !stopped(t));
    const falseAlarms = mustPass.filter(stopped);
    const truePositives = mustStop.length - missed.length;
    const recall = truePositives / mustStop.length;
    const precision = truePositives / (truePositives + falseAlarms.length);
    const passRate = (mustPass.length - falseAlarms.length) / mustPass.length;
    console.info(
      `confidentiality guard: recall ${recall.toFixed(3)} (${truePositives}/${mustStop.length} stopped), precision ${precision.toFixed(3)}, must-pass let through ${passRate.toFixed(3)} (${mustPass.length - falseAlarms.length}/${mustPass.length})`,
    );
    expect(missed, 'must-stop texts that were let through').toEqual([]);
    expect(recall).toBe(1);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(passRate, `false alarms: ${JSON.stringify(falseAlarms)}`).toBeGreaterThanOrEqual(0.95);
  });

  it('names what it found in plain words', () => {
    const result = guardText(mustStop[0] ?? '', { referenceYear: REFERENCE_YEAR });
    expect(result).toMatchObject({
      ok: false,
      words: expect.arrayContaining(['a phone number', 'a date of birth', 'a postcode', 'a street address']),
    });
  });
});
