// npx tsx test/bench/heap-summary.ts <file.heapsnapshot> [top]: what a V8 heap snapshot holds, by kind of node (code,
// strings, objects, arrays...) and by constructor or string, in self size (the bytes of the node itself, not what it
// keeps alive). `BENCH_HEAP_DIR=dir npm run bench` writes one per server, after its load and a full collection.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

const [file, topText] = process.argv.slice(2);
if (!file) throw new Error('Usage: heap-summary.ts <file.heapsnapshot> [top]');
const top = Number(topText ?? 30);
const heap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
const fields = heap.snapshot.meta.node_fields;
const types = heap.snapshot.meta.node_types[0];
const width = fields.length;
const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];

const byType = new Map<string, { bytes: number; count: number }>();
const byName = new Map<string, { bytes: number; count: number }>();
const add = (map: typeof byType, key: string, bytes: number) => {
  const seen = map.get(key) ?? { bytes: 0, count: 0 };
  seen.bytes += bytes;
  seen.count += 1;
  map.set(key, seen);
};
let total = 0;
for (let i = 0; i < heap.nodes.length; i += width) {
  const type = types[heap.nodes[i + typeAt]!] ?? '?';
  const bytes = heap.nodes[i + sizeAt]!;
  total += bytes;
  add(byType, type, bytes);
  // strings by their first characters (a module's source, a cached card...), everything else by its constructor's name
  const name = heap.strings[heap.nodes[i + nameAt]!] ?? '';
  add(
    byName,
    type === 'string' || type === 'concatenated string' || type === 'sliced string'
      ? `"${name.slice(0, 60).replace(/\s+/g, ' ')}"`
      : `${type}: ${name.slice(0, 80)}`,
    bytes,
  );
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).padStart(7)} MB`;
const show = (title: string, map: typeof byType) => {
  console.log(title);
  for (const [key, { bytes, count }] of [...map].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top))
    console.log(`${mb(bytes)} ${String(count).padStart(9)}  ${key}`);
};
console.log(`${file}: ${mb(total)} in ${heap.nodes.length / width} nodes`);
show('by kind of node', byType);
show('by constructor (objects) or first characters (strings)', byName);
