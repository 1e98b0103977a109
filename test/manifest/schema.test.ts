import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../manifest/manifest.js';

const require = createRequire(import.meta.url);
const APP_ID = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const manifest = buildManifest(APP_ID, 'prevent-bot.example.org', '1.2.3') as Record<string, any>;

/** Microsoft's published JSON schema for a manifest version, from the @microsoft/app-manifest package (offline). */
function schemaValidator(version: string) {
  const file = require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')));
}

/** The schema's complaints, one line each. */
function problems(candidate: unknown): string[] {
  const validate = schemaValidator(manifest.manifestVersion);
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

describe("the app manifest against Microsoft's published schema", () => {
  it('is a current manifest version (1.25 or later) and its $schema names that version', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(25);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('is valid against the schema of its version', () => {
    expect(problems(manifest)).toEqual([]);
  });

  it('declares what the bot does: files in personal chat (plan imports, board reports), no resource-specific consent to read every channel message', () => {
    expect(manifest.bots[0].supportsFiles).toBe(true);
    expect(manifest.authorization?.permissions?.resourceSpecific ?? []).toEqual([]);
  });

  it('rejects what the schema forbids, so a passing check means something', () => {
    expect(problems({ ...manifest, bots: [{ ...manifest.bots[0], scopes: ['everywhere'] }] })).not.toEqual([]);
    expect(problems({ ...manifest, unknownField: true })).not.toEqual([]);
    const { id: _id, ...withoutId } = manifest;
    expect(problems(withoutId).join('\n')).toMatch(/id/);
  });
});
