/**
 * Number and time formatting for the agent panel: one place, so the table, chart and feed agree.
 * Missing or non-finite values render as an em dash rather than "NaN".
 */

export const MISSING = '—';

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Rates arrive as fractions (0.934 → "93.4%"). No guessing from the magnitude: a fill rate can
 * legitimately exceed 1 (over-delivery, 1.05 → "105.0%").
 */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return MISSING;
  return `${(value * 100).toFixed(digits)}%`;
}

/** Figures already in percent, such as sMAPE (0–200): 21.4 → "21.4%". */
export function formatPercentPoints(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return MISSING;
  return `${value.toFixed(digits)}%`;
}

export function formatDays(value: number | null | undefined, digits = 1): string {
  if (!finite(value)) return MISSING;
  return `${value.toFixed(digits)} d`;
}

export function formatNumber(value: number | null | undefined, maxDigits = 1): string {
  if (!finite(value)) return MISSING;
  return value.toLocaleString('en-US', { maximumFractionDigits: maxDigits });
}

/** Local wall-clock time of an ISO timestamp, e.g. "14:03:27"; empty when unparsable. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}

/** `progress` messages: done/total as a 0..1 fraction, clamped; null when total is unknown. */
export function progressFraction(done: unknown, total: unknown): number | null {
  if (typeof done !== 'number' || typeof total !== 'number' || !(total > 0) || !Number.isFinite(done)) {
    return null;
  }
  return Math.min(1, Math.max(0, done / total));
}

/**
 * The forecast's accuracy against the seasonal-naive baseline, in words: MASE is an error, so a
 * lower value than the baseline's is better. "beats seasonal-naive by 18%" means 18% less error.
 * Null when either figure is missing.
 */
export function describeBaseline(
  mase: number | null | undefined,
  baselineMase: number | null | undefined,
): string | null {
  if (!finite(mase) || !finite(baselineMase) || baselineMase <= 0) return null;
  const gain = Math.round(((baselineMase - mase) / baselineMase) * 100);
  if (gain > 0) return `beats seasonal-naive by ${gain}%`;
  if (gain < 0) return `trails seasonal-naive by ${-gain}%`;
  return 'on par with seasonal-naive';
}
