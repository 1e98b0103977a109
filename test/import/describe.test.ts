import { describe, expect, it } from 'vitest';
import { describeImport, parsePlanText } from '../../bot/import/index.js';

describe('describeImport', () => {
  it('gives totals, counts per theme and RAG in words, then warnings', () => {
    const text = 'Section,Action,Due,RAG\nTraining,Train staff,See 7 above,\nTraining,Brief members,June 2024,Red\n';
    const plan = parsePlanText(text, 'board-plan.csv', []);
    expect(describeImport(plan)).toBe(
      [
        '2 actions in 1 theme',
        'By theme:',
        '  Training: 2',
        'By RAG rating:',
        '  RED: 1',
        '  Not yet rated: 1',
        '1 warning:',
        '  Line 2: action 1\'s deadline "See 7 above" points to action 7, but there is no action 7; it has no due date.',
      ].join('\n'),
    );
  });
});
