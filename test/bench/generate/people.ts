import type { GeneratedOrganisation } from './organisations.js';
import { FAMILY_NAMES, GIVEN_NAMES } from './people-names.js';
import type { Random } from './random.js';
import type { GeneratedPerson } from './types.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The e-mail domain of someone working for an organisation. */
function domainOf(org: GeneratedOrganisation | undefined, place: string): string {
  if (!org) return `${slug(place)}-partners.org.uk`;
  if (org.key === 'police') return `${slug(org.name.replace(/ Prevent team$/, ''))}.police.uk`;
  if (org.key === 'health') return 'nhs.net';
  if (org.key === 'probation') return 'justice.gov.uk';
  if (org.key === 'homeoffice') return 'homeoffice.gov.uk';
  if (org.key === 'dfe') return 'education.gov.uk';
  return /Council/.test(org.name) ? `${slug(place)}.gov.uk` : `${slug(org.name)}.org.uk`;
}

/**
 * A partnership's people: coordinators in the community safety team, one to three leads for each organisation
 * that leads actions (a few granted before they first spoke, so still "pending"), members, and panel members.
 */
export function generatePeople(
  random: Random,
  place: string,
  organisations: GeneratedOrganisation[],
  leadOrgs: Set<number>,
  createdAt: Date,
): GeneratedPerson[] {
  const used = new Set<string>();
  const people: GeneratedPerson[] = [];
  const add = (role: GeneratedPerson['role'], organisation: number | null, pendingChance = 0) => {
    let name = '';
    do name = `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`;
    while (used.has(name.toLowerCase()));
    used.add(name.toLowerCase());
    const pending = random.chance(pendingChance);
    const org = organisation === null ? undefined : organisations[organisation];
    people.push({
      chatId: pending ? `pending:${name.toLowerCase()}` : `29:1${random.hex(40)}`,
      displayName: name,
      email: pending
        ? null
        : `${name
            .toLowerCase()
            .replace(/[^a-z ]/g, '')
            .replace(' ', '.')}@${domainOf(org, place)}`,
      organisation,
      role,
      panelMember: false,
      createdAt: new Date(createdAt.getTime() + random.int(0, 3 * 365) * 86_400_000),
    });
  };
  const cst = organisations.findIndex((o) => o.key === 'cst');
  for (let i = random.int(1, 3); i > 0; i--) add('coordinator', cst);
  for (const org of [...leadOrgs].sort((a, b) => a - b)) {
    if (['all', 'channel'].includes(organisations[org]!.key)) continue;
    for (let i = random.int(1, 3); i > 0; i--) add('lead', org, 0.05);
  }
  const staffed = organisations.map((_, i) => i).filter((i) => !['all', 'channel'].includes(organisations[i]!.key));
  for (let i = random.int(40, 100); i > 0; i--) add('member', random.chance(0.85) ? random.pick(staffed) : null);
  for (const person of random.sample(
    people.filter((p) => !p.chatId.startsWith('pending:')),
    random.int(5, 9),
  ))
    person.panelMember = true;
  return people;
}
