// The Acties screen's lists: per organisation or per person, open ones by due date, with
// what is overdue counted, so a partner sees at once what is theirs and what is late.

import { t } from '../i18n';
import type { ActionRow } from '../ipc/gen_types';

export type Grouping = 'organisatie' | 'persoon';
export interface ActionGroup {
  key: string;
  label: string;
  actions: ActionRow[];
  open: number;
  overdue: number;
}

export const isOverdue = (a: ActionRow, today: string) => a.status === 'open' && !!a.dueOn && a.dueOn < today;

function groupOf(a: ActionRow, by: Grouping): { key: string; label: string } {
  const NOBODY = t.labels.noOwner;
  if (by === 'organisatie') {
    return a.ownerOrganisationId
      ? { key: a.ownerOrganisationId, label: a.ownerOrganisation ?? a.owner ?? NOBODY }
      : { key: '', label: NOBODY };
  }
  if (a.ownerMemberId) {
    const name = (a.owner ?? '').replace(/ \(.*\)$/, '') || NOBODY;
    return { key: `m:${a.ownerMemberId}`, label: name };
  }
  return a.ownerOrganisationId
    ? { key: `o:${a.ownerOrganisationId}`, label: t.labels.noPersonNamed(a.ownerOrganisation ?? a.owner ?? '') }
    : { key: '', label: NOBODY };
}

export function groupActions(actions: ActionRow[], by: Grouping, today: string): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const a of actions) {
    const { key, label } = groupOf(a, by);
    const g = groups.get(key) ?? { key, label, actions: [], open: 0, overdue: 0 };
    g.actions.push(a);
    if (a.status === 'open') g.open++;
    if (isOverdue(a, today)) g.overdue++;
    groups.set(key, g);
  }
  const byDue = (x: ActionRow, y: ActionRow) =>
    Number(x.status !== 'open') - Number(y.status !== 'open') || (x.dueOn ?? '9999').localeCompare(y.dueOn ?? '9999');
  return [...groups.values()]
    .map((g) => ({ ...g, actions: [...g.actions].sort(byDue) }))
    .sort((x, y) => Number(x.key === '') - Number(y.key === '') || x.label.localeCompare(y.label, 'nl'));
}
