import type { PlanAction } from './types.js';

/** The eight areas of the Home Office Prevent duty toolkit for local authorities (2024), in toolkit order. */
export const TOOLKIT_SECTIONS = [
  'partnership-group',
  'risk-assessment',
  'partnership-plan',
  'referral-pathway',
  'channel-panel',
  'training',
  'permissive-environments',
  'communications',
] as const;
export type ToolkitSection = (typeof TOOLKIT_SECTIONS)[number];

/** How people write each section. */
export const TOOLKIT_NAMES: Record<ToolkitSection, string> = {
  'partnership-group': 'Partnership group',
  'risk-assessment': 'Risk assessment',
  'partnership-plan': 'Partnership plan',
  'referral-pathway': 'Referral pathway',
  'channel-panel': 'Channel panel',
  training: 'Training',
  'permissive-environments': 'Reducing permissive environments',
  communications: 'Communications and engagement',
};

/** Words (as regular expressions over lower-case text) that suggest an action serves a section. */
const CUES: Record<ToolkitSection, RegExp> = {
  'partnership-group':
    /\b(?:prevent (?:board|network|leads?)|forums?|partnership (?:board|group)|steering group|governance|representatives? (?:are|is) present|safeguarding (?:meetings?|board)|working arrangements?|partnership (?:knowledge|working))\b/,
  'risk-assessment':
    /\b(?:risk assessments?(?! conference)|counter terrorism local profile|ctlp|ctltp|local profile|threat|needs assessment|map(?:ping)? (?:our|the)? ?(?:engagement|activity)|gaps in our approach|understanding of)\b/,
  'partnership-plan': /\b(?:action plan|delivery plan|strategy|strategic plan|prevent policy|policy and|review (?:the|our) plan)\b/,
  'referral-pathway':
    /\b(?:referrals?|pathways?|making referrals|raise concerns|report(?:ing)? concerns|safeguarding (?:referrals?|concerns))\b/,
  'channel-panel': /\b(?:channel (?:panel|process(?:es)?|guidance|members|leads?)|channel\b)/,
  training:
    /\b(?:train(?:ing|ed)?|wrap|workshops?|webinars?|e-learning|awareness sessions?|sessions?|apprentices|knowledge (?:is|up to date))\b/,
  'permissive-environments':
    /\b(?:permissive|venues?|premises|lettings|speakers?|hate crime|online (?:safety|harms?)|filtering|extremist (?:material|content)|procurement|due diligence)\b/,
  communications:
    /\b(?:communications?|campaigns?|act early|material|literature|newsletters?|social media|website|promote|engage(?:ment)?|faith groups?|communities|businesses|distribution list|circulate key information)\b/,
};

/** Sections an outcome alone can suggest: outcomes often mention referrals, training and engagement in passing. */
const OUTCOME_SECTIONS = new Set<ToolkitSection>(['risk-assessment', 'partnership-plan', 'channel-panel', 'permissive-environments']);

/** The toolkit sections an action's words suggest (its title; its outcome for a few), in toolkit order (may be empty). Pure. */
export function suggestToolkitSections(action: Pick<PlanAction, 'title' | 'outcome'>): ToolkitSection[] {
  const lower = (t: string) => t.toLowerCase().replace(/[’']/g, "'");
  const title = lower(action.title);
  const outcome = lower(action.outcome);
  return TOOLKIT_SECTIONS.filter((s) => CUES[s].test(title) || (OUTCOME_SECTIONS.has(s) && CUES[s].test(outcome)));
}

/** A section name as typed ("Channel panel", "comms", "training") to its key, or null. */
export function parseToolkitSection(text: string): ToolkitSection | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!t) return null;
  const exact = TOOLKIT_SECTIONS.find((s) => s.replace(/-/g, ' ') === t || TOOLKIT_NAMES[s].toLowerCase() === t);
  if (exact) return exact;
  if (/^comms?|^communication|engagement/.test(t)) return 'communications';
  if (/permissive/.test(t)) return 'permissive-environments';
  if (/^channel/.test(t)) return 'channel-panel';
  if (/referral/.test(t)) return 'referral-pathway';
  if (/risk/.test(t)) return 'risk-assessment';
  if (/plan|strategy/.test(t)) return 'partnership-plan';
  if (/group|board|governance/.test(t)) return 'partnership-group';
  if (/train/.test(t)) return 'training';
  return null;
}

/** Which sections have at least one action and which have none, given each action's sections. */
export function toolkitCoverage(tags: Record<number, readonly string[]>): { covered: ToolkitSection[]; uncovered: ToolkitSection[] } {
  const used = new Set(Object.values(tags).flat());
  return {
    covered: TOOLKIT_SECTIONS.filter((s) => used.has(s)),
    uncovered: TOOLKIT_SECTIONS.filter((s) => !used.has(s)),
  };
}
