import { language } from '../i18n';
import { clockNow } from './clock';

// Dates as users read them, in Europe/Amsterdam: "di 14 okt 2025" in Dutch, "Tue 14 Oct 2025"
// in English. Written out rather than left to Intl, whose Dutch short months carry a full stop.
const NAMES = {
  nl: {
    days: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
    months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  en: {
    days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
};
const day = (wd: number) => NAMES[language()].days[wd];
const month = (m: number) => NAMES[language()].months[m - 1];

function amsterdamParts(date: Date): { y: number; m: number; d: number; wd: number; hh: string; mm: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const wd = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    y: Number(get('year')),
    m: Number(get('month')),
    d: Number(get('day')),
    wd,
    hh: get('hour'),
    mm: get('minute'),
  };
}

/** An ISO date (`2025-10-14`) → `di 14 okt 2025`; a calendar date, no time zone shift. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return formatDateTime(iso);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${day(wd)} ${d} ${month(m)} ${y}`;
}

/** An ISO instant (UTC) → `di 14 okt 2025, 09:00` in Amsterdam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = amsterdamParts(date);
  return `${day(p.wd)} ${p.d} ${month(p.m)} ${p.y}, ${p.hh}:${p.mm}`;
}

/** Today's calendar date in Amsterdam as ISO text, for "overdue" comparisons; from the one
 * clock (the backend's) unless a moment is given. */
export function todayIso(now: Date = clockNow()): string {
  const p = amsterdamParts(now);
  return `${p.y}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** A search snippet with its matches marked `[like this]`, as text pieces: no HTML is built. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0;
  for (let m = re.exec(snippet); m !== null; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false });
    parts.push({ text: m[1], hit: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts;
}

/** A file size as people read it: `3,2 MB` in Dutch, `3.2 MB` in English (powers of 1,000). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  const text = new Intl.NumberFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
  return `${text} ${units[unit]}`;
}
