import { describe, expect, it } from 'vitest';
import { matchOwner, parseDueDate } from './quickentry';

const people = [
  { id: 'm1', name: 'Sanne Kok', organisationId: 'o-jgz', organisationName: 'GGD JGZ (fictief)' },
  { id: 'm2', name: 'Mehmet Yilmaz', organisationId: 'o-lp', organisationName: 'Leerplicht gemeente (fictief)' },
  { id: 'm3', name: 'Sanne de Vries', organisationId: 'o-school', organisationName: 'De Linde' },
];
const organisations = [
  { id: 'o-jgz', name: 'GGD JGZ (fictief)', kindLabel: 'JGZ' },
  { id: 'o-lp', name: 'Leerplicht gemeente (fictief)', kindLabel: 'Leerplicht' },
  { id: 'o-smw', name: 'SMW (fictief)', kindLabel: 'Schoolmaatschappelijk werk' },
];

describe('matchOwner', () => {
  it.each([
    ['Mehmet', 'm2', 'o-lp'],
    ['mehmet y', 'm2', 'o-lp'],
    ['Sanne Kok', 'm1', 'o-jgz'],
    ['Sanne Kok (GGD JGZ (fictief))', 'm1', 'o-jgz'],
    ['kok', 'm1', 'o-jgz'],
    ['smw', null, 'o-smw'],
    ['schoolmaatsch', null, 'o-smw'],
    ['Leerplicht', null, 'o-lp'],
  ])('%s is one owner', (typed, memberId, organisationId) => {
    const owner = matchOwner(typed, people, organisations);
    expect(owner?.memberId ?? null).toBe(memberId);
    expect(owner?.organisationId).toBe(organisationId);
  });

  it.each(['Sanne', 'x', '', '  '])('%j is none or more than one: asked again', (typed) => {
    expect(matchOwner(typed, people, organisations)).toBeNull();
  });
});

describe('parseDueDate', () => {
  const today = '2026-11-24';
  it.each([
    ['vandaag', '2026-11-24'],
    ['morgen', '2026-11-25'],
    ['8-12', '2026-12-08'],
    ['8/12/2026', '2026-12-08'],
    ['8-12-27', '2027-12-08'],
    ['2026-12-08', '2026-12-08'],
    ['3-1', '2027-01-03'],
    ['over 2 weken', '2026-12-08'],
    ['2w', '2026-12-08'],
    ['10 dagen', '2026-12-04'],
    ['+7', '2026-12-01'],
    ['29-2', '2028-02-29'],
  ])('%s → %s', (typed, expected) => {
    expect(parseDueDate(typed, today)).toBe(expected);
  });

  it.each(['31-2-2027', '32-1', 'volgende keer', '', '2026-13-01'])('%j is not a date', (typed) => {
    expect(parseDueDate(typed, today)).toBeNull();
  });
});
