import { VERBS } from '../../cards/verbs.js';
import type { Reply } from '../core/types.js';
import { type Block, BlockWriter, LIMITS, clip, plain, plainOf } from './blocks.js';

// The Slack renderer: the one place that turns channel-neutral replies into Block Kit messages, modals and the
// App Home view. A reply's card becomes blocks; its text becomes the message's notification text.

/** One chat.postMessage's worth: the words for notifications and screen readers, and the blocks. */
export interface SlackMessage {
  text: string;
  blocks?: Block[];
}

/** What a form button carries: the card action that shows the form again, and the choice pressed. */
export interface FormLaunch {
  verb: string;
  actionId: number;
  preset?: Record<string, string>;
  form: true;
}

const TEXT_CHUNK = 3500;
const SUMMARY = 300;

/** Slack's own escaping for message text: &, < and > (so "<!channel>" or "<https://…>" typed by a person stays text). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type Card = { body?: unknown[]; actions?: unknown[] };
const cardOf = (reply: Reply): Card | null => (reply.card && typeof reply.card === 'object' ? (reply.card as Card) : null);

/** The submit button of a card's form, when it has one: the verb and data its inputs are sent with. */
function formSubmit(card: Card): { verb: string; data: Record<string, unknown> } | null {
  const all = [...(card.actions ?? []), ...collectActionSets(card.body ?? [])] as Record<string, unknown>[];
  for (const a of all) {
    const data = a.data as Record<string, unknown> | undefined;
    if ((a.associatedInputs ?? 'auto') !== 'none' && typeof data?.verb === 'string') return { verb: data.verb, data };
  }
  return null;
}

function collectActionSets(elements: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const el of elements as Record<string, unknown>[]) {
    if (el?.type === 'ActionSet' && Array.isArray(el.actions)) out.push(...el.actions);
    if (el?.type === 'Container' && Array.isArray(el.items)) out.push(...collectActionSets(el.items));
  }
  return out;
}

/**
 * Buttons that open a card's form in a modal (Slack messages hold no text boxes): the action card's update form
 * becomes one button per rating, each opening the modal with that rating chosen.
 */
function launchers(card: Card, inputs: Record<string, unknown>[]): Block[] {
  const submit = formSubmit(card);
  if (submit?.verb !== VERBS.submitUpdate || typeof submit.data.actionId !== 'number') return [];
  const actionId = submit.data.actionId;
  const rag = inputs.find((i) => i.id === 'rag' && i.type === 'Input.ChoiceSet');
  const choices = (Array.isArray(rag?.choices) ? rag.choices : []) as { title?: unknown; value?: unknown }[];
  const launch = (preset?: Record<string, string>): string =>
    JSON.stringify({ verb: VERBS.refreshAction, actionId, form: true, ...(preset ? { preset } : {}) } satisfies FormLaunch);
  const buttons = choices.map((c, i) => ({
    type: 'button',
    action_id: `form:${i}`,
    text: plain(clip(plainOf(c.title), LIMITS.buttonText), LIMITS.buttonText),
    value: launch({ rag: String(c.value) }),
  }));
  buttons.push({ type: 'button', action_id: 'form:note', text: plain('Add a note or progress', LIMITS.buttonText), value: launch() });
  return [{ type: 'actions', block_id: `update:${actionId}`, elements: buttons }];
}

/** The first line of a reply's text, for notifications (the blocks carry the rest). */
function summaryOf(text: string): string {
  return escapeText(clip(text.split('\n')[0]?.trim() || 'Prevent plan bot', SUMMARY));
}

/** Splits long plain text into messages at line ends. */
function chunks(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > TEXT_CHUNK) {
      out.push(current);
      current = '';
    }
    current = current ? `${current}\n${clip(line, TEXT_CHUNK)}` : clip(line, TEXT_CHUNK);
  }
  if (current || !out.length) out.push(current || ' ');
  return out;
}

