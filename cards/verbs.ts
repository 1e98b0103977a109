/** Every card verb, shared by the cards that send it and the handlers that answer it. */
export const VERBS = {
  showMore: 'plan.showMore',
  showAction: 'plan.showAction',
  openUpdate: 'action.openUpdate',
  submitUpdate: 'action.update',
  refreshAction: 'action.refresh',
  cancelUpdate: 'action.cancel',
  openEdit: 'action.openEdit',
  submitEdit: 'action.edit',
  dialogStart: 'dialog.start',
  dialogAnswer: 'dialog.answer',
  approveReport: 'report.approve',
  importPlan: 'plan.import',
  cancelImport: 'plan.cancelImport',
  startNextPlan: 'plan.startNext',
  cancelNextPlan: 'plan.cancelNext',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

/** All verbs, for routing tables and tests. */
export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);
