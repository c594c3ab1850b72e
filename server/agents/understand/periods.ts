import { addDays, addMonths, MONTHS, monthRange, parts, quarterRange } from './calendar.js';
import {
  duration,
  durationDays,
  explicit,
  nextUnit,
  previousUnit,
  thisUnit,
  UNIT_DAYS,
  type Core,
} from './period-units.js';
import { wordValue } from './numbers.js';
import type { Token } from './tokens.js';

/**
 * Dates and periods against an injected `today`: "next 4 weeks", "through
 * end of January", "next quarter", "December", "last 90 days", "since June",
 * "in 2025", "by 2027-02-15". Named months and quarters mean their next
 * occurrence (this month counts); explicit dates go through chrono-node.
 */
export interface PeriodSpan {
  readonly start: number;
  readonly end: number;
  readonly from: string;
  readonly to: string;
  /** range: a period; until: up to `to`; since: from `from` to today; duration: N days from today. */
  readonly kind: 'range' | 'until' | 'since' | 'duration';
  readonly days?: number;
  /** A period looking back (last 3 months): a window over past data. */
  readonly back?: boolean;
}

const UNTIL = new Set(['through', 'thru', 'until', 'till', 'by', 'before', 'to', 'til']);
const SINCE = new Set(['since', 'after']);
const PLAIN = new Set(['for', 'over', 'in', 'within', 'during', 'of', 'the', 'across']);

export function findPeriods(tokens: readonly Token[], today: string): PeriodSpan[] {
  const out: PeriodSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = readPeriod(tokens, i, today);
    if (found) {
      out.push(found);
      i = found.end;
    } else i += 1;
  }
  return out;
}

function readPeriod(tokens: readonly Token[], start: number, today: string): PeriodSpan | undefined {
  let j = start;
  let lead: 'until' | 'since' | 'plain' | undefined;
  const w = (k: number) => tokens[k]?.norm ?? '';
  while (j < tokens.length && j - start < 3) {
    let step = 0;
    if (w(j) === 'up' && w(j + 1) === 'to') [step, lead] = [2, 'until'];
    else if (UNTIL.has(w(j))) [step, lead] = [1, 'until'];
    else if (SINCE.has(w(j))) [step, lead] = [1, 'since'];
    else if (PLAIN.has(w(j))) [step, lead] = [1, lead ?? 'plain'];
    if (step === 0) break;
    j += step;
  }
  let endOf = false;
  if ((w(j) === 'end' || w(j) === 'the') && (w(j + 1) === 'of' || w(j + 2) === 'of')) {
    const k = w(j) === 'the' ? j + 1 : j;
    if (w(k) === 'end' && w(k + 1) === 'of') {
      endOf = true;
      j = k + 2;
      if (w(j) === 'the') j += 1;
    }
  }
  const core = readCore(tokens, j, today, endOf);
  if (!core) return undefined;
  if (core.end === j && !endOf) return undefined;
  // "to 14 days" is a value ("set the lead time to 14 days"), not a period.
  if (
    w(start) === 'to' &&
    j === start + 1 &&
    ((core.days !== undefined && !core.back) || /^\d{4}$/.test(w(j)))
  ) {
    return undefined;
  }
  // A lone number with a lead word ("to 40") is never a period: readCore needs a unit or a name.
  let { from, to } = core;
  let kind: PeriodSpan['kind'] = core.days !== undefined && !core.back ? 'duration' : 'range';
  if (endOf || core.point || lead === 'until') {
    kind = 'until';
    from = today;
  }
  if (lead === 'since') {
    kind = 'since';
    // "since June" looks back: the last June that has begun.
    if (from > today) from = addMonths(from, -12);
    to = today;
  }
  const span: PeriodSpan = { start, end: core.end, from, to, kind };
  return {
    ...span,
    ...(core.days !== undefined ? { days: core.days } : {}),
    ...(core.back ? { back: true } : {}),
  };
}