/** Message blocks for a reply's card (forms replaced by buttons that open them in a modal). */
export function cardBlocks(reply: Reply): Block[] {
  const card = cardOf(reply);
  if (!card) return [];
  const writer = new BlockWriter({ keepInputs: false, dropInputButtons: true });
  writer.add(card.body ?? []);
  const body = [...writer.done()];
  const form = writer.inputs.length ? launchers(card, writer.inputs) : [];
  writer.addButtons(card.actions ?? []);
  return [...body, ...form, ...writer.done().slice(body.length)];
}

/**
 * A reply as Slack messages: its card as blocks (at most 50 a message: a longer card is paged over several
 * messages), or its text alone, escaped, in messages of at most 3,500 characters.
 */
export function toSlackMessages(reply: Reply): SlackMessage[] {
  const file = reply.attachments?.find((a) => a.name && /file/i.test(a.contentType));
  if (file && !reply.card) {
    // Teams' file consent (board reports): this bot sends no files in Slack
    const words = `${file.name}: this bot cannot send files in Slack. Download it from the plan board tab in Teams, or ask your coordinator for it.`;
    return [{ text: escapeText(words) }];
  }
  const blocks = cardBlocks(reply);
  if (!blocks.length) return chunks(reply.text).map((text) => ({ text: escapeText(text) }));
  const pages: SlackMessage[] = [];
  for (let i = 0; i < blocks.length; i += LIMITS.blocksPerMessage) {
    const page = blocks.slice(i, i + LIMITS.blocksPerMessage);
    pages.push({ text: i === 0 ? summaryOf(reply.text) : `${summaryOf(reply.text)} (continued)`, blocks: page });
  }
  return pages;
}

/** What a form modal remembers between opening and saving (Slack returns it as private_metadata). */
export interface FormMetadata {
  verb: string;
  data: Record<string, unknown>;
  /** the conversation and message the form was opened from (none from App Home) */
  channel?: string;
  ts?: string;
}

export const FORM_CALLBACK = 'prevent.form';

/**
 * A card with a form as a modal: the card's words, then its inputs (a preset choice selected), Save and Cancel.
 * Null when the card has no form (for example, the person may not update the action).
 */
export function toModal(reply: Reply, where: { channel?: string; ts?: string }, preset: Record<string, string> = {}): Block | null {
  const card = cardOf(reply);
  if (!card) return null;
  const submit = formSubmit(card);
  if (!submit) return null;
  const presetBody = (card.body ?? []).map((el) => {
    const e = el as Record<string, unknown>;
    return typeof e.id === 'string' && preset[e.id] !== undefined ? { ...e, value: preset[e.id] } : e;
  });
  const writer = new BlockWriter({ keepInputs: true, dropInputButtons: true });
  writer.add(presetBody);
  const blocks = writer.done().slice(0, LIMITS.blocksPerView);
  if (!writer.inputs.length) return null;
  const metadata: FormMetadata = { verb: submit.verb, data: submit.data, ...where };
  const title = typeof submit.data.actionId === 'number' ? 'Update an action' : 'Prevent plan bot';
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    title: plain(title, 24),
    submit: plain('Save update', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** The values a modal's inputs were submitted with, by input id (numbers and choices as their text values). */
export function modalValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (state as { values?: Record<string, Record<string, Record<string, unknown>>> } | undefined)?.values ?? {};
  for (const block of Object.values(blocks)) {
    for (const [id, input] of Object.entries(block)) {
      const selected = input.selected_option as { value?: unknown } | null | undefined;
      const value = selected?.value ?? input.value;
      if (typeof value === 'string') values[id] = value;
    }
  }
  return values;
}

/** The App Home tab: the plan board as blocks (at most 100), from one or more replies. */
export function homeView(replies: Reply[]): Block {
  const blocks = replies.flatMap((reply) => {
    const own = cardBlocks(reply);
    return own.length ? own : [{ type: 'section', text: plain(reply.text) }];
  });
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerView) };
}

export { plainOf };
