/**
 * Calendar arithmetic on ISO days (`YYYY-MM-DD`) in UTC: no time zones, no
 * clocks. Everything here is pure; "today" is always passed in.
 */
const DAY_MS = 86_400_000;

export function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return isoOf(new Date(toDate(iso).getTime() + days * DAY_MS));
}

/** Days from `a` to `b` (b − a); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);
}

export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth());
  return isoOf(
    new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last))),
  );
}

export function lastDayOfMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

export function monthRange(year: number, month0: number): { from: string; to: string } {
  const from = isoOf(new Date(Date.UTC(year, month0, 1)));
  return { from, to: isoOf(new Date(Date.UTC(year, month0, lastDayOfMonth(year, month0)))) };
}

export function quarterRange(year: number, q0: number): { from: string; to: string } {
  return { from: monthRange(year, q0 * 3).from, to: monthRange(year, q0 * 3 + 2).to };
}

export function parts(iso: string): { year: number; month0: number; day: number } {
  const d = toDate(iso);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
}

export const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan'],
    ['february', 'feb'],
    ['march', 'mar'],
    ['april', 'apr'],
    ['may', 'may'],
    ['june', 'jun'],
    ['july', 'jul'],
    ['august', 'aug'],
    ['september', 'sep', 'sept'],
    ['october', 'oct'],
    ['november', 'nov'],
    ['december', 'dec'],
  ].flatMap((names, month0) => names.map((n) => [n, month0] as const)),
);
