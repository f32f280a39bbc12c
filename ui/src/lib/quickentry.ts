// Typing at the speed of talk: "wie" and "wanneer" of an action as a chair says them
// ("Sanne", "leerplicht", "over 2 weken", "8-12"), resolved to ids and ISO dates here.

export interface OwnerChoice {
  memberId: string | null;
  organisationId: string | null;
  label: string;
}
export interface OwnerCandidatePerson {
  id: string;
  name: string;
  organisationId: string | null;
  organisationName: string | null;
}
export interface OwnerCandidateOrganisation {
  id: string;
  name: string;
  kindLabel: string;
}

const norm = (s: string) =>
  s.toLocaleLowerCase('nl').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();

function words(s: string): string[] {
  return norm(s)
    .split(/[\s()/-]+/)
    .filter(Boolean);
}

/** The owner a typed text means: one person, or else one organisation; null when none or several fit. */
export function matchOwner(
  typed: string,
  people: OwnerCandidatePerson[],
  organisations: OwnerCandidateOrganisation[],
): OwnerChoice | null {
  const t = norm(typed);
  if (!t) return null;
  const person = (p: OwnerCandidatePerson): OwnerChoice => ({
    memberId: p.id,
    organisationId: p.organisationId,
    label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name,
  });
  const organisation = (o: OwnerCandidateOrganisation): OwnerChoice => ({
    memberId: null,
    organisationId: o.id,
    label: o.name,
  });
  // What the list offers is taken as it is.
  const exactPerson = people.filter((p) => norm(p.name) === t || norm(person(p).label) === t);
  if (exactPerson.length === 1) return person(exactPerson[0]);
  const exactOrg = organisations.filter((o) => norm(o.name) === t || norm(o.kindLabel) === t);
  if (exactOrg.length === 1) return organisation(exactOrg[0]);
  const typedWords = t.split(' ');
  const fits = (name: string) => {
    const ws = words(name);
    return typedWords.every((tw) => ws.some((w) => w.startsWith(tw)));
  };
  const persons = people.filter((p) => fits(p.name));
  if (persons.length === 1) return person(persons[0]);
  if (persons.length > 1) return null;
  const orgs = organisations.filter((o) => fits(o.name) || fits(o.kindLabel));
  return orgs.length === 1 ? organisation(orgs[0]) : null;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function addDays(todayIso: string, days: number): string {
  const [y, m, d] = todayIso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

/**
 * A due date as typed: "8-12", "8-12-2026", "8/12", "2026-12-08", "vandaag", "morgen",
 * "over 2 weken", "2w", "10d", "+10". A day and month without a year is the next such day.
 */
export function parseDueDate(typed: string, todayIso: string): string | null {
  const t = norm(typed);
  if (!t) return null;
  if (t === 'vandaag') return todayIso;
  if (t === 'morgen') return addDays(todayIso, 1);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2}|\d{4}))?$/.exec(t);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (m[3]) {
      const y = Number(m[3]);
      return iso(y < 100 ? 2000 + y : y, mo, d);
    }
    // The next such day; 29 February can be up to four years away.
    const thisYear = Number(todayIso.slice(0, 4));
    for (let y = thisYear; y <= thisYear + 4; y++) {
      const candidate = iso(y, mo, d);
      if (candidate && candidate >= todayIso) return candidate;
    }
    return null;
  }
  m = /^(?:over )?\+?(\d{1,3}) ?(d|dag|dagen|w|wk|week|weken)?$/.exec(t);
  if (m) {
    const n = Number(m[1]);
    const weeks = m[2]?.startsWith('w') === true;
    return addDays(todayIso, weeks ? n * 7 : n);
  }
  return null;
}
