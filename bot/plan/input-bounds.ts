/** The most progress an action without a target may record. */
export const PROGRESS_MAX_WITHOUT_TARGET = 100_000;
/** Progress may run past an action's target, but not beyond this many times it. */
export const PROGRESS_TARGET_FACTOR = 10;

const n = (value: number) => value.toLocaleString('en-GB');

/** The highest progress figure an action accepts: ten times its target, or 100,000 when it has none. */
export function progressLimit(target: number | null): number {
  return target !== null && target > 0 ? target * PROGRESS_TARGET_FACTOR : PROGRESS_MAX_WITHOUT_TARGET;
}

/** Why a progress figure cannot be saved for an action with this target, in words a lead understands; null when it can. */
export function progressProblem(progress: number | null, target: number | null): string | null {
  if (progress === null) return null;
  if (!Number.isInteger(progress)) return `Progress must be a whole number; ${progress} is not.`;
  if (progress < 0) return 'Progress cannot be below 0.';
  const limit = progressLimit(target);
  if (progress <= limit) return null;
  return target !== null && target > 0
    ? `Progress of ${n(progress)} is more than ten times the target of ${n(target)}: the most it can be is ${n(limit)}. Check the figure and try again.`
    : `Progress of ${n(progress)} is too high: the most it can be is ${n(limit)}. Check the figure and try again.`;
}

/** Why a note is too long, saying the limit; null when it fits. */
export function noteProblem(note: string, max: number): string | null {
  return note.length > max
    ? `That note is ${n(note.length)} characters long: please keep it to ${n(max)} characters or fewer. Nothing was saved.`
    : null;
}
