/** The rows a virtualised list renders: only those in view plus a few either side. */
export interface RowWindow {
  /** First rendered row (position in the list). */
  readonly first: number;
  /** One past the last rendered row. */
  readonly end: number;
  /** Space standing in for the rows above and below the rendered ones (px). */
  readonly padTopPx: number;
  readonly padBottomPx: number;
}

/** Extra rows rendered past each edge so fast scrolling does not show blanks. */
export const OVERSCAN_ROWS = 6;

export function rowWindow(scrollTopPx: number, viewportPx: number, rowHeightPx: number, rowCount: number): RowWindow {
  const first = Math.max(0, Math.min(rowCount, Math.floor(scrollTopPx / rowHeightPx) - OVERSCAN_ROWS));
  const end = Math.min(rowCount, Math.ceil((scrollTopPx + viewportPx) / rowHeightPx) + OVERSCAN_ROWS);
  return {
    first,
    end: Math.max(first, end),
    padTopPx: first * rowHeightPx,
    padBottomPx: Math.max(0, rowCount - Math.max(first, end)) * rowHeightPx,
  };
}

/** The scroll position that shows row `row` whole, moving as little as possible. */
export function scrollToShow(row: number, scrollTopPx: number, viewportPx: number, rowHeightPx: number): number {
  const top = row * rowHeightPx;
  if (top < scrollTopPx) return top;
  if (top + rowHeightPx > scrollTopPx + viewportPx) return top + rowHeightPx - viewportPx;
  return scrollTopPx;
}

/** Where a navigation key moves the active row, or null for a key that is not navigation. */
export function movedRow(key: string, active: number, rowCount: number, pageRows: number): number | null {
  const last = rowCount - 1;
  const clamp = (row: number) => Math.max(0, Math.min(last, row));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + pageRows);
    case 'PageUp':
      return clamp(active - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return clamp(last);
    default:
      return null;
  }
}
