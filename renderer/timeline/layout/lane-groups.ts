import type { TimelineData } from '../data/timeline-data';

/** Past this many lanes, rows would be a few pixels tall and scroll for pages: lanes are grouped. */
export const MAX_UNGROUPED_LANES = 120;
/** A grouped timeline shows about this many rows. */
export const GROUPED_ROWS = 60;

/** How many neighbouring lanes share a row when a run of `laneCount` lanes is grouped (1: no grouping). */
export function lanesPerRow(laneCount: number): number {
  return laneCount > MAX_UNGROUPED_LANES ? Math.ceil(laneCount / GROUPED_ROWS) : 1;
}

/**
 * Names a row of a grouped timeline by the lanes it holds, numbered from 1 as the lanes are, and the number
 * of tasks drawn on it: `51–100 (50)`.
 */
export function groupedRowLabel(grouped: TimelineData, perRow: number, laneCount: number): (row: number) => string {
  return (row) => `${row * perRow + 1}–${Math.min(laneCount, (row + 1) * perRow)} (${grouped.laneSpans(row)?.count ?? 0})`;
}
