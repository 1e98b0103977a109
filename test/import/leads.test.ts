import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { buildDirectory, resolveLeads } from '../../bot/import/leads.js';

const directory = buildDirectory(DEFAULT_ORGANISATIONS);
const names = (cell: string) => resolveLeads(cell, directory).map((lead) => lead.name);

describe('resolveLeads', () => {
  it.each([
    ['CoLC CST/CoLP Prevent team', ['CoLC Community Safety Team', 'City of London Police Prevent team']],
    ['All stakeholders', ['All stakeholders']],
    ['all STAKEHOLDERS', ['All stakeholders']],
    ['Public Protection Unit and Channel members', ['Public Protection Unit', 'Channel members']],
    ['CoLC Learning and Development', ['CoLC Learning and Development']],
    ['Community Safety Team (CST)', ['CoLC Community Safety Team']],
    [
      'CoLC Community Safety Team (CST) CoLC Learning and Development City of London Police (CoLP) Prevent team',
      ['CoLC Community Safety Team', 'CoLC Learning and Development', 'City of London Police Prevent team'],
    ],
    ['CoLP/London Probation Service', ['City of London Police Prevent team', 'London Probation Service']],
    ['Schools, NHS & businesses', ['Schools', 'NHS and health partners', 'Businesses']],
    ['CST\nCST', ['CoLC Community Safety Team']],
  ])('reads %j as %j', (cell, expected) => {
    expect(names(cell)).toEqual(expected);
  });

  it('keeps an unknown lead as written, as one organisation', () => {
    expect(resolveLeads('  Safer City Partnership ', directory)).toEqual([{ name: 'Safer City Partnership', known: false }]);
    expect(names('Youth Offending Service and Early Help')).toEqual(['Youth Offending Service and Early Help']);
  });

  it('splits a mixed cell at slashes, keeping the unknown part as written', () => {
    expect(resolveLeads('CST/Safer City Partnership', directory)).toEqual([
      { name: 'CoLC Community Safety Team', known: true },
      { name: 'Safer City Partnership', known: false },
    ]);
  });

  it('does not match a known name inside a longer word', () => {
    expect(names('CSTs')).toEqual(['CSTs']);
  });
});
