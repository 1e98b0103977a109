import { readFileSync } from 'node:fs';

/** A Teams app manifest as plain JSON. */
export type Manifest = Record<string, unknown> & { id: string; version: string };

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^[a-z0-9.-]+(:\d+)?$/i;
const VERSION = /^\d+\.\d+\.\d+$/;

const template: unknown = JSON.parse(readFileSync(new URL('./manifest.template.json', import.meta.url), 'utf8'));

/** True when the text is a GUID such as an Entra app id. */
export function isGuid(text: string): boolean {
  return GUID.test(text);
}

function fillIn(value: unknown, fields: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => fields[name] ?? _m);
  if (Array.isArray(value)) return value.map((v) => fillIn(v, fields));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillIn(v, fields)]));
  }
  return value;
}

/** The manifest for a bot (its Entra app id), the public host it is served from and a x.y.z version. */
export function buildManifest(appId: string, host: string, version: string): Manifest {
  if (!isGuid(appId)) throw new Error(`MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000, not "${appId}".`);
  if (!HOST.test(host)) throw new Error(`PUBLIC_HOST must be a host name such as prevent-bot.example.org, not "${host}".`);
  if (!VERSION.test(version)) throw new Error(`The app version must look like 1.2.3, not "${version}".`);
  return fillIn(template, { appId: appId.toLowerCase(), host: host.toLowerCase(), version }) as Manifest;
}
