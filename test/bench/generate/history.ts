import type { Rag, UpdateSource } from '../../../bot/plan/types.js';
import type { Random } from './random.js';
import type { GeneratedUpdate } from './types.js';
import { updateNote } from './wording.js';

const DAY = 86_400_000;

/** Where a RAG rating usually moves next. */
const NEXT: Record<Exclude<Rag, 'UNRATED'>, [Rag, number][]> = {
  RED: [
    ['AMBER', 8],
    ['GREEN', 1],
  ],
  AMBER: [
    ['GREEN', 6],
    ['RED', 3],
    ['COMPLETE', 1],
  ],
  GREEN: [
    ['AMBER', 4],
    ['COMPLETE', 3],
    ['RED', 1],
  ],
  COMPLETE: [
    ['GREEN', 2],
    ['AMBER', 1],
  ],
};

/** Someone who may update the action: their name and chat id. */
export interface Updater {
  name: string;
  chatId: string;
  source: UpdateSource;
}

/** Moves an instant to a weekday working hour (08:00-17:59 UTC), keeping the day where possible. */
function workingHours(random: Random, at: number): number {
  const d = new Date(at);
  const weekday = d.getUTCDay();
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate() + shift,
    random.int(8, 17),
    random.int(0, 59),
    random.int(0, 59),
    random.int(0, 999),
  );
}

/**
 * An action's history: the import that created it, then `count - 1` updates spread between `start` and `until`,
 * mostly note-only, sometimes moving the RAG; the last one leaves the action at `finalRag` and `finalProgress`.
 */
export function generateHistory(
  random: Random,
  input: {
    count: number;
    start: Date;
    until: Date;
    finalRag: Rag;
    target: number | null;
    importedFrom: string;
    updaters: Updater[];
    partner: string;
  },
): GeneratedUpdate[] {
  const { count, start, until, target } = input;
  const span = until.getTime() - start.getTime();
  const times = Array.from({ length: count - 1 }, () =>
    Math.min(until.getTime() - 1, workingHours(random, start.getTime() + DAY + random.next() * (span - 2 * DAY))),
  );
  times.sort((a, b) => a - b);
  let rag: Rag =
    count === 1
      ? input.finalRag
      : random.weighted<Rag>([
          ['AMBER', 5],
          ['RED', 2],
          ['GREEN', 3],
        ]);
  let progress: number | null = target === null ? null : 0;
  const rows: GeneratedUpdate[] = [
    {
      actorName: 'Plan import',
      actorChatId: null,
      at: start,
      ragFrom: 'UNRATED',
      ragTo: rag,
      note: `Imported from ${input.importedFrom}`,
      progress: null,
      source: 'import',
    },
  ];
  times.forEach((at, i) => {
    const last = i === times.length - 1;
    const from = rag;
    const to: Rag = last
      ? input.finalRag
      : random.chance(0.55)
        ? from
        : random.weighted(NEXT[from as Exclude<Rag, 'UNRATED'>] ?? [['AMBER', 1]]);
    if (progress !== null && target !== null) progress = last ? progress : Math.min(target, progress + (random.chance(0.4) ? 1 : 0));
    const who = random.pick(input.updaters);
    rows.push({
      actorName: who.name,
      actorChatId: who.chatId,
      at: new Date(at),
      ragFrom: from,
      ragTo: to,
      note: updateNote(random, input.partner),
      progress,
      source: who.source,
    });
    rag = to;
  });
  return rows;
}
