import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { parseToolkitSection, TOOLKIT_NAMES, TOOLKIT_SECTIONS, toolkitCoverage } from '../../plan/toolkit.js';

/** "which toolkit areas have no action?": the Prevent duty toolkit areas with no action, and how many actions each other area has. */
export async function toolkitCoverageHandler(input: MessageInput): Promise<Reply> {
  const { store } = input.services;
  const plan = await store.plans.require(input.partnership);
  const tags = await store.toolkit.tags(input.partnership);
  const { uncovered } = toolkitCoverage(tags);
  const refs = (section: string) => plan.actions.filter((a) => tags[a.id]?.some((s) => s === section)).map((a) => a.ref);
  const untagged = plan.actions.filter((a) => !tags[a.id]?.length).map((a) => a.ref);
  return buildMessageCard({
    title: uncovered.length
      ? `No action covers: ${uncovered.map((s) => TOOLKIT_NAMES[s]).join(', ')}`
      : 'Every Prevent duty toolkit area has at least one action',
    lines: [
      ...TOOLKIT_SECTIONS.map((s) => {
        const r = refs(s);
        return `${TOOLKIT_NAMES[s]}: ${r.length ? `${r.length} action${r.length === 1 ? '' : 's'} (${r.join(', ')})` : 'no action'}`;
      }),
      ...(untagged.length ? [`Actions with no toolkit area: ${untagged.join(', ')}.`] : []),
      'Areas are suggested from each action’s words; a coordinator can change them: “tag action 21 with referral pathway”, “untag action 5 from risk assessment”.',
    ],
  });
}

/** "tag action 12 with Channel panel" / "untag action 12 from training" (coordinators). */
export async function toolkitTagHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const typed = match[3] ?? '';
  const section = parseToolkitSection(typed);
  if (!section)
    return buildMessageCard({
      lines: [`“${typed}” is not a Prevent duty toolkit area. The areas are: ${TOOLKIT_SECTIONS.map((s) => TOOLKIT_NAMES[s]).join(', ')}.`],
    });
  const result = await input.services.store.toolkit.setTag({
    partnership: input.partnership,
    ref: Number(match[2]),
    section,
    on: match[1]?.toLowerCase() === 'tag',
  });
  const areas = result.sections.length ? result.sections.map((s) => TOOLKIT_NAMES[s]).join(', ') : 'none';
  return buildMessageCard({ lines: [`Action ${result.ref} (${result.title}) now covers: ${areas}.`] });
}
