import { VERBS } from '../../cards/verbs.js';
import { ActionIdData, cancelUpdateHandler, openUpdateHandler, refreshActionHandler } from '../handlers/card-actions/open-update.js';
import { ShowActionData, showActionHandler } from '../handlers/card-actions/show-action.js';
import { ShowMoreData, showMoreHandler } from '../handlers/card-actions/show-more.js';
import { submitUpdateHandler } from '../handlers/card-actions/submit-update.js';
import { AnswerData, dialogAnswerHandler, dialogStartHandler, StartData } from '../features/update-dialog/handlers.js';
import { REPORT_CARD_ACTIONS } from '../features/reports/index.js';
import { cancelImportHandler, ImportButtonData, importPlanHandler } from '../handlers/plan-import/import-buttons.js';
import { OpenEditDataSchema, SubmitEditDataSchema } from '../../cards/action-data.js';
import { openEditHandler, submitEditHandler } from '../features/editing/card.js';
import { cardAction, type CardRoute, coordinatorsOnly } from './route.js';
import { cancelNextPlanHandler, confirmNextPlanHandler, NextPlanData } from '../features/plans/commands.js';

const WHICH_ACTION = 'That button does not say which action it is for. Try "show action 18".';

/** Every card verb the bot answers, from Action.Execute (desktop) and Action.Submit (mobile) alike. */
export const CARD_ACTIONS: CardRoute[] = [
  cardAction({
    verb: VERBS.showMore,
    schema: ShowMoreData,
    invalid: 'That "Show more" button is out of date. Please ask the question again.',
    handle: showMoreHandler,
  }),
  cardAction({
    verb: VERBS.showAction,
    schema: ShowActionData,
    invalid: 'That button does not say which action to show. Try "show action 18".',
    handle: showActionHandler,
  }),
  cardAction({ verb: VERBS.openUpdate, schema: ActionIdData, invalid: WHICH_ACTION, handle: openUpdateHandler }),
  // Save explains bad input on the card itself (which field, with the note kept), so it parses its own data.
  { verb: VERBS.submitUpdate, handle: submitUpdateHandler },
  cardAction({ verb: VERBS.refreshAction, schema: ActionIdData, invalid: WHICH_ACTION, handle: refreshActionHandler }),
  cardAction({ verb: VERBS.cancelUpdate, schema: ActionIdData, invalid: WHICH_ACTION, handle: cancelUpdateHandler }),
  // Edit (coordinators everything; an action's leads its target date and owner: the edit service decides).
  cardAction({ verb: VERBS.openEdit, schema: OpenEditDataSchema.omit({ verb: true }), invalid: WHICH_ACTION, handle: openEditHandler }),
  cardAction({
    verb: VERBS.submitEdit,
    schema: SubmitEditDataSchema.omit({ verb: true }),
    invalid:
      'The edit form sent something it should not: the wording is at most 500 characters, the target date 100 and the leads 300. Open the action again and retry.',
    handle: submitEditHandler,
  }),
  cardAction({
    verb: VERBS.dialogStart,
    schema: StartData,
    invalid: 'That button does not say which action it is for. Say "update action" and its number.',
    handle: dialogStartHandler,
  }),
  cardAction({
    verb: VERBS.dialogAnswer,
    schema: AnswerData,
    invalid: 'That button is out of date. Say "update action" and its number to start again.',
    handle: dialogAnswerHandler,
  }),
  ...REPORT_CARD_ACTIONS,
  cardAction({
    verb: VERBS.importPlan,
    schema: ImportButtonData,
    invalid: 'That button did not say which file to import. Please send the file again.',
    needs: coordinatorsOnly('import a plan'),
    handle: importPlanHandler,
  }),
  cardAction({
    verb: VERBS.cancelImport,
    schema: ImportButtonData,
    invalid: 'That button did not say which file it is for. Please send the file again.',
    handle: cancelImportHandler,
  }),
  cardAction({
    verb: VERBS.startNextPlan,
    schema: NextPlanData,
    invalid: 'That button did not say which plan to start. Say "start next year\'s plan" again.',
    needs: coordinatorsOnly("start next year's plan"),
    handle: confirmNextPlanHandler,
  }),
  cardAction({
    verb: VERBS.cancelNextPlan,
    schema: NextPlanData,
    invalid: 'That button is out of date: nothing was started.',
    handle: cancelNextPlanHandler,
  }),
];
