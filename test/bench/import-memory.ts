/**
 * Peak memory and time of the importer on large files (run by hand: npx tsx test/bench/import-memory.ts; not part of npm test).
 * Each case runs in its own process so its peak resident set is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

const dir = mkdtempSync(path.join(tmpdir(), 'import-memory-'));
const words = 'Deliver Prevent awareness training to front-line staff across the partnership and report to the board';

function csv(name: string, actions: number, noteLength: number): string {
  const note = 'x'.repeat(noteLength);
  const rows = Array.from({ length: actions }, (_, i) => `${i + 1},Theme ${i % 7},"${words} ${i}",Q3 2025/26,CoLC CST,"${note}",Amber`);
  const file = path.join(dir, name);
  writeFileSync(file, `No.,Theme,Key Actions,Deadline,Lead,Notes,RAG\n${rows.join('\n')}\n`);
  return file;
}

async function xlsx(name: string, actions: number, noteLength: number, random = false): Promise<string> {
  const file = path.join(dir, name);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('Plan');
  sheet.addRow(['No.', 'Theme', 'Key Actions', 'Deadline', 'Lead', 'Notes', 'RAG']).commit();
  for (let i = 0; i < actions; i++)
    sheet
      .addRow([
        i + 1,
        `Theme ${i % 7}`,
        `${words} ${i}`,
        'Q3 2025/26',
        'CoLC CST',
        `${random ? noise(noteLength) : 'y'.repeat(noteLength)} ${i}`,
        'Amber',
      ])
      .commit();
  await workbook.commit();
  return file;
}

const child = `(async () => {
  const { readPlanFile } = await import(${JSON.stringify(path.resolve('bot/import/index.ts'))});
  const started = performance.now();
  let outcome;
  try { outcome = (await readPlanFile(process.argv[1], [])).actions.length + ' actions'; }
  catch (e) { outcome = 'refused: ' + e.message.slice(0, 90); }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ outcome, ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
})();`;

/** The whole CLI import (read, parse, save in one transaction) into a fresh SQLite database. */
const saving = `(async () => {
  const { runCli } = await import(${JSON.stringify(path.resolve('bot/cli/index.ts'))});
  const url = 'file:' + process.argv[1] + '.db';
  const out = [];
  const started = performance.now();
  const code = await runCli(['import', process.argv[1]], { DATABASE_URL: url, LOG_LEVEL: 'silent' }, (t) => out.push(t), (t) => out.push(t));
  const ms = performance.now() - started;
  console.log(JSON.stringify({ outcome: code === 0 ? 'saved' : out.join(' ').slice(0, 90), ms: Math.round(ms), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
})();`;

let seed = 7;
/** Text that does not compress away, so an Excel file reaches its size on disk. */
function noise(length: number): string {
  let out = '';
  while (out.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += `${'abcdefghijklmnopqrstuvwxyz'[seed % 26]}${seed % 5 === 0 ? ' ' : ''}`;
  }
  return out.slice(0, length);
}

const cases: [string, Promise<string> | string][] = [
  ['CSV, 5,000 actions, 19 MB', csv('5000-19mb.csv', 5000, 3700)],
  ['Excel, 5,000 actions', xlsx('5000.xlsx', 5000, 200)],
  ['Excel, 5,000 actions with long notes that do not compress', xlsx('5000-big.xlsx', 5000, 6000, true)],
  ['CSV, 100,000 rows, 14 MB', csv('100k.csv', 100_000, 10)],
  ['Excel, 100,000 rows', xlsx('100k.xlsx', 100_000, 10)],
];
console.log('node', process.version);
for (const [label, made] of cases) {
  const file = await made;
  const size = (statSync(file).size / 1024 / 1024).toFixed(1);
  const result = execFileSync('npx', ['tsx', '--eval', child, file], { encoding: 'utf8' }).trim();
  console.log(`${label} (${size} MB on disk): read ${result}`);
  if (label.includes('100,000')) continue;
  const saved = execFileSync('npx', ['tsx', '--eval', saving, file], { encoding: 'utf8' }).trim();
  console.log(`${label}: read and saved through the CLI ${saved}`);
}
