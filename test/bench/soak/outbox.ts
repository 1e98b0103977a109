import pg from 'pg';
import type { Tap } from './tap.js';

/** The durable outbox's table, when this version of the bot has one (issue 18 item 1), else null. */
export async function outboxTable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const found = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND lower(table_name) LIKE '%outbox%' ORDER BY table_name`,
    );
    return found.rows[0]?.table_name ?? null;
  } finally {
    await client.end();
  }
}

/** Outbox rows by status once the sender has drained what it can. */
export async function checkOutbox(url: string, table: string, _tap: Tap, _t0: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const byStatus = await client.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM "${table}" GROUP BY status`);
    return { table, byStatus: Object.fromEntries(byStatus.rows.map((r) => [r.status, Number(r.n)])) };
  } finally {
    await client.end();
  }
}
