// Writes prisma/postgres/schema.prisma from prisma/schema.prisma: the same
// models, with the PostgreSQL provider and its own generated client.
// Run by `npm run generate`, so the two schemas never drift apart.
import { readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync(new URL('./schema.prisma', import.meta.url), 'utf8');
const postgres = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('url      = "file:./dev.db"', 'url      = "postgresql://localhost/unused-the-client-uses-a-driver-adapter"')
  .replace('output     = "../bot/store/generated/sqlite"', 'output     = "../../bot/store/generated/postgres"')
  .replace(
    /^\/\/ The plan store[^\n]*\n/,
    '// GENERATED from prisma/schema.prisma by prisma/sync-postgres-schema.mjs: edit that file instead.\n',
  );
if (!postgres.includes('"postgresql"') || !postgres.includes('generated/postgres')) {
  throw new Error('prisma/sync-postgres-schema.mjs: prisma/schema.prisma no longer has the expected datasource/generator lines');
}
writeFileSync(new URL('./postgres/schema.prisma', import.meta.url), postgres);
