// Creates prisma/migrations/<NNNN>_<name>/ with sqlite.sql and postgres.sql from
// the difference between the last migration's schema snapshot and prisma/schema.prisma.
// Usage: npm run migration:new -- <name>
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) throw new Error('Usage: npm run migration:new -- <name>');
const dir = 'prisma/migrations';
const previous = existsSync(dir)
  ? readdirSync(dir)
      .filter((d) => /^\d{4}_/.test(d))
      .sort()
  : [];
const next = `${String(previous.length + 1).padStart(4, '0')}_${name}`;
const tmp = mkdtempSync(path.join(tmpdir(), 'migration-'));

const toPostgres = (schema) =>
  schema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost/unused"');

function diff(from, to, config) {
  const args = ['prisma', 'migrate', 'diff', '--config', config, '--to-schema-datamodel', to, '--script'];
  args.push(...(from ? ['--from-schema-datamodel', from] : ['--from-empty']));
  return execFileSync('npx', args, { encoding: 'utf8' });
}

const current = readFileSync('prisma/schema.prisma', 'utf8');
const last = previous.length ? readFileSync(path.join(dir, previous.at(-1), 'schema.prisma'), 'utf8') : null;
const files = { fromSqlite: null, toSqlite: path.join(tmp, 'to.prisma'), fromPg: null, toPg: path.join(tmp, 'to-pg.prisma') };
writeFileSync(files.toSqlite, current);
writeFileSync(files.toPg, toPostgres(current));
if (last) {
  files.fromSqlite = path.join(tmp, 'from.prisma');
  files.fromPg = path.join(tmp, 'from-pg.prisma');
  writeFileSync(files.fromSqlite, last);
  writeFileSync(files.fromPg, toPostgres(last));
}
const sqlite = diff(files.fromSqlite, files.toSqlite, 'prisma.config.ts');
const postgres = diff(files.fromPg, files.toPg, 'prisma/postgres/prisma.config.ts');
if (!/CREATE|ALTER|DROP/i.test(sqlite)) {
  console.log('No schema changes since the last migration.');
  process.exit(0);
}
mkdirSync(path.join(dir, next), { recursive: true });
writeFileSync(path.join(dir, next, 'sqlite.sql'), sqlite);
writeFileSync(path.join(dir, next, 'postgres.sql'), postgres);
writeFileSync(path.join(dir, next, 'schema.prisma'), current);
console.log(`Wrote ${path.join(dir, next)}`);
