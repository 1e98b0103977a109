import pg from 'pg';
import type { Tally } from './checks.js';
import type { Tap } from './tap.js';

/** The durable outbox's table (OutboxMessage, issue 18 item 1), or null for a version of the bot without one. */
export async function outboxTable(url: string): Promise<string | null> {
  return withClient(url, async (client) => {
    const found = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND lower(table_name) LIKE '%outbox%' ORDER BY table_name`,
    );
    return found.rows[0]?.table_name ?? null;
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type Row = { id: number; key: string; kind: string; conversationId: string | null; status: string; reply: string; attempts: number };

/** What the outbox holds after the run, and whether each row marked sent reached the connector exactly once. */
export interface OutboxCheck {
  table: string;
  byStatus: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  /** rows still pending when the soak stopped waiting */
  pendingAfterWait: number;
  waitedMs: number;
  /** rows marked sent: delivered once, not at all (lost) or more than once (duplicated) */
  delivery: Tally;
  /** rows not marked sent whose message reached the connector anyway (a send whose result was never recorded) */
  deliveredButNotMarked: number;
  maxAttempts: number;
}

/**
 * Waits (up to `waitMs`) for the sender to drain the pending rows, then matches every row to the deliveries the
 * fake connector recorded, by conversation and words (rows with the same words to the same conversation are
 * counted together).
 */
export async function checkOutbox(url: string, table: string, tap: Tap, waitMs = 120_000): Promise<OutboxCheck> {
  return withClient(url, async (client) => {
    const q = (sql: string) => client.query(sql.replaceAll('$table', `"${table}"`));
    const started = Date.now();
    let pending = Number.POSITIVE_INFINITY;
    while (Date.now() - started < waitMs) {
      pending = Number((await q(`SELECT count(*) AS n FROM $table WHERE status = 'pending'`)).rows[0].n);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const rows = (await q(`SELECT id, key, kind, "conversationId", status, reply, attempts FROM $table ORDER BY id`)).rows as Row[];
    const byStatus: Record<string, number> = {};
    const byKind: Record<string, Record<string, number>> = {};
    const groups = new Map<string, { conversationId: string; text: string; sent: number; other: number; keys: string[] }>();
    let maxAttempts = 0;
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      const kind = (byKind[r.kind] ??= {});
      kind[r.status] = (kind[r.status] ?? 0) + 1;
      maxAttempts = Math.max(maxAttempts, r.attempts);
      if (!r.conversationId) continue;
      let text = '';
      try {
        text = String((JSON.parse(r.reply) as { text?: string }).text ?? '');
      } catch {
        // not a Reply: counted as never delivered
      }
      const groupKey = `${r.conversationId}\n${text.trim().slice(0, 400)}`;
      const g = groups.get(groupKey) ?? { conversationId: r.conversationId, text, sent: 0, other: 0, keys: [] };
      if (r.status === 'sent') g.sent++;
      else g.other++;
      g.keys.push(r.key);
      groups.set(groupKey, g);
    }
    const delivery: Tally = { expected: 0, delivered: 0, lost: 0, duplicated: 0, examples: [] };
    let deliveredButNotMarked = 0;
    for (const g of groups.values()) {
      const n = tap.deliveriesOf(g.conversationId, g.text);
      delivery.expected += g.sent;
      delivery.delivered += Math.min(n, g.sent);
      if (n < g.sent) delivery.lost += g.sent - n;
      if (n > g.sent + g.other) delivery.duplicated += n - g.sent - g.other;
      else if (n > g.sent) deliveredButNotMarked += n - g.sent;
      if ((n < g.sent || n > g.sent) && delivery.examples.length < 5)
        delivery.examples.push(
          `${n}× delivered (at ${tap.timesOf(g.conversationId, g.text).join(', ')} s) for ${g.sent} sent, ${g.other} not sent: ${g.keys.slice(0, 2).join(', ')}`,
        );
    }
    return {
      table,
      byStatus,
      byKind,
      pendingAfterWait: pending,
      waitedMs: Date.now() - started,
      delivery,
      deliveredButNotMarked,
      maxAttempts,
    };
  });
}
