import { adaptiveCard, heading, text, type CardResult, type Element } from './elements.js';
import { plainText, shorten } from './format.js';

/** Example questions the bot understands, in the words people use. */
export const HELP_EXAMPLES = [
  "what's amber?",
  "what's overdue?",
  'what is CoLP leading?',
  'show action 12',
  'anything on faith groups?',
  'summary',
  'update action 18',
  'history of action 18',
  'which actions are behind?',
] as const;

/** What coordinators can ask for; each is shown under "help updates", "help reminders" or "help reports". */
export const COORDINATOR_EXAMPLES = [
  'start an update round for the board meeting on 4 December',
  'update round status',
  'schedule the Channel panel monthly on the first Tuesday at 10:00',
  'list schedules',
  'make @Ali Burlington a lead for CST',
  'move action 18 to end of March',
  'Ali Burlington owns action 18',
  'post updates here',
  'draft the board report for the 4 December board',
  'which toolkit areas have no action?',
] as const;

/** More help by topic: "help updates", "help reminders", "help reports". */
export const HELP_TOPIC_EXAMPLES = {
  updates: {
    title: 'Updating actions',
    examples: [
      'update action 18',
      'update 18 to amber',
      "I've got an update on faith groups",
      'my actions',
      'what do I need to update?',
      'history of action 18',
      'who can update',
      'make @Ali Burlington a lead for CST',
      'move action 18 to end of March',
      'reword action 18: Engage with and support faith and community groups',
      'action 18 is led by CoLP and CST',
      'Ali Burlington owns action 18',
      'what does Ali own?',
      'add action 25 to Other: Review the plan, led by CST, due 31/03/2027',
      'close action 18',
    ],
  },
  reminders: {
    title: 'Meetings and reminders',
    examples: [
      'schedule the Channel panel monthly on the first Tuesday at 10:00',
      'list schedules',
      'move the forum to 12 March',
      'stop reminding me about action 7 until January',
      'remind me about action 7 again',
      'send my digest on Fridays at 16:00',
    ],
  },
  reports: {
    title: 'Reports and update rounds',
    examples: [
      'summary',
      'what changed this week?',
      'start an update round for the board meeting on 4 December',
      'update round status',
      'delivery problems',
      'show the digest',
      'post updates here',
      'draft the board report for the 4 December board',
      'which toolkit areas have no action?',
      'list plans',
      'in the 2020–24 plan, what was red?',
      "start next year's plan",
    ],
  },
} as const;

/** The line that points to the rest of the help. */
export const MORE_HELP = 'For more, say "help updates", "help reminders" or "help reports".';

const ECHO_LIMIT = 120;

/**
 * A short help card: what was not understood (when given, with close words it may have meant) and example
 * questions, pointing to "help updates", "help reminders" and "help reports"; or the examples of one topic.
 */
export function buildHelpCard(
  input: { notUnderstood?: string; didYouMean?: string[]; topic?: keyof typeof HELP_TOPIC_EXAMPLES } = {},
): CardResult {
  const echoed = input.notUnderstood ? shorten(plainText(input.notUnderstood), ECHO_LIMIT) : '';
  const lines: string[] = [];
  const body: Element[] = [];
  if (echoed) {
    const meant = input.didYouMean?.length ? ` Did you mean "${input.didYouMean.slice(0, 3).join('" or "')}"?` : '';
    const sorry = `I didn't understand "${echoed}".${meant}`;
    body.push(text(sorry));
    lines.push(sorry);
  }
  const topic = input.topic ? HELP_TOPIC_EXAMPLES[input.topic] : undefined;
  const title = topic ? topic.title : 'Here are some things you can ask me';
  body.push(heading(title));
  lines.push(`${title}:`);
  const bullets = (topic?.examples ?? HELP_EXAMPLES).map((example) => `- ${example}`);
  body.push(text(bullets.join('\n'), { spacing: 'Small' }));
  lines.push(...bullets);
  body.push(text(MORE_HELP, { isSubtle: true }));
  lines.push(MORE_HELP);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
