import { buildRoundStatusCard } from '../../../cards/round-status.js';
import { reminderTime, roundProgress, type RoundProgress, type RoundUpdateView } from '../../plan/rounds.js';
import type { RoundInfo, RoundItemInfo } from '../../store/rounds.js';
import type { Reply, Services } from '../../core/context.js';

/** A round's items, the updates made since it started, and who has answered. */
export interface LoadedProgress {
  items: RoundItemInfo[];
  updates: RoundUpdateView[];
  progress: RoundProgress;
}

/** Works out where a round stands from its items and the actions' history. */
export async function loadRoundProgress(services: Services, round: RoundInfo): Promise<LoadedProgress> {
  const items = await services.store.rounds.items(round.id);
  const updates = await services.store.rounds.updatesSince([...new Set(items.map((i) => i.actionId))], round.createdAt);
  return { items, updates, progress: roundProgress(items, updates, round.createdAt.toISOString()) };
}

/** The status card of a round (or, with `closing`, its closing summary). */
export async function roundStatusReply(services: Services, round: RoundInfo, closing = false): Promise<Reply> {
  const { progress } = await loadRoundProgress(services, round);
  return buildRoundStatusCard({
    round,
    timeZone: round.timeZone,
    progress,
    reminderAt: reminderTime(round.deadline, round.timeZone),
    now: services.now(),
    closing,
  });
}
