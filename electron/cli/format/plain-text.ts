/*
 * The building blocks of the CLI's text output: numbers in the unit a person reads them in, and a
 * plain-text table with padded columns.
 */

/** `0.42 ms`, `12.3 ms`, `1.23 s`: milliseconds at a precision a person reads at a glance. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** `512 B`, `1.5 MB` (powers of 1024). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${BYTE_UNITS[unit]}`;
}

/**
 * A count with thousands separators: `12,000`. Whole numbers are grouped by hand: `toLocaleString` (or an
 * `Intl.NumberFormat`) first loads the locale data, about a tenth of the start-up of `list`.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** At most two decimals, no trailing zeros: `3.5`, `158.04`. */
export function formatDecimal(n: number): string {
  return String(Number(n.toFixed(2)));
}

/** A fraction 0..1 as a percentage: `73.4%`. */
export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

/** `158.04 /s`. */
export const formatPerSecond = (n: number): string => `${formatDecimal(n)} /s`;

/** How a column lines up; numbers read best right-aligned. */
export type ColumnAlign = 'left' | 'right';

/**
 * A plain-text table: a header row, a rule, then the rows, with columns padded to their widest cell.
 * Ends with a newline.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ColumnAlign[] = []): string {
  const widths = header.map((title, col) => Math.max(title.length, ...rows.map((row) => (row[col] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, col) => ((align[col] ?? 'left') === 'right' ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