function readCore(tokens: readonly Token[], j: number, today: string, endOf: boolean): Core | undefined {
  const w = (k: number) => tokens[k]?.norm ?? '';
  const now = parts(today);
  // "a week" is one; other words are read as numbers ("three months", "twenty days").
  const num = (k: number) =>
    tokens[k]?.kind === 'number' ? Number(w(k)) : w(k) === 'a' ? 1 : wordValue(w(k));
  // "4-week", "90-day"
  const glued = /^(\d+)-(day|week|month|year)s?$/.exec(w(j));
  if (glued) return duration(j + 1, Number(glued[1]), `${glued[2]}s`, today);
  if (['next', 'coming', 'following', 'upcoming'].includes(w(j))) {
    const n = num(j + 1);
    if (n !== undefined && UNIT_DAYS.has(w(j + 2))) return duration(j + 3, n, w(j + 2), today);
    if (UNIT_DAYS.has(w(j + 1))) return nextUnit(j + 2, w(j + 1), today);
    return undefined;
  }
  if (['last', 'past', 'previous', 'prior'].includes(w(j))) {
    const n = num(j + 1);
    if (n !== undefined && UNIT_DAYS.has(w(j + 2))) {
      const days = durationDays(today, n, w(j + 2), true);
      return { end: j + 3, from: addDays(today, -days), to: today, days, back: true };
    }
    if (UNIT_DAYS.has(w(j + 1))) return { ...previousUnit(w(j + 1), today), end: j + 2, back: true };
    return undefined;
  }
  if (['this', 'current'].includes(w(j)) && UNIT_DAYS.has(w(j + 1)))
    return { ...thisUnit(w(j + 1), today), end: j + 2 };
  if (endOf && UNIT_DAYS.has(w(j))) return { ...thisUnit(w(j), today), end: j + 1 };
  const n = num(j);
  if (n !== undefined && UNIT_DAYS.has(w(j + 1))) {
    const end =
      w(j + 2) === 'ahead' || (w(j + 2) === 'from' && w(j + 3) === 'now')
        ? w(j + 2) === 'ahead'
          ? j + 3
          : j + 4
        : j + 2;
    return duration(end, n, w(j + 1), today);
  }
  const month0 = MONTHS.get(w(j));
  if (month0 !== undefined && !(w(j) === 'may' && !endOf && !/^\d{4}$/.test(w(j + 1)))) {
    if (/^\d{1,2}$/.test(w(j + 1)) && tokens[j + 1]?.kind === 'number' && !/^\d{4}$/.test(w(j + 1))) {
      return explicit(tokens, j, today); // "january 31"
    }
    const year = /^\d{4}$/.test(w(j + 1)) ? Number(w(j + 1)) : month0 < now.month0 ? now.year + 1 : now.year;
    return { ...monthRange(year, month0), end: /^\d{4}$/.test(w(j + 1)) ? j + 2 : j + 1 };
  }
  const q = /^q([1-4])$/.exec(w(j));
  if (q) {
    const q0 = Number(q[1]) - 1;
    const explicitYear = /^\d{4}$/.test(w(j + 1));
    const year = explicitYear ? Number(w(j + 1)) : q0 < Math.floor(now.month0 / 3) ? now.year + 1 : now.year;
    return { ...quarterRange(year, q0), end: explicitYear ? j + 2 : j + 1 };
  }
  if (/^20\d\d$/.test(w(j)) && tokens[j]?.kind === 'number' && Math.abs(Number(w(j)) - now.year) <= 5) {
    const year = Number(w(j));
    return { from: `${year}-01-01`, to: `${year}-12-31`, end: j + 1 };
  }
  if (w(j) === 'year' && w(j + 1) === 'end')
    return { from: today, to: `${now.year}-12-31`, end: j + 2, point: true };
  if (w(j) === 'christmas' || w(j) === 'xmas') {
    const year = now.month0 === 11 && now.day > 25 ? now.year + 1 : now.year;
    return { from: `${year}-12-25`, to: `${year}-12-25`, end: j + 1, point: true };
  }
  return explicit(tokens, j, today);
}
