import { readFileSync, statSync, utimesSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, isStale, SERVER } from '../../bin/build.mjs';

describe('the production build (what npm start runs)', () => {
  it('bundles the bot without tsx or test code, and is rebuilt when a source file changes', async () => {
    await build();
    expect(isStale()).toBe(false);
    const bundle = readFileSync(SERVER, 'utf8');
    // packages stay in node_modules; nothing of the tests or of tsx is in the production graph
    expect(bundle).not.toMatch(/from ["']tsx|test\/support|test\/bench|vitest/);
    const info = JSON.parse(readFileSync(SERVER.replace(/server\.js$/, 'build-info.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(info.inputs)).toContain('bot/index.ts');
    expect(Object.keys(info.inputs).filter((f) => f.startsWith('test/'))).toEqual([]);

    // a source file touched after the build makes it stale
    const source = 'bot/errors.ts';
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 5_000));
      expect(isStale()).toBe(true);
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(isStale()).toBe(false);
  }, 90_000);
});
