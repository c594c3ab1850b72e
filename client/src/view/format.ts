import type { JsonRecord } from '../../../shared/items.js';
import { shorten } from '../../../shared/text.js';

export interface Actor {
  kind: 'user' | 'agent' | 'system' | 'unknown';
  name: string;
}

/** Reads an `updated_by` stamp: `user:<id>`, `agent:<agentId>`, `system:seed`. */
export function parseActor(stamp: unknown): Actor {
  if (typeof stamp !== 'string' || stamp === '') return { kind: 'unknown', name: 'someone' };
  const colon = stamp.indexOf(':');
  const prefix = colon > 0 ? stamp.slice(0, colon) : '';
  const name = colon > 0 ? stamp.slice(colon + 1) : stamp;
  if (prefix === 'user') return { kind: 'user', name };
  if (prefix === 'agent') return { kind: 'agent', name };
  if (prefix === 'system') return { kind: 'system', name: name === 'seed' ? 'initial data' : name };
  return { kind: 'unknown', name: stamp };
}

const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return integer.format(n);
}

/** "340 / 28 d" and, when the forecaster computed it, "12 d cover"; null when there is no forecast. */
export function formatForecast(data: JsonRecord): { main: string; cover: string | null } | null {
  const units = data['forecast_units'];
  if (typeof units !== 'number') return null;
  const days = data['forecast_horizon_days'];
  const main = typeof days === 'number' ? `${integer.format(units)} / ${days} d` : integer.format(units);
  const cover = data['days_of_cover'];
  return { main, cover: typeof cover === 'number' ? `${decimal.format(cover)} d cover` : null };
}

/** Short relative time for the feed and the "updated" column; absolute date after a week. */
export function relativeTime(at: number, now: number): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 7) return `${days} d ago`;
  return new Date(at).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
}

export function parseTime(iso: unknown): number | null {
  if (typeof iso !== 'string') return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** A field value as the feed shows it. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number') return decimal.format(value);
  if (typeof value === 'string') return shorten(value, 40);
  return JSON.stringify(value);
}
