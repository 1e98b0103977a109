import type { OrganisationInfo } from '../plan/types.js';

/** A starting directory of Prevent partners: the City of London ones and the usual generic partners. */
export const DEFAULT_ORGANISATIONS: OrganisationInfo[] = [
  {
    name: 'CoLC Community Safety Team',
    aliases: ['CST', 'CoLC CST', 'CoLC Community Safety Team (CST)', 'Community Safety Team'],
  },
  {
    name: 'City of London Police Prevent team',
    aliases: ['CoLP', 'CoLP Prevent team', 'City of London Police (CoLP) Prevent team', 'City of London Police', 'CoLP Prevent'],
  },
  { name: 'CoLC Learning and Development', aliases: ['Learning and Development', 'CoLC L&D'] },
  { name: 'All stakeholders', aliases: ['All partners'] },
  { name: 'London Probation Service', aliases: ['Probation', 'Probation Service', 'National Probation Service', 'NPS'] },
  { name: 'Public Protection Unit', aliases: ['PPU'] },
  { name: 'Channel members', aliases: ['Channel panel members', 'Channel panel'] },
  { name: 'CoLC VAWG Forum', aliases: ['VAWG Forum'] },
  { name: 'Schools', aliases: ['Schools and early years', 'Education settings', 'Education sector'] },
  { name: 'NHS and health partners', aliases: ['NHS', 'Health', 'Health partners', 'NHS Trusts', 'Public Health'] },
  {
    name: 'Further and higher education',
    aliases: ['Further education', 'Higher education', 'FE/HE', 'Colleges', 'Universities', 'Colleges and universities'],
  },
  { name: 'Businesses', aliases: ['Local businesses', 'Business community', 'Business partners'] },
  { name: 'Faith groups', aliases: ['Faith and community groups', 'Faith communities', 'Places of worship'] },
  { name: 'Community groups', aliases: ['Voluntary and community sector', 'VCS', 'Community and voluntary groups'] },
  { name: 'CoLC Adult Social Care', aliases: ['Adult Social Care', 'ASC'] },
  { name: "CoLC Children's Social Care", aliases: ["Children's Social Care", 'Children’s Social Care', 'CSC'] },
  { name: 'Home Office', aliases: ['Home Office Prevent', 'HO'] },
];

/** Known organisations for matching leads: the partnership's own, then the bundled directory. */
export function mergeOrganisations(own: OrganisationInfo[], defaults: OrganisationInfo[]): OrganisationInfo[] {
  const seen = new Set(own.map((o) => o.name.toLowerCase()));
  return [...own, ...defaults.filter((o) => !seen.has(o.name.toLowerCase()))];
}
