import type { Random } from './random.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A deadline as people write it in plans, around the given year; "See N above" only when there is an earlier action. */
export function deadlineText(random: Random, year: number, ref: number): string {
  const y = year + random.int(-1, 2);
  const kinds: [() => string, number][] = [
    [() => 'Ongoing', 20],
    [() => 'Ongoing – bi-weekly', 3],
    [() => 'Ongoing – monthly', 4],
    [() => 'Quarterly', 4],
    [() => 'Every six months', 2],
    [() => 'Annual', 3],
    [() => `${random.pick(MONTHS)} ${y}`, 22],
    [() => `${random.int(1, 28)} ${random.pick(MONTHS)} ${y}`, 4],
    [() => `${y}–${String((y + 1) % 100).padStart(2, '0')}`, 5],
    [() => 'Complete/ continue to review', 4],
    [() => `March ${y} and annual review`, 3],
    [() => 'When resources allow', 2],
  ];
  if (ref > 3) kinds.push([() => `See ${random.int(1, ref - 1)} above`, 2]);
  return random.weighted(kinds)();
}

/** Free-text notes on an action as coordinators keep them (often empty). */
export function actionNotes(random: Random, partner: string): string {
  return random.weighted<() => string>([
    [() => '', 20],
    [() => `Sessions delivered to ${random.int(3, 12)} teams; ${random.int(20, 180)} staff trained so far`, 6],
    [() => `A ${partner} representative attends these meetings regularly`, 5],
    [() => 'Awaiting dates from Counter Terrorism Policing', 4],
    [() => `Draft circulated to partners in ${random.pick(MONTHS)}; comments due back`, 4],
    [() => 'Paused during the pre-election period; restarting next quarter', 2],
    [() => `Discussed at the ${random.pick(MONTHS)} board; no concerns raised`, 4],
    [() => 'This feeds into training, engagement and awareness-raising throughout this plan', 3],
    [() => `Funding bid submitted to the Home Office (£${random.int(5, 60)}k)`, 2],
  ])();
}

/** The note a lead gives with an update. */
export function updateNote(random: Random, partner: string): string {
  return random.weighted<() => string>([
    [() => '', 12],
    [() => `${random.int(1, 6)} sessions delivered this quarter; ${random.int(10, 160)} people trained.`, 10],
    [() => `Met ${partner} to agree next steps.`, 8],
    [() => 'Delayed: waiting for a Home Office funding decision.', 3],
    [() => 'Discussed at the partnership board; no change.', 8],
    [() => 'Draft shared with partners for comment.', 5],
    [() => 'Completed and signed off by the board.', 3],
    [() => 'Slipped because of staff absence; new date agreed.', 4],
    [() => `Good attendance at the ${random.pick(MONTHS)} forum (${random.int(8, 40)} partners).`, 5],
    [() => 'Reviewed against the Prevent duty toolkit.', 3],
    [() => 'Training materials refreshed with new case studies.', 3],
    [() => `Referral numbers reported: ${random.int(2, 30)} this quarter.`, 4],
    [() => 'On track.', 6],
  ])();
}

/** The plan's objectives, in the words plans use. */
export function objectives(place: string): string[] {
  return [
    `Equip council staff, partner agencies and communities in ${place} with the skills and knowledge to identify concerns and make referrals`,
    'Tackle the causes of radicalisation and respond to the ideological challenge of terrorism',
    'Safeguard and support those most at risk of radicalisation through the Channel panel and early intervention',
    'Build stronger partnerships with communities, civil society groups and faith groups',
  ];
}
