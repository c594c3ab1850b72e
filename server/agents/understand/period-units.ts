import * as chrono from 'chrono-node';
import { addDays, addMonths, daysBetween, isoOf, monthRange, parts, quarterRange } from './calendar.js';
import type { Token } from './tokens.js';

/**
 * The pieces of periods: units ("next month", "this quarter", "last
 * week"), durations ("4 weeks", "2 months" by the calendar) and explicit
 * dates via chrono-node. All against an injected `today`.
 */
export type Core = { end: number; from: string; to: string; days?: number; back?: boolean; point?: boolean };
export const UNIT_DAYS = new Map<string, number>([
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['wk', 7],
  ['wks', 7],
  ['month', 30],
  ['months', 30],
  ['quarter', 91],
  ['quarters', 91],
  ['year', 365],
  ['years', 365],
]);

export function durationDays(today: string, n: number, unit: string, back = false): number {
  const sign = back ? -1 : 1;
  const months = unit.startsWith('month')
    ? n
    : unit.startsWith('quarter')
      ? 3 * n
      : unit.startsWith('year')
        ? 12 * n
        : 0;
  if (months > 0) return Math.abs(daysBetween(today, addMonths(today, sign * months)));
  if (unit.startsWith('month')) return daysBetween(today, addMonths(today, n));
  if (unit.startsWith('quarter')) return daysBetween(today, addMonths(today, 3 * n));
  if (unit.startsWith('year')) return daysBetween(today, addMonths(today, 12 * n));
  return n * UNIT_DAYS.get(unit)!;
}

export function duration(end: number, n: number, unit: string, today: string): Core | undefined {
  if (!(n >= 1)) return undefined;
  const days = durationDays(today, n, unit);
  return { end, from: today, to: addDays(today, days - 1), days };
}

export function nextUnit(end: number, unit: string, today: string): Core {
  const now = parts(today);
  if (unit.startsWith('week'))
    return {
      end,
      from: addDays(today, 7 - ((toWeekday(today) + 6) % 7)),
      to: addDays(today, 13 - ((toWeekday(today) + 6) % 7)),
    };
  if (unit.startsWith('month'))
    return {
      end,
      ...(now.month0 === 11 ? monthRange(now.year + 1, 0) : monthRange(now.year, now.month0 + 1)),
    };
  if (unit.startsWith('quarter')) {
    const q0 = Math.floor(now.month0 / 3) + 1;
    return { end, ...(q0 > 3 ? quarterRange(now.year + 1, 0) : quarterRange(now.year, q0)) };
  }
  if (unit.startsWith('year')) return { end, from: `${now.year + 1}-01-01`, to: `${now.year + 1}-12-31` };
  return { end, from: addDays(today, 1), to: addDays(today, 1) };
}

export function thisUnit(unit: string, today: string): { from: string; to: string } {
  const now = parts(today);
  if (unit.startsWith('month')) return monthRange(now.year, now.month0);
  if (unit.startsWith('quarter')) return quarterRange(now.year, Math.floor(now.month0 / 3));
  if (unit.startsWith('year')) return { from: `${now.year}-01-01`, to: `${now.year}-12-31` };
  if (unit.startsWith('week')) {
    const monday = addDays(today, -((toWeekday(today) + 6) % 7));
    return { from: monday, to: addDays(monday, 6) };
  }
  return { from: today, to: today };
}

export function previousUnit(unit: string, today: string): { from: string; to: string } {
  const now = parts(today);
  if (unit.startsWith('month'))
    return now.month0 === 0 ? monthRange(now.year - 1, 11) : monthRange(now.year, now.month0 - 1);
  if (unit.startsWith('quarter')) {
    const q0 = Math.floor(now.month0 / 3) - 1;
    return q0 < 0 ? quarterRange(now.year - 1, 3) : quarterRange(now.year, q0);
  }
  if (unit.startsWith('year')) return { from: `${now.year - 1}-01-01`, to: `${now.year - 1}-12-31` };
  const monday = addDays(today, -((toWeekday(today) + 6) % 7) - 7);
  return { from: monday, to: addDays(monday, 6) };
}

export function toWeekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** An explicit date ("2027-01-31", "31 january", "jan 31st 2027", "friday") via chrono, within 4 tokens. */
/** What chrono may read as a date here: a month name, a weekday, an ISO or d/m date, "tomorrow". */
const DATE_LIKE =
  /\d{4}-\d{1,2}-\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*day\b|\btomorrow\b/i;

export function explicit(tokens: readonly Token[], j: number, today: string): Core | undefined {
  const source = tokens
    .slice(j, j + 4)
    .map((t) => t.raw)
    .join(' ');
  if (source === '') return undefined;
  const results = chrono.parse(
    source,
    { instant: new Date(`${today}T12:00:00Z`), timezone: 0 },
    { forwardDate: true },
  );
  const hit = results[0];
  if (!hit || hit.index !== 0 || !hit.start.isCertain('day') || !DATE_LIKE.test(hit.text)) return undefined;
  // How many of our tokens chrono read: whole tokens only.
  let used = 0;
  let length = 0;
  while (used < 4 && j + used < tokens.length && length < hit.text.length) {
    length += tokens[j + used]!.raw.length + (used > 0 ? 1 : 0);
    used += 1;
  }
  if (used === 0 || length !== hit.text.length) return undefined;
  return { end: j + used, from: isoOf(hit.start.date()), to: isoOf(hit.start.date()), point: true };
}
