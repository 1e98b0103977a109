import { z } from 'zod';
import { SETTABLE_RAGS } from '../bot/plan/types.js';
import { NOTE_MAX_LENGTH } from './action-form.js';
import { VERBS } from './verbs.js';

const actionId = z.coerce.number().int().positive();

/** Teams may send an Input.Number as a string, and an empty input as "" or not at all. */
const optionalWholeNumber = z.preprocess(
  (value) => (value === '' || value === undefined || value === null ? null : typeof value === 'string' ? Number(value.trim()) : value),
  z.number().int().min(0).nullable(),
);

export const ShowMoreDataSchema = z.object({
  verb: z.literal(VERBS.showMore),
  token: z.string().min(1).max(500),
  offset: z.coerce.number().int().min(0),
});
export const ShowActionDataSchema = z.object({ verb: z.literal(VERBS.showAction), actionId });
export const OpenUpdateDataSchema = z.object({ verb: z.literal(VERBS.openUpdate), actionId });
export const RefreshActionDataSchema = z.object({ verb: z.literal(VERBS.refreshAction), actionId });
export const CancelUpdateDataSchema = z.object({ verb: z.literal(VERBS.cancelUpdate), actionId });
export const SubmitUpdateDataSchema = z.object({
  verb: z.literal(VERBS.submitUpdate),
  actionId,
  version: z.coerce.number().int().min(0),
  rag: z.enum(SETTABLE_RAGS),
  note: z.string().max(NOTE_MAX_LENGTH).default(''),
  progress: optionalWholeNumber.default(null),
});

/** What any card button sends (its data plus the card's inputs), told apart by `verb`. */
export const CardActionDataSchema = z.discriminatedUnion('verb', [
  ShowMoreDataSchema,
  ShowActionDataSchema,
  OpenUpdateDataSchema,
  RefreshActionDataSchema,
  CancelUpdateDataSchema,
  SubmitUpdateDataSchema,
]);
export type CardActionData = z.infer<typeof CardActionDataSchema>;
export type SubmitUpdateData = z.infer<typeof SubmitUpdateDataSchema>;
