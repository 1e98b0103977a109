import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore } from '../../bot/store/database.js';
import { grantRole } from '../../bot/store/people.js';
import { TEAMS } from '../support/activities.js';
import type { Asker } from './questions.js';

/** The partnership the demo plan is loaded for. */
export const DEMO_PARTNERSHIP = 'City of London';

/** Migrates a database and loads the demo plan, with Ali Burlington as a lead for CST (as in the HTTP tests). */
export async function prepareDemo(url: string): Promise<void> {
  const store = await openStore(url);
  try {
    await loadDemoPlanIfEmpty(store, DEMO_PARTNERSHIP, new Date());
    await grantRole(store.db, {
      partnership: DEMO_PARTNERSHIP,
      who: 'Ali Burlington',
      role: 'lead',
      organisation: 'CST',
      chatId: '29:ali',
      displayName: 'Ali Burlington',
    });
  } finally {
    await store.close();
  }
}

/** Worker i's conversation on the demo plan: its own channel; every other worker is Ali (a lead), the rest people the bot does not know. */
export function demoAsker(worker: number): Asker {
  return {
    conversation: { id: `19:bench-${worker}@thread.tacv2`, conversationType: 'channel', tenantId: TEAMS.tenantId, isGroup: true },
    from: worker % 2 === 0 ? TEAMS.user('Ali Burlington', '29:ali') : TEAMS.user(`Guest ${worker}`, `29:guest-${worker}`),
  };
}
