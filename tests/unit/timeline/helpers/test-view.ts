import type { TimelineData } from '../../../../renderer/timeline/data/timeline-data';
import { computeLayout } from '../../../../renderer/timeline/layout/timeline-layout';
import type { TimelineView } from '../../../../renderer/timeline/render/timeline-view';
import { createTimeScale } from '../../../../renderer/timeline/scale/time-scale';
import { fitWindow, type TimeWindow } from '../../../../renderer/timeline/state/view-window';
import { testTheme } from './test-theme';

export interface TestViewOptions {
  readonly widthPx?: number;
  readonly heightPx?: number;
  readonly window?: TimeWindow;
  readonly scrollTopPx?: number;
  readonly hoveredSlot?: number;
  readonly selectedSlot?: number;
}

/** A view of `data` as the component would build it, fitted to the whole run unless told otherwise. */
export function testView(data: TimelineData, options: TestViewOptions = {}): TimelineView {
  const layout = computeLayout(options.widthPx ?? 1000 + 96 + 16, options.heightPx ?? 600, data.laneCount);
  const window = options.window ?? fitWindow(data.nowMs);
  return {
    layout,
    scale: createTimeScale(window.startMs, window.endMs, layout.plotLeftPx, layout.plotWidthPx),
    pixelRatio: 1,
    scrollTopPx: options.scrollTopPx ?? 0,
    hoveredSlot: options.hoveredSlot ?? -1,
    selectedSlot: options.selectedSlot ?? -1,
    theme: testTheme,
    laneLabel: (lane) => `Lane ${lane}`,
  };
}
