import { z } from 'zod';
import { SubmitUpdateDataSchema } from '../../../cards/action-data.js';
import { AppError } from '../../errors.js';
import { ragWords, SETTABLE_RAGS, type Rag } from '../../plan/types.js';
import type { CardActionInput } from '../../core/context.js';
import { screenText } from '../privacy/guard.js';
import { stoppedActionCard } from '../privacy/stopped-card.js';
import { actionCardFor } from '../../features/updates/action-view.js';
import { actionOfPartnership, submitUpdate } from '../../features/updates/update-service.js';
import type { CardActionResult } from '../../core/context.js';

/** Keys a card may send: the button's data, the form's inputs, and what Teams itself adds. */
const ALLOWED_KEYS = new Set(['verb', 'actionId', 'version', 'rag', 'note', 'progress', 'msteams']);

/** The action a card names, read on its own to say what was wrong with the rest (made once: a zod schema is costly to build). */
const ACTION_ID = z.coerce.number().int().positive();

/** One line per problem, in words a lead understands. */
function problems(data: Record<string, unknown>, error: z.ZodError | null): string {
  const forged = Object.keys(data).filter((k) => !ALLOWED_KEYS.has(k));
  const lines = forged.length ? [`The card sent fields it should not (${forged.join(', ')}).`] : [];
  for (const issue of error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (field === 'rag') lines.push(`Choose a RAG rating: ${SETTABLE_RAGS.join(', ')}.`);
    else if (field === 'note') lines.push('The note is too long: keep it to 2,000 characters or fewer.');
    else if (field === 'progress') lines.push('Progress must be a whole number, 0 or more.');
    else if (field === 'actionId') lines.push('The card does not say which action to update.');
    else if (field === 'version') lines.push('The card is missing its version: open the action again.');
    else lines.push(issue.message);
  }
  return lines.join(' ');
}

/** "Save update" on an action card: validate, check permission and version, save once, refresh the card in place. */
export async function submitUpdateHandler(input: CardActionInput): Promise<CardActionResult> {
  const parsed = SubmitUpdateDataSchema.safeParse({ ...input.data, verb: input.verb });
  const forged = Object.keys(input.data).some((k) => !ALLOWED_KEYS.has(k));
  const actionId = ACTION_ID.safeParse(input.data.actionId);
  if (!parsed.success || forged) {
    const message = `Nothing was saved. ${problems(input.data, parsed.success ? null : parsed.error)}`;
    if (!actionId.success) throw new AppError('INVALID_INPUT', message);
    const action = await actionOfPartnership(input.services, input.partnership, actionId.data);
    const draft = { note: typeof input.data.note === 'string' ? input.data.note.slice(0, 2000) : undefined };
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
        notice: { kind: 'error', message },
        draft,
      }),
    };
  }
  const data = parsed.data;
  const draft = { rag: data.rag as Rag, note: data.note, progress: data.progress };
  const screened = await screenText(input.services, input.partnership, data.note, 'your note');
  if (!screened.ok) return { replaceCard: await stoppedActionCard(input, data.actionId, draft, screened.message) };
  try {
    const result = await submitUpdate(input.services, {
      partnership: input.partnership,
      sender: input.sender,
      person: input.person,
      actionId: data.actionId,
      expectedVersion: data.version,
      rag: data.rag,
      note: data.note,
      progress: data.progress,
      source: 'card',
    });
    const { outcome, action, permission } = result;
    if (outcome.status === 'stale') {
      const message = `Someone else updated action ${action.ref} since you opened this card, so your update was not saved. It is now ${ragWords(action.rag)}. Your note is kept below: check it and save again.`;
      return {
        replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
          notice: { kind: 'warning', message },
          draft,
          permission,
        }),
      };
    }
    if (outcome.status === 'missing') throw new AppError('NOT_FOUND', 'That action is no longer in the plan.');
    const change =
      outcome.ragFrom === outcome.ragTo ? `still ${ragWords(outcome.ragTo)}` : `${ragWords(outcome.ragFrom)} → ${ragWords(outcome.ragTo)}`;
    const message = `Saved: action ${action.ref} is ${change}.${result.announced ? ' The partnership channel will be told.' : ''}`;
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
        notice: { kind: 'success', message },
        showForm: false,
        permission,
      }),
    };
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'FORBIDDEN' && err.code !== 'INVALID_INPUT')) throw err;
    const action = await actionOfPartnership(input.services, input.partnership, data.actionId);
    return {
      replaceCard: await actionCardFor(input.services, input.partnership, input.person, action, {
        notice: { kind: 'error', message: err.message },
        ...(err.code === 'INVALID_INPUT' ? { draft } : {}),
      }),
    };
  }
}
