import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../ipc/gen_types';
import { groupActions } from './actionlists';

function action(partial: Partial<ActionRow>): ActionRow {
  return {
    id: crypto.randomUUID(),
    casusId: null,
    casusInitials: null,
    description: 'x',
    owner: null,
    ownerMemberId: null,
    ownerOrganisationId: null,
    ownerOrganisation: null,
    teamName: null,
    agreedOn: null,
    dueOn: null,
    status: 'open',
    feedback: null,
    urgentLoggedAt: null,
    category: 'school',
    ...partial,
  };
}

const today = '2026-11-24';
const actions = [
  action({
    description: 'a',
    ownerMemberId: 'm1',
    owner: 'Sanne Kok (GGD JGZ)',
    ownerOrganisationId: 'jgz',
    ownerOrganisation: 'GGD JGZ',
    dueOn: '2026-11-20',
  }),
  action({
    description: 'b',
    ownerOrganisationId: 'jgz',
    owner: 'GGD JGZ',
    ownerOrganisation: 'GGD JGZ',
    dueOn: '2026-12-01',
  }),
  action({
    description: 'c',
    ownerOrganisationId: 'lp',
    owner: 'Leerplicht',
    ownerOrganisation: 'Leerplicht',
    dueOn: '2026-11-01',
    status: 'gedaan',
  }),
  action({ description: 'd' }),
];

describe('groupActions', () => {
  it("per organisation: a person's action counts for their organisation; overdue only when open", () => {
    const groups = groupActions(actions, 'organisatie', today);
    expect(groups.map((g) => g.label)).toEqual(['GGD JGZ', 'Leerplicht', 'Zonder eigenaar']);
    expect(groups[0]).toMatchObject({ open: 2, overdue: 1 });
    expect(groups[0].actions.map((a) => a.description)).toEqual(['a', 'b']);
    expect(groups[1]).toMatchObject({ open: 0, overdue: 0 });
  });

  it('per person: organisations without a named person are said to be so', () => {
    const groups = groupActions(actions, 'persoon', today);
    expect(groups.map((g) => g.label)).toEqual([
      'GGD JGZ (geen persoon genoemd)',
      'Leerplicht (geen persoon genoemd)',
      'Sanne Kok',
      'Zonder eigenaar',
    ]);
    expect(groups.find((g) => g.label === 'Sanne Kok')).toMatchObject({ open: 1, overdue: 1 });
  });
});
