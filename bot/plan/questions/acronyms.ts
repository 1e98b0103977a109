import { phraseStems } from './tokens.js';

/**
 * Acronyms Prevent partnerships use, with what they stand for, so that either finds the other
 * ("MAPPA" finds "Multi-Agency Public Protection Arrangements" and the other way round).
 */
const KNOWN: Record<string, string> = {
  act: 'Action Counters Terrorism',
  asc: 'Adult Social Care',
  csc: "Children's Social Care",
  cst: 'Community Safety Team',
  ctlp: 'Counter Terrorism Local Profile',
  ctp: 'Counter Terrorism Policing',
  dsl: 'Designated Safeguarding Lead',
  ecins: 'Empowering Communities Inclusion and Neighbourhood Management Systems',
  idva: 'Independent Domestic Violence Advisor',
  lpn: 'London Prevent Network',
  mappa: 'Multi-Agency Public Protection Arrangements',
  marac: 'Multi-Agency Risk Assessment Conference',
  nctphq: 'National Counter Terrorism Policing Headquarters',
  nte: 'Night-Time Economy',
  ppu: 'Public Protection Unit',
  vawg: 'Violence Against Women and Girls',
  wrap: 'Workshop to Raise Awareness of Prevent',
};

/** Short words left out of an expansion when it is compared: "Violence Against Women and Girls". */
const MINOR = new Set(['and', 'of', 'for', 'the', 'to', 'in', 'on']);

/** An expansion as stems without its minor words. */
const core = (words: string): string[] => phraseStems(words).filter((w) => !MINOR.has(w));

export const ACRONYMS: { acronym: string; stems: string[] }[] = Object.entries(KNOWN).map(([acronym, words]) => ({
  acronym,
  stems: core(words),
}));

const BY_ACRONYM = new Map(ACRONYMS.map((a) => [a.acronym, a.stems]));

/** The stems an acronym stands for, or undefined when it is not a known acronym. */
export function expansionOf(word: string): string[] | undefined {
  return BY_ACRONYM.get(word);
}
