import type { PlanAction, Rag } from './types.js';

/** An update that was just applied to an action: the new RAG, progress and version, who made it, when, and the note. */
export interface AppliedUpdate {
  rag: Rag;
  /** null keeps the progress the action had */
  progress: number | null;
  version: number;
  by: string;
  at: Date;
  note: string;
}

/** The action as it is after an update was applied to it, without reading the plan again. */
export function actionAfterUpdate(action: PlanAction, update: AppliedUpdate): PlanAction {
  return {
    ...action,
    rag: update.rag,
    progress: update.progress ?? action.progress,
    version: update.version,
    lastUpdate: { by: update.by, at: update.at.toISOString(), note: update.note },
  };
}
