// npx tsx test/bench/profile-summary.ts <file.cpuprofile> [top] [fromMs] [toMs]: where a V8 CPU profile's time went, by
// package, by project source file and by function; with fromMs (and toMs), only samples taken that long after the
// profile began (e.g. past start-up, or the first seconds after it). Frames in the compiled bot (dist/server.js) are mapped back to their TypeScript
// source through its source map.
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topText, fromText, toText] = process.argv.slice(2);
if (!file) throw new Error('Usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map<number, number>();
const fromMs = Number(fromText ?? 0);
const toMs = Number(toText ?? Number.POSITIVE_INFINITY);
let elapsedMs = 0;
profile.samples.forEach((id, i) => {
  const delta = (profile.timeDeltas[i] ?? 0) / 1000;
  elapsedMs += delta;
  if (elapsedMs >= fromMs && elapsedMs < toMs) selfMs.set(id, (selfMs.get(id) ?? 0) + delta);
});
const total = [...selfMs.values()].reduce((a, b) => a + b, 0);

const maps = new Map<string, SourceMap | null>();
/** The source file a frame's code came from: through the bundle's source map when there is one. */
function sourceOf(frame: ProfileNode['callFrame']): string {
  const { url } = frame;
  // packages keep their own name (some ship source maps of their own, whose paths would hide it)
  if (!url.startsWith('file://') || url.includes('/node_modules/')) return url;
  let map = maps.get(url);
  if (map === undefined) {
    const path = `${fileURLToPath(url)}.map`;
    map = existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8'))) : null;
    maps.set(url, map);
  }
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string } | undefined;
  return entry?.originalSource ?? url;
}

const where = (source: string) => {
  const m = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1]!;
  if (source.startsWith('node:')) return 'node';
  const project = source.match(/\/((?:bot|cards|jobs|test)\/[^/]+)/);
  if (project) return project[1]!;
  return source ? 'other' : '(vm: GC, idle, native)';
};
const short = (source: string) => source.replace(/^.*?\/((?:bot|cards|jobs|test|bin)\/)/, '$1').replace(/^.*node_modules\//, '');
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
const inclusiveByApp = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const n = byId.get(id)!;
  const source = sourceOf(n.callFrame);
  add(byFunction, `${n.callFrame.functionName || '(anonymous)'} ${short(source)}`, ms);
  add(byPackage, where(source), ms);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const frame = byId.get(cur)!.callFrame;
    const src = sourceOf(frame);
    if (src.includes('node_modules') || !/\/(bot|cards|jobs)\//.test(src)) continue;
    const key = `${frame.functionName || '(anonymous)'} ${short(src)}`;
    if (!seen.has(key)) add(inclusiveByApp, key, ms);
    seen.add(key);
  }
}
const show = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title}\n`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}\n`);
};
process.stdout.write(`${file}: ${total.toFixed(0)} ms sampled`);
show('self time by package (project code by folder)', byPackage);
show('self time by function', byFunction);
show('inclusive time by project function', inclusiveByApp);
