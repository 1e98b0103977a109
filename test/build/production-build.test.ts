import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, isStale, readBuildInfo, SERVER } from '../../bin/build.mjs';

describe('the production build (what npm start runs)', () => {
  it('bundles the bot without tsx or test code, and is rebuilt when a source file changes', async () => {
    await build();
    expect(isStale()).toBe(false);
    const bundle = readFileSync(SERVER, 'utf8');
    // nothing of the tests or of tsx is in the production graph
    expect(bundle).not.toMatch(/from ["']tsx|test\/support|test\/bench|vitest/);
    // the packages every start loads are bundled in (one file to compile at start-up, not about a thousand)...
    expect(bundle).not.toMatch(/from ["'](botbuilder|express|zod|luxon|jose)["']/);
    expect(bundle).toMatch(/CloudAdapter/);
    // ...and those that find their own files at run time or hold native code are still loaded from node_modules
    expect(bundle).toMatch(/from ["']@prisma\/client\/runtime\/client["']/);
    expect(bundle).toMatch(/from ["']node-cron["']/);
    expect(bundle).toMatch(/import\(["']better-sqlite3["']\)/);
    // no character above U+00FF in any file of the build (one would make V8 hold that file's whole source at two bytes a
    // character); the curly apostrophe people type is matched through its escape
    const built = [SERVER, ...(readBuildInfo() as { chunks: string[] }).chunks.map((c) => path.join(path.dirname(SERVER), c))];
    for (const file of built) expect(readFileSync(file, 'utf8'), file).not.toMatch(/[\u0100-\uffff]/);
    expect(built.some((file) => readFileSync(file, 'utf8').includes("['\\u2019]"))).toBe(true);
    const info = JSON.parse(readFileSync(SERVER.replace(/server\.js$/, 'build-info.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(info.inputs)).toContain('bot/index.ts');
    expect(Object.keys(info.inputs).filter((f) => f.startsWith('test/'))).toEqual([]);

    // a source file changed after the build makes it stale (shown on a copy of the build's record: touching a real
    // source file here would make the other test tier's bot processes rebuild in the middle of their run)
    const recorded = readBuildInfo() ?? {};
    const inputs = recorded.inputs ?? {};
    const errors = inputs['bot/errors.ts'] ?? { size: 0, mtimeMs: 0 };
    expect(inputs['bot/errors.ts']).toBeDefined();
    const touched = {
      ...recorded,
      inputs: { ...inputs, 'bot/errors.ts': { ...errors, mtimeMs: errors.mtimeMs - 5_000 } },
    };
    expect(isStale(touched)).toBe(true);
    const resized = { ...recorded, inputs: { ...inputs, 'bot/errors.ts': { ...errors, size: errors.size + 1 } } };
    expect(isStale(resized)).toBe(true);
    const gone = { ...recorded, inputs: { ...inputs, 'bot/no-such-file.ts': { size: 1, mtimeMs: 1 } } };
    expect(isStale(gone)).toBe(true);
    expect(isStale()).toBe(false);
  }, 90_000);
});
