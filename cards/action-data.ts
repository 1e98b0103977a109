import { z } from 'zod';
import { SETTABLE_RAGS } from '../bot/plan/types.js';
import { NOTE_MAX_LENGTH } from './action-form.js';
import { EDIT_LIMITS } from './action-edit-form.js';
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

export const OpenEditDataSchema = z.object({ verb: z.literal(VERBS.openEdit), actionId });
/** "Save changes" on the edit form: the version seen, and the inputs this person could change (absent for the others). */
export const SubmitEditDataSchema = z.object({
  verb: z.literal(VERBS.submitEdit),
  actionId,
  version: z.coerce.number().int().min(0),
  title: z.string().max(EDIT_LIMITS.title).optional(),
  deadline: z.string().max(EDIT_LIMITS.deadline).optional(),
  leads: z.string().max(EDIT_LIMITS.leads).optional(),
  theme: z.string().max(200).optional(),
  /** a person's id, or "none" for no named owner */
  owner: z
    .string()
    .regex(/^(?:none|\d{1,10})$/)
    .optional(),
});

/** What any card button sends (its data plus the card's inputs), told apart by `verb`. */
export const CardActionDataSchema = z.discriminatedUnion('verb', [
  ShowMoreDataSchema,
  ShowActionDataSchema,
  OpenUpdateDataSchema,
  RefreshActionDataSchema,
  CancelUpdateDataSchema,
  SubmitUpdateDataSchema,
  OpenEditDataSchema,
  SubmitEditDataSchema,
]);
export type CardActionData = z.infer<typeof CardActionDataSchema>;
export type SubmitUpdateData = z.infer<typeof SubmitUpdateDataSchema>;
