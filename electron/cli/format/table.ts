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
