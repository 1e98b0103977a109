import type { Area } from './places.js';

/** What an organisation does in a plan, so actions pick sensible leads. */
export type OrgKey =
  | 'cst'
  | 'police'
  | 'ld'
  | 'all'
  | 'probation'
  | 'safeguarding'
  | 'schools'
  | 'college'
  | 'university'
  | 'health'
  | 'channel'
  | 'housing'
  | 'faith'
  | 'community'
  | 'business'
  | 'asc'
  | 'csc'
  | 'homeoffice'
  | 'licensing'
  | 'comms'
  | 'dfe'
  | 'yjs';

/** A generated organisation with the aliases people use for it. */
export interface GeneratedOrganisation {
  key: OrgKey;
  name: string;
  aliases: string[];
}

/** Initials of a name's significant words: "West Yorkshire Police" -> "WYP". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w && !/^(and|of|upon|on|the|with|in|under)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

/** The organisations of an area's partnership: always the core partners, then a selection of the others. */
export function organisationsFor(area: Area, includeOptional: (key: OrgKey) => boolean): GeneratedOrganisation[] {
  const p = area.place;
  const council = `${p} Council`;
  const c = initials(council);
  const force = area.force;
  const f = initials(force);
  const all: [boolean, GeneratedOrganisation][] = [
    [
      true,
      { key: 'cst', name: `${council} Community Safety Team`, aliases: ['CST', `${c} CST`, 'Community Safety Team', `${council} CST`] },
    ],
    [
      true,
      {
        key: 'police',
        name: `${force} Prevent team`,
        aliases: [`${f} Prevent`, `${f} Prevent team`, `${f}`, 'Police Prevent team', force],
      },
    ],
    [true, { key: 'all', name: 'All stakeholders', aliases: ['All partners'] }],
    [true, { key: 'channel', name: 'Channel panel members', aliases: ['Channel panel', 'Channel members'] }],
    [true, { key: 'schools', name: 'Schools', aliases: ['Education settings', 'Schools and early years'] }],
    [true, { key: 'health', name: `NHS ${p} Integrated Care Board`, aliases: ['ICB', 'NHS', 'Health', 'Health partners'] }],
    [false, { key: 'ld', name: `${council} Learning and Development`, aliases: ['Learning and Development', `${c} L&D`, 'L&D'] }],
    [false, { key: 'probation', name: 'Probation Service', aliases: ['Probation', 'NPS', 'National Probation Service'] }],
    [
      false,
      { key: 'safeguarding', name: `${p} Safeguarding Partnership`, aliases: [`${initials(p)}SP`, 'Safeguarding Partnership', 'LSCP'] },
    ],
    [false, { key: 'college', name: `${p} College`, aliases: ['College', 'Further education', 'FE'] }],
    [false, { key: 'university', name: `University of ${p}`, aliases: ['University', 'Higher education', 'HE'] }],
    [false, { key: 'housing', name: `${council} Housing`, aliases: ['Housing', 'Housing team'] }],
    [false, { key: 'faith', name: `${p} Faith Forum`, aliases: ['Faith forum', 'Faith groups', 'Faith communities'] }],
    [false, { key: 'community', name: 'Voluntary and community sector', aliases: ['VCS', 'Community groups'] }],
    [false, { key: 'business', name: `${p} Business Improvement District`, aliases: ['BID', 'Local businesses', 'Businesses'] }],
    [false, { key: 'asc', name: `${council} Adult Social Care`, aliases: ['Adult Social Care', 'ASC'] }],
    [false, { key: 'csc', name: `${council} Children's Social Care`, aliases: ["Children's Social Care", 'CSC'] }],
    [false, { key: 'homeoffice', name: 'Home Office', aliases: ['Home Office Prevent', 'HO'] }],
    [false, { key: 'licensing', name: `${council} Licensing`, aliases: ['Licensing', 'Licensing team'] }],
    [false, { key: 'comms', name: `${council} Communications`, aliases: ['Comms', 'Communications team'] }],
    [false, { key: 'dfe', name: 'DfE Regional Prevent Coordinator', aliases: ['DfE RPC', 'RPC', 'DfE'] }],
    [false, { key: 'yjs', name: `${p} Youth Justice Service`, aliases: ['YJS', 'Youth Justice', 'Youth Offending Service'] }],
  ];
  return all.filter(([core, org]) => core || includeOptional(org.key)).map(([, org]) => org);
}
