import type { FakeConnector } from '../support/fake-connector.js';

/** A reply's words wherever the renderer puts them: the text, else the card's fallbackText, else the summary. */
function wordsOf(activity: { text?: string; summary?: unknown; attachments?: { content?: unknown }[] }): string {
  if (activity.text) return activity.text;
  const card = activity.attachments?.[0]?.content as { fallbackText?: string } | undefined;
  return card?.fallbackText ?? (typeof activity.summary === 'string' ? activity.summary : '');
}

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
