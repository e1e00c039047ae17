import type { TimelineInputs } from '../../../../renderer/timeline/state/timeline-view-state.svelte';

/** Writable inputs of a `TimelineViewState`, reactive as the component's props are. */
export type WritableInputs = { -readonly [K in keyof TimelineInputs]: TimelineInputs[K] };

/** Inputs a test can change (a resize, the run growing, a selection) and a view state derives from. */
export function timelineInputs(initial: Partial<TimelineInputs> = {}): WritableInputs {
  const inputs = $state<WritableInputs>({ widthPx: 0, heightPx: 0, pixelRatio: 1, extentMs: 0, laneCount: 0, selectedSlot: -1, ...initial });
  return inputs;
}
