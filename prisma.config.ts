// Prisma CLI configuration for the SQLite schema. `engine: "js"` with a driver
// adapter keeps the CLI from downloading a schema-engine binary (none can be
// fetched on the build machines).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.PRISMA_CLI_SQLITE ?? 'file:./prisma/.cli.db' });
  },
});
