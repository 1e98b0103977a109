import type { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';

/** The Prisma client. Both generated clients have the same models; the SQLite one names the type. */
export type Db = SqliteClient;
