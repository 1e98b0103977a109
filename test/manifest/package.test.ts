import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { packageApp, readIcons } from '../../manifest/app-package.js';
import { buildManifest } from '../../manifest/manifest.js';
import { buildPackage } from '../../manifest/package.js';

const APP_ID = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const HOST = 'prevent-bot.example.org';

/** A file's bytes from an unzipped package; throws when the package lacks it. */
function inZip(files: Record<string, Uint8Array>, name: string): Uint8Array {
  const bytes = files[name];
  if (!bytes) throw new Error(`The package has no ${name}.`);
  return bytes;
}

describe('packageApp', () => {
  const zip = packageApp(buildManifest(APP_ID, HOST, '0.1.0'), readIcons());
  const files = unzipSync(zip);
  const file = (name: string) => inZip(files, name);

  it('holds exactly manifest.json, color.png and outline.png at the root', () => {
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('has a manifest that parses and carries the app id', () => {
    const manifest = JSON.parse(strFromU8(file('manifest.json')));
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([HOST]);
  });

  it('has the icons at their sizes', () => {
    expect(PNG.sync.read(Buffer.from(file('color.png'))).width).toBe(192);
    expect(PNG.sync.read(Buffer.from(file('outline.png'))).width).toBe(32);
  });

  it('is the same bytes for the same inputs', () => {
    expect(Buffer.from(packageApp(buildManifest(APP_ID, HOST, '0.1.0'), readIcons())).equals(Buffer.from(zip))).toBe(true);
  });
});

describe('buildPackage (npm run package)', () => {
  it('refuses in one line when MicrosoftAppId is not set', () => {
    expect(() => buildPackage({ PUBLIC_HOST: HOST })).toThrow(/^Set MicrosoftAppId [^\n]+$/);
  });

  it('writes manifest/build/appPackage.zip from the configuration', () => {
    const lines = buildPackage({ MicrosoftAppId: APP_ID, PUBLIC_HOST: HOST, NODE_ENV: 'test' });
    expect(lines[0]).toMatch(/appPackage\.zip for app 6f1c2b7e/);
    const files = unzipSync(readFileSync(new URL('../../manifest/build/appPackage.zip', import.meta.url)));
    expect(JSON.parse(strFromU8(inZip(files, 'manifest.json'))).webApplicationInfo.resource).toBe(`api://${HOST}/${APP_ID}`);
  });

  it('warns when PUBLIC_HOST is local', () => {
    expect(buildPackage({ MicrosoftAppId: APP_ID, NODE_ENV: 'test' }).join('\n')).toMatch(/Teams cannot reach it/);
  });
});
