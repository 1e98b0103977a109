import { describe, expect, it } from 'vitest';
import { actionAfterUpdate } from '../../bot/plan/action-update.js';
import { makeAction } from '../factories/demo-plan.js';

describe('actionAfterUpdate', () => {
  const before = makeAction({
    ref: 7,
    rag: 'AMBER',
    progress: 4,
    version: 3,
    lastUpdate: { by: 'Import', at: '2026-01-01T00:00:00.000Z', note: '' },
  });
  const at = new Date('2026-11-22T10:00:00Z');

  it('takes the new RAG, progress, version and last update, and keeps everything else', () => {
    const after = actionAfterUpdate(before, { rag: 'RED', progress: 6, version: 4, by: 'Ali Burlington', at, note: 'Venue lost' });
    expect(after).toEqual({
      ...before,
      rag: 'RED',
      progress: 6,
      version: 4,
      lastUpdate: { by: 'Ali Burlington', at: '2026-11-22T10:00:00.000Z', note: 'Venue lost' },
    });
    expect(before.rag).toBe('AMBER');
  });

  it('keeps the progress the action had when the update gives none', () => {
    expect(actionAfterUpdate(before, { rag: 'GREEN', progress: null, version: 4, by: 'Ali', at, note: '' }).progress).toBe(4);
  });
});
