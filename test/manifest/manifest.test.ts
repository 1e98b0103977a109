import { describe, expect, it } from 'vitest';
import { buildManifest, isGuid, type Manifest } from '../../manifest/manifest.js';

const APP_ID = '6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f';
const HOST = 'prevent-bot.example.org';
const manifest = buildManifest(APP_ID, HOST, '1.2.3') as Manifest & Record<string, any>;

/** Every string in the manifest that looks like a URL, with its JSON path. */
function urls(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return /^[a-z]+:\/\//i.test(value) && !path.endsWith('$schema') ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urls(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urls(v, `${path}.${k}`));
  return [];
}

describe('buildManifest', () => {
  it('uses schema 1.25 and has the required top-level fields', () => {
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json');
    expect(manifest.manifestVersion).toBe('1.25');
    for (const field of ['version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) {
      expect(manifest, field).toHaveProperty(field);
    }
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.developer).toMatchObject({
      name: expect.any(String),
      websiteUrl: expect.any(String),
      privacyUrl: expect.any(String),
      termsOfUseUrl: expect.any(String),
    });
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('en-GB');
  });

  it('carries the bot app id as GUIDs: manifest id, bot id and SSO app id', () => {
    expect(isGuid(manifest.id)).toBe(true);
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://${HOST}/${APP_ID}` });
  });

  it('leaves no placeholder unfilled', () => {
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
  });

  it('keeps names and descriptions within the schema limits', () => {
    expect(manifest.name.short.length).toBeLessThanOrEqual(30);
    expect(manifest.name.full.length).toBeLessThanOrEqual(100);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
  });

  it('offers the bot in personal, team and group chat scopes with short commands', () => {
    const bot = manifest.bots[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists.flatMap((l: any) => l.commands.map((c: any) => c.title));
    expect(titles).toEqual(expect.arrayContaining(["what's amber?", "what's overdue?", 'update action', 'help']));
    for (const scope of ['personal', 'team', 'groupChat']) {
      const commands = bot.commandLists.filter((l: any) => l.scopes.includes(scope)).flatMap((l: any) => l.commands);
      expect(commands.length, scope).toBeGreaterThan(0);
      expect(commands.length, scope).toBeLessThanOrEqual(10);
    }
    for (const list of bot.commandLists) {
      for (const command of list.commands) {
        expect(command.title.length, command.title).toBeLessThanOrEqual(32);
        expect(command.description.length, command.title).toBeLessThanOrEqual(128);
      }
    }
  });

  it('has a personal plan board tab and a configurable channel tab', () => {
    expect(manifest.staticTabs[0]).toMatchObject({ entityId: 'planBoard', contentUrl: `https://${HOST}/tab`, scopes: ['personal'] });
    expect(manifest.staticTabs[0].name.length).toBeLessThanOrEqual(128);
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({
        configurationUrl: `https://${HOST}/tab/config`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
      }),
    ]);
  });

  it('points every URL at https on the configured host, which is the one valid domain', () => {
    const found = urls(manifest);
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const [path, url] of found) {
      if (path === '.webApplicationInfo.resource') continue;
      const parsed = new URL(url);
      expect(parsed.protocol, path).toBe('https:');
      expect(parsed.host, path).toBe(HOST);
    }
    expect(manifest.validDomains).toEqual([HOST]);
  });

  it('refuses an app id that is not a GUID, a host with a scheme and a bad version', () => {
    expect(() => buildManifest('my-bot', HOST, '1.0.0')).toThrow(/MicrosoftAppId must be a GUID/);
    expect(() => buildManifest(APP_ID, 'https://prevent-bot.example.org', '1.0.0')).toThrow(/PUBLIC_HOST/);
    expect(() => buildManifest(APP_ID, HOST, 'v1')).toThrow(/version/);
  });
});
