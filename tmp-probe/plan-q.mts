import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import path from 'node:path';
import { openStore } from '/work/main/bot/store/database.js';
import { loadDemoPlanIfEmpty } from '/work/main/bot/demo.js';
import { openTurn } from '/work/main/bot/store/turn-start.js';
const file = path.join(mkdtempSync(path.join(tmpdir(), 'q-')), 'x.db');
const store = await openStore(`file:${file}`);
await loadDemoPlanIfEmpty(store, 'City of London', new Date());
const sqls: string[] = [];
const orig = Database.prototype.prepare;
(Database.prototype as any).prepare = function (sql: string) { sqls.push(sql); return orig.call(this, sql); };
// cache wraps at connect; use fresh store
const s2 = await openStore(`file:${file}`);
await openTurn(s2.db, { partnership: 'City of London', sender: { id: '29:ali', name: 'Ali', aadObjectId: 'aad-1' }, conversationId: '19:x' });
const db = new Database(file);
for (const sql of sqls) { if (!/SELECT/.test(sql) || /_app_migrations/.test(sql)) continue; console.log(sql.slice(0, 3000)); try { console.log(db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...Array((sql.match(/\?/g)||[]).length).fill('x'))); } catch (e) { console.log(String(e)); } }
const stmt = db.prepare(sqls.find(s => /SELECT/.test(s) && /DialogState/.test(s))!);
const args = Array((stmt.source.match(/\?/g)||[]).length).fill('x');
let t = performance.now(); for (let i = 0; i < 2000; i++) stmt.raw(true).all(...args); console.log('all ms', (performance.now()-t)/2000);
t = performance.now(); for (let i = 0; i < 2000; i++) stmt.columns(); console.log('columns ms', (performance.now()-t)/2000);
