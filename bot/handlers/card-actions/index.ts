import { VERBS } from '../../../cards/verbs.js';
import type { CardActionInput, Reply } from '../context.js';
import { dialogAnswerHandler, dialogStartHandler } from '../dialogs/dialog-buttons.js';
import { cancelUpdateHandler, openUpdateHandler, refreshActionHandler } from './open-update.js';
import { cancelImportHandler, importPlanHandler } from '../plan-import/import-buttons.js';
import { showActionHandler } from './show-action.js';
import { showMoreHandler } from './show-more.js';
import { submitUpdateHandler } from './submit-update.js';

/** What a card action produces: a card to replace the one clicked, and/or new messages. */
export interface CardActionResult {
  replaceCard?: Reply;
  messages?: Reply[];
  /** a short line Teams shows when the card is not replaced */
  toast?: string;
}

export type CardActionHandler = (input: CardActionInput) => Promise<CardActionResult>;

/** Card verbs and their handlers: one place to see every button the bot answers. */
export const CARD_ACTIONS: Record<string, CardActionHandler> = {
  [VERBS.showMore]: showMoreHandler,
  [VERBS.showAction]: showActionHandler,
  [VERBS.openUpdate]: openUpdateHandler,
  [VERBS.submitUpdate]: submitUpdateHandler,
  [VERBS.refreshAction]: refreshActionHandler,
  [VERBS.cancelUpdate]: cancelUpdateHandler,
  [VERBS.dialogStart]: dialogStartHandler,
  [VERBS.dialogAnswer]: dialogAnswerHandler,
  [VERBS.importPlan]: importPlanHandler,
  [VERBS.cancelImport]: cancelImportHandler,
};
