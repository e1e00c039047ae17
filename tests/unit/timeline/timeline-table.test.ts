import { describe, expect, it } from 'vitest';
import { OVERSCAN_ROWS, movedRow, rowWindow, scrollToShow } from '../../../renderer/timeline/table/virtual-rows';

describe('rowWindow', () => {
  it('renders a screenful of 100,000 rows plus overscan, with padding standing in for the rest', () => {
    const rows = rowWindow(28 * 50_000, 290, 28, 100_000);
    expect(rows.end - rows.first).toBeLessThanOrEqual(Math.ceil(290 / 28) + 2 * OVERSCAN_ROWS + 1);
    expect(rows.first).toBe(50_000 - OVERSCAN_ROWS);
    expect(rows.padTopPx + (rows.end - rows.first) * 28 + rows.padBottomPx).toBe(100_000 * 28);
  });

  it('copes with the top, the bottom, and an empty list', () => {
    expect(rowWindow(0, 290, 28, 100)).toMatchObject({ first: 0, padTopPx: 0 });
    expect(rowWindow(1e9, 290, 28, 100)).toMatchObject({ end: 100, padBottomPx: 0 });
    expect(rowWindow(0, 290, 28, 0)).toEqual({ first: 0, end: 0, padTopPx: 0, padBottomPx: 0 });
  });
});

describe('keyboard movement in the table', () => {
  it('moves the active row by one, a page, or to either end, never outside the list', () => {
    expect(movedRow('ArrowDown', 3, 10, 5)).toBe(4);
    expect(movedRow('ArrowUp', 0, 10, 5)).toBe(0);
    expect(movedRow('PageDown', 8, 10, 5)).toBe(9);
    expect(movedRow('PageUp', 3, 10, 5)).toBe(0);
    expect(movedRow('End', 3, 10, 5)).toBe(9);
    expect(movedRow('Home', 3, 10, 5)).toBe(0);
    expect(movedRow('x', 3, 10, 5)).toBeNull();
  });

  it('scrolls only as far as needed to show a row', () => {
    expect(scrollToShow(5, 0, 280, 28)).toBe(0);
    expect(scrollToShow(20, 0, 280, 28)).toBe(21 * 28 - 280);
    expect(scrollToShow(2, 500, 280, 28)).toBe(56);
  });
});
