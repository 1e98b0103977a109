// Adaptive Card elements (the cards' channel-neutral model) turned into Block Kit blocks. Text is carried as literal
// text (rich_text runs, plain_text objects), never as mrkdwn, so nothing a person typed becomes a link, mention or format.

/** A Block Kit block or element. */
export type Block = Record<string, unknown>;
type Element = Record<string, unknown>;

/** Slack's limits (Block Kit reference). */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  header: 150,
  sectionText: 3000,
  field: 2000,
  fieldsPerSection: 10,
  buttonText: 75,
  buttonValue: 2000,
  buttonsPerActions: 25,
  optionText: 75,
} as const;

/** The colour of a card's text as a marker in front of its words (the words always say it too). */
const COLOUR_MARKS: Record<string, string> = { attention: '🔴', warning: '🟠', good: '🟢', accent: '🔵' };

/** A card's text as a person typed it: the card escapes undone (the invisible breaks in web addresses are kept). */
export function plainOf(cardText: unknown): string {
  return typeof cardText === 'string' ? cardText.replace(/\\([\\`*_[\]<>~|+#.)-])/g, '$1') : '';
}

/** Cuts text to a length, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A plain_text object (Slack shows it as written). */
export const plain = (text: string, max: number = LIMITS.sectionText): Block => ({ type: 'plain_text', text: clip(text || ' ', max) });

type Run = { text: string; style?: { bold?: boolean; italic?: boolean } };

/** A button carrying a card action's data as its value; the action id says its place in the message. */
export function buttonBlock(action: Element, index: number): Block | null {
  const title = clip(String(action.title ?? 'Open'), LIMITS.buttonText);
  if (action.type === 'Action.OpenUrl' && typeof action.url === 'string') {
    return { type: 'button', action_id: `url:${index}`, text: plain(title, LIMITS.buttonText), url: action.url };
  }
  const data = (action.data ?? (action.fallback as Element | undefined)?.data) as Element | undefined;
  if (!data || typeof data.verb !== 'string') return null;
  const value = JSON.stringify(data);
  if (value.length > LIMITS.buttonValue) return null;
  const style = action.style === 'positive' ? { style: 'primary' } : action.style === 'destructive' ? { style: 'danger' } : {};
  return { type: 'button', action_id: `verb:${index}`, text: plain(title, LIMITS.buttonText), value, ...style };
}

/** Builds blocks from card elements, merging runs of text into one rich_text block. */
export class BlockWriter {
  readonly blocks: Block[] = [];
  private runs: Run[] = [];
  private length = 0;
  private buttons = 0;

  /** What the elements hold that Slack messages cannot show: inputs (for a modal) and the buttons that send them. */
  readonly inputs: Element[] = [];

  constructor(private readonly options: { keepInputs: boolean; dropInputButtons: boolean }) {}

  /** Adds card body elements (TextBlock, FactSet, Container, ActionSet, inputs). */
  add(elements: unknown[]): void {
    for (const element of elements) if (element && typeof element === 'object') this.element(element as Element);
  }

  /** Adds a row of buttons. */
  addButtons(actions: unknown[]): void {
    this.flush();
    const elements = actions
      .filter((a): a is Element => Boolean(a) && typeof a === 'object')
      .filter((a) => !(this.options.dropInputButtons && this.inputs.length && (a.associatedInputs ?? 'auto') !== 'none'))
      .map((a) => buttonBlock(a, this.buttons++))
      .filter((b): b is Block => b !== null)
      .slice(0, LIMITS.buttonsPerActions);
    if (elements.length) this.blocks.push({ type: 'actions', elements });
  }

  /** Finishes any text in progress and returns the blocks. */
  done(): Block[] {
    this.flush();
    return this.blocks;
  }

  private element(el: Element): void {
    switch (el.type) {
      case 'TextBlock':
        this.textBlock(el);
        break;
      case 'FactSet':
        this.facts(el);
        break;
      case 'Container':
        if (el.separator) this.divider();
        this.add(Array.isArray(el.items) ? el.items : []);
        break;
      case 'ActionSet':
        this.addButtons(Array.isArray(el.actions) ? el.actions : []);
        break;
      case 'Input.Text':
      case 'Input.Number':
      case 'Input.ChoiceSet':
        this.inputs.push(el);
        if (this.options.keepInputs) this.input(el);
        break;
      default:
        break;
    }
  }

  private textBlock(el: Element): void {
    const words = plainOf(el.text);
    if (!words.trim()) return;
    const isHeading = el.style === 'heading' || ['Medium', 'Large', 'ExtraLarge'].includes(String(el.size));
    if (isHeading && words.length <= LIMITS.header) {
      this.flush();
      this.blocks.push({ type: 'header', text: plain(words, LIMITS.header) });
      return;
    }
    const mark = typeof el.color === 'string' ? COLOUR_MARKS[el.color.toLowerCase()] : undefined;
    const style = { ...(el.weight === 'Bolder' || isHeading ? { bold: true } : {}), ...(el.isSubtle ? { italic: true } : {}) };
    this.text(`${mark ? `${mark} ` : ''}${words}`, Object.keys(style).length ? style : undefined);
  }

  private text(words: string, style?: Run['style']): void {
    if (this.length + words.length > LIMITS.sectionText) this.flush();
    const text = clip(words, LIMITS.sectionText);
    this.runs.push({ text: this.runs.length ? `\n${text}` : text, ...(style ? { style } : {}) });
    this.length += text.length + 1;
  }

  private facts(el: Element): void {
    this.flush();
    const facts = (Array.isArray(el.facts) ? el.facts : []) as { title?: unknown; value?: unknown }[];
    for (let i = 0; i < facts.length; i += LIMITS.fieldsPerSection) {
      const fields = facts
        .slice(i, i + LIMITS.fieldsPerSection)
        .map((f) => plain(`${plainOf(f.title)}: ${plainOf(f.value)}`, LIMITS.field));
      this.blocks.push({ type: 'section', fields });
    }
  }

  private divider(): void {
    this.flush();
    if (this.blocks.length && this.blocks.at(-1)?.type !== 'divider') this.blocks.push({ type: 'divider' });
  }

  private flush(): void {
    if (!this.runs.length) return;
    const elements = this.runs.map((r) => ({ type: 'text', text: r.text, ...(r.style ? { style: r.style } : {}) }));
    this.blocks.push({ type: 'rich_text', elements: [{ type: 'rich_text_section', elements }] });
    this.runs = [];
    this.length = 0;
  }

  /** An input block for a modal. */
  private input(el: Element): void {
    this.flush();
    const id = String(el.id);
    const label = plain(plainOf(el.label) || id, 2000);
    const optional = !el.isRequired;
    let element: Block;
    if (el.type === 'Input.ChoiceSet') {
      const choices = (Array.isArray(el.choices) ? el.choices : []) as { title?: unknown; value?: unknown }[];
      const options = choices.map((c) => ({ text: plain(plainOf(c.title), LIMITS.optionText), value: String(c.value) }));
      const initial = options.find((o) => o.value === el.value);
      element = { type: 'static_select', action_id: id, options, ...(initial ? { initial_option: initial } : {}) };
    } else if (el.type === 'Input.Number') {
      element = {
        type: 'number_input',
        action_id: id,
        is_decimal_allowed: false,
        ...(typeof el.min === 'number' ? { min_value: String(el.min) } : {}),
        ...(el.value !== undefined && el.value !== null ? { initial_value: String(el.value) } : {}),
      };
    } else {
      element = {
        type: 'plain_text_input',
        action_id: id,
        multiline: Boolean(el.isMultiline),
        ...(typeof el.maxLength === 'number' ? { max_length: el.maxLength } : {}),
        ...(typeof el.value === 'string' && el.value ? { initial_value: el.value } : {}),
      };
    }
    const placeholder = typeof el.placeholder === 'string' ? { placeholder: plain(el.placeholder, 150) } : {};
    const withPlaceholder = el.type === 'Input.ChoiceSet' || el.type === 'Input.Number' || el.type === 'Input.Text';
    this.blocks.push({
      type: 'input',
      block_id: id,
      label,
      optional,
      element: { ...element, ...(withPlaceholder ? placeholder : {}) },
    });
  }
}
