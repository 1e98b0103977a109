import { largestFitting } from './budget.js';
import { actionSet, adaptiveCard, button, factSet, heading, text, type CardResult, type Element } from './elements.js';
import { shorten } from './format.js';
import { VERBS } from './verbs.js';

/** What a coordinator sees before importing a file sent in chat: everything here is already worked out (pure builder). */
export interface ImportPreviewInput {
  importId: number;
  fileName: string;
  planTitle: string;
  /** "12 actions in 3 themes" */
  totals: string;
  /** [theme, count] and [RAG in words, count] */
  themes: [string, string][];
  rags: [string, string][];
  warnings: string[];
  /** what changes against the current plan, conflicts first */
  changes: string[];
  /** actions changed in chat since the last import that the file says otherwise: offers a second Import that takes the file's */
  conflicts: number;
  /** which plan the import becomes ("a new plan, 2025–26; the live plan stays 2020–24 unless you make it live") */
  which?: string[];
  /** the file's plan would not be live: offers "Import and make it live" */
  offerMakeLive?: boolean;
}

function build(input: ImportPreviewInput, lines: number): CardResult {
  const title = `Import "${shorten(input.planTitle, 150)}" from ${shorten(input.fileName, 100)}?`;
  const body: Element[] = [heading(title), text(`${input.totals}. Nothing changes until you press Import.`)];
  const out = [title, `${input.totals}. Nothing changes until you press Import.`];
  for (const line of input.which ?? []) {
    body.push(text(shorten(line, 400), { weight: 'Bolder', color: 'Attention' }));
    out.push(line);
  }
  body.push(text('By theme', { weight: 'Bolder', spacing: 'Medium' }), factSet(input.themes.map(([k, v]) => [shorten(k, 80), v])));
  out.push('By theme:', ...input.themes.map(([k, v]) => `  ${k}: ${v}`));
  body.push(text('By RAG rating', { weight: 'Bolder', spacing: 'Medium' }), factSet(input.rags));
  out.push('By RAG rating:', ...input.rags.map(([k, v]) => `  ${k}: ${v}`));
  const section = (name: string, items: string[]): void => {
    if (items.length === 0) return;
    const shown = items.slice(0, lines).map((line) => shorten(line, 400));
    const hidden = items.length - shown.length;
    body.push(text(name, { weight: 'Bolder', spacing: 'Medium' }), ...shown.map((line) => text(line, { spacing: 'Small' })));
    if (hidden > 0) body.push(text(`${hidden} more not shown.`, { isSubtle: true }));
    out.push(`${name}:`, ...shown.map((line) => `  ${line}`), ...(hidden > 0 ? [`  ${hidden} more not shown.`] : []));
  };
  section('Against the current plan', input.changes);
  section('Warnings', input.warnings);
  const buttons = [
    button('Import', VERBS.importPlan, { importId: input.importId }, { style: 'positive', associatedInputs: 'none' }),
    ...(input.offerMakeLive
      ? [button('Import and make it live', VERBS.importPlan, { importId: input.importId, makeLive: true }, { associatedInputs: 'none' })]
      : []),
    ...(input.conflicts > 0
      ? [
          button(
            "Import, taking the file's ratings",
            VERBS.importPlan,
            { importId: input.importId, prefer: 'file' },
            { associatedInputs: 'none' },
          ),
        ]
      : []),
    button('Cancel', VERBS.cancelImport, { importId: input.importId }, { associatedInputs: 'none' }),
  ];
  body.push(actionSet(buttons, { spacing: 'Medium' }));
  out.push(
    input.conflicts > 0
      ? "Press Import to save it (keeping the newer chat updates), Import, taking the file's ratings, or Cancel."
      : 'Press Import to save it, or Cancel.',
  );
  if (input.offerMakeLive) out.push('Import and make it live saves it and makes it the live plan, archiving the live one.');
  return { card: adaptiveCard(body), text: out.join('\n') };
}

/** The preview card for a plan file: plan title, counts per theme and RAG, warnings, changes, and Import / Cancel. */
export function buildImportPreviewCard(input: ImportPreviewInput): CardResult {
  return largestFitting(25, 3, (lines) => build(input, lines));
}
