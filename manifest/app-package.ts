import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import type { Manifest } from './manifest.js';

/** The two icons a Teams app package carries, as PNG bytes. */
export interface AppIcons {
  color: Uint8Array;
  outline: Uint8Array;
}

/** A fixed time stamp for every entry, so the same inputs give the same zip. */
const ZIP_TIME = new Date('2024-01-01T00:00:00Z');

/** Reads the committed icons next to this file. */
export function readIcons(): AppIcons {
  return {
    color: readFileSync(new URL('./color.png', import.meta.url)),
    outline: readFileSync(new URL('./outline.png', import.meta.url)),
  };
}

/** The app package Teams installs: a zip of manifest.json, color.png and outline.png at its root. */
export function packageApp(manifest: Manifest, icons: AppIcons): Uint8Array {
  return zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      'color.png': new Uint8Array(icons.color),
      'outline.png': new Uint8Array(icons.outline),
    },
    { level: 9, mtime: ZIP_TIME },
  );
}
