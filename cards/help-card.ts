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
  'what changed this week?',
] as const;

/** What coordinators can ask for, shown under the questions. */
export const COORDINATOR_EXAMPLES = [
  'start an update round for the board meeting on 4 December',
  'update round status',
  'schedule the Channel panel monthly on the first Tuesday at 10:00',
  'list schedules',
  'make Ali Burlington a lead for CST',
  'post updates here',
  'draft the board report for the 4 December board',
  'which toolkit areas have no action?',
] as const;

const ECHO_LIMIT = 120;

/** A short help card: what was not understood (when given) and example questions. */
export function buildHelpCard(input: { notUnderstood?: string } = {}): CardResult {
  const echoed = input.notUnderstood ? shorten(plainText(input.notUnderstood), ECHO_LIMIT) : '';
  const lines: string[] = [];
  const body: Element[] = [];
  if (echoed) {
    const sorry = `I didn't understand "${echoed}".`;
    body.push(text(sorry));
    lines.push(sorry);
  }
  const title = 'Here are some things you can ask me';
  body.push(heading(title));
  lines.push(`${title}:`);
  const bullets = HELP_EXAMPLES.map((example) => `- ${example}`);
  body.push(text(bullets.join('\n'), { spacing: 'Small' }));
  lines.push(...bullets);
  const coordinatorTitle = 'Coordinators can also say';
  const coordinatorBullets = COORDINATOR_EXAMPLES.map((example) => `- ${example}`);
  body.push(text(coordinatorTitle, { weight: 'Bolder' }), text(coordinatorBullets.join('\n'), { spacing: 'Small', isSubtle: true }));
  lines.push(`${coordinatorTitle}:`, ...coordinatorBullets);
  return { card: adaptiveCard(body), text: lines.join('\n') };
}
