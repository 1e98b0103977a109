import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier } from '../../bot/notify/notifier.js';
import { createOutboxSender } from '../../bot/notify/outbox-sender.js';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { rememberConversation } from '../../bot/store/conversations.js';
import { buildMessageCard } from '../../cards/message-card.js';
import { createTestStore } from '../support/database.js';

// A message that went out while the database restarted: its "sent" could not be written at first. The sender keeps
// trying to record it while its lease holds, so the message is not sent a second time when the lease runs out.

const P = 'City of London';
let store: Awaited<ReturnType<typeof createTestStore>>;
beforeAll(async () => {
  store = await createTestStore();
  await loadDemoPlanIfEmpty(store, P, new Date());
  await rememberConversation(store.db, {
    partnership: P,
    conversationId: 'a:personal-cleo',
    kind: 'personal',
    serviceUrl: 'http://127.0.0.1:9/',
    userChatId: '29:cleo',
    now: new Date(),
    reference: { channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'a:personal-cleo' } },
  });
});
afterAll(() => store.drop());

describe('recording that an outbox message was sent', () => {
  it('is retried while the database cannot be reached, and the message is sent once', async () => {
    const sent: string[] = [];
    const notifier: Notifier = {
      send: async (conversation) => {
        sent.push(conversation.conversationId);
        return { outcome: 'sent', attempts: 1 };
      },
    };
    let refusals = 2;
    const finish = store.outbox.finish;
    const flaky = {
      ...store,
      outbox: {
        ...store.outbox,
        finish: (...args: Parameters<typeof finish>) =>
          refusals-- > 0 ? Promise.reject(new Error('Connection terminated unexpectedly')) : finish(...args),
      },
    };
    const waits: number[] = [];
    const sender = createOutboxSender({
      store: flaky,
      notifier,
      now: () => new Date(),
      sleep: async (ms) => void waits.push(ms),
    });
    await store.outbox.queue(
      [
        {
          key: 'test:record-end:cleo',
          partnership: P,
          kind: 'digest',
          conversationId: 'a:personal-cleo',
          recipient: 'Cleo Coordinator',
          reply: buildMessageCard({ title: 'Weekly digest', lines: ['Nothing changed this week.'] }),
        },
      ],
      new Date(),
    );
    await sender.drain();
    expect(sent).toEqual(['a:personal-cleo']);
    expect(waits).toHaveLength(2);
    expect(await store.outbox.list()).toEqual([expect.objectContaining({ key: 'test:record-end:cleo', status: 'sent', attempts: 1 })]);
    // nothing left to send: a later pass (or another instance) sends it no more
    await sender.drain();
    expect(sent).toHaveLength(1);
  });

  it('a sender whose clock runs ahead (a CLI tick for a later minute) does not take over a row another is sending', async () => {
    const sends: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    let started: () => void = () => undefined;
    const sending = new Promise<void>((r) => (started = r));
    const slow: Notifier = {
      send: async () => {
        sends.push('A');
        started();
        await held;
        return { outcome: 'sent', attempts: 1 };
      },
    };
    const ahead: Notifier = {
      send: async () => {
        sends.push('B');
        return { outcome: 'sent', attempts: 1 };
      },
    };
    const a = createOutboxSender({ store, notifier: slow, now: () => new Date(), instanceId: 'a' });
    const b = createOutboxSender({ store, notifier: ahead, now: () => new Date(Date.now() + 10 * 86_400_000), instanceId: 'b' });
    await store.outbox.queue(
      [
        {
          key: 'test:clock-ahead:cleo',
          partnership: P,
          kind: 'digest',
          conversationId: 'a:personal-cleo',
          recipient: 'Cleo Coordinator',
          reply: buildMessageCard({ title: 'Weekly digest', lines: ['Nothing changed this week.'] }),
        },
      ],
      new Date(),
    );
    const first = a.drain();
    await sending;
    await b.drain();
    release();
    await first;
    expect(sends).toEqual(['A']);
    expect((await store.outbox.list()).find((m) => m.key === 'test:clock-ahead:cleo')).toMatchObject({ status: 'sent' });
  });
});
