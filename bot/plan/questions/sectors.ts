import type { OrganisationInfo } from '../types.js';
import { phraseStems } from './tokens.js';

/** A kind of partner people name instead of an organisation: "the police", "the council", "health". */
export interface Sector {
  key: string;
  /** how the answer names it: "No action is led by health partners" */
  label: string;
  /** phrases that name the sector, as stems */
  phrases: string[][];
  /** words in an organisation's name or alias that put it in the sector */
  marks: string[];
}

const sector = (key: string, label: string, phrases: string[], marks: string[]): Sector => ({
  key,
  label,
  phrases: phrases.map(phraseStems),
  marks: marks.flatMap(phraseStems),
});

/** The sectors of a Prevent partnership (the Home Office toolkit's usual partners). */
export const SECTORS: Sector[] = [
  sector('police', 'the police', ['police', 'polic', 'colp', 'the force', 'officers', 'counter terrorism policing'], ['police', 'colp']),
  sector(
    'council',
    'the council',
    ['council', 'local authority', 'la', 'colc', 'corporation', 'city corporation', 'city of london corporation', 'the corporation'],
    ['colc', 'council', 'corporation'],
  ),
  sector(
    'health',
    'health partners',
    ['health', 'nhs', 'icb', 'integrated care board', 'gp', 'gps', 'hospital', 'hospitals', 'health service', 'health trust', 'nhs trust'],
    ['nhs', 'health', 'icb'],
  ),
  sector(
    'schools',
    'schools',
    ['school', 'schools', 'education', 'colleges', 'college', 'university', 'universities', 'academy', 'academies', 'teachers'],
    ['school', 'education', 'college', 'university'],
  ),
  sector('probation', 'probation', ['probation', 'nps', 'probation service', 'offender management'], ['probation']),
  sector(
    'faith',
    'faith groups',
    ['faith', 'faith groups', 'faith sector', 'church', 'churches', 'mosque', 'mosques', 'synagogue', 'places of worship'],
    ['faith', 'worship'],
  ),
  sector(
    'business',
    'businesses',
    ['business', 'businesses', 'business sector', 'business community', 'local businesses', 'employers', 'employer', 'private sector'],
    ['business'],
  ),
  sector(
    'voluntary',
    'voluntary and community groups',
    ['voluntary sector', 'voluntary', 'vcs', 'charity', 'charities', 'third sector', 'community groups', 'community sector'],
    ['voluntary', 'vcs', 'charity'],
  ),
];

/** The organisations of a sector: those whose name or an alias has one of its marks. */
export function sectorOrganisations(sector: Sector, organisations: OrganisationInfo[]): string[] {
  return organisations
    .filter((o) => [o.name, ...o.aliases].some((text) => phraseStems(text).some((w) => sector.marks.includes(w))))
    .map((o) => o.name);
}
