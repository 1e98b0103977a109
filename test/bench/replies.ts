import { wordsOf } from '../../bot/local-connector.js';
import type { FakeConnector } from '../support/fake-connector.js';

/** Counts what the bot sent to the fake connector and checks each reply, draining it as it goes (so memory stays flat). */
export function replyTap(connector: FakeConnector, isGood: (text: string) => boolean) {
  let received = 0;
  let bad = 0;
  return {
    drain() {
      for (const s of connector.sent) {
        received++;
        if (!isGood(wordsOf(s.activity))) bad++;
      }
      connector.clear();
    },
    totals() {
      this.drain();
      return { received, bad };
    },
    reset() {
      connector.clear();
      received = 0;
      bad = 0;
    },
  };
}
