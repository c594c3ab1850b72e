/** Pure text formatting for the results table (markdown, padded so it also reads well in a terminal). */

/** A number for a table cell: '–' when missing, no decimals from 100 up, more below. */
export function formatNumber(value: number | undefined, decimals?: number): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  if (decimals !== undefined) return value.toFixed(decimals);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value
    .toFixed(abs >= 1 ? 2 : 3)
    .replace(/0+$/, '')
    .replace(/\.$/, '');
}

export function formatRatio(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '–';
  return `${value >= 10 ? value.toFixed(1) : value.toFixed(2)}×`;
}

/** One cell holding every run of a configuration: "r1 / r2". Empty when no run has a value. */
export function runsCell(
  values: readonly (number | undefined)[],
  format: (v: number | undefined) => string,
): string {
  if (values.every((v) => v === undefined || !Number.isFinite(v))) return '';
  return values.map(format).join(' / ');
}

/** A markdown table; the first `textColumns` columns are left-aligned, the rest (figures) right-aligned. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  textColumns = 1,
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => i >= textColumns);
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map((r) => line(header.map((_, i) => r[i] ?? '')))].join('\n');
}
