import { statusCode, type TimelineStatus } from '../../../../renderer/timeline/data/task-codes';
import { TimelineData } from '../../../../renderer/timeline/data/timeline-data';
import { RuntimeTrackData } from '../../../../renderer/timeline/runtime/runtime-track-data';
import type { RuntimeArrays } from '../../../../shared/runtime/runtime-packing';
import { TRACK_CODE } from '../../../../shared/runtime/runtime-slices';
import { syntheticRun } from '../../../unit/timeline/fixtures/synthetic-run';
import { flushCanvas, nextAnimationFrame } from './frame-stats';
import { applyEvents, liveEvents } from './live-events';

/** What the harness page lets the bench reach. */
export interface HarnessControls {
  /** Replaces the timeline's data and renders the change now. */
  setData(data: TimelineData): void;
  /** Tells the components the data changed (version bump) and renders the change now. */
  changed(): void;
  data(): TimelineData;
  showRange(startMs: number, endMs: number): void;
  /** Middle of a task's bar in page coordinates, or null when it is off-screen. */
  taskPoint(slot: number): { x: number; y: number } | null;
  canvas(): HTMLCanvasElement;
  /** Calls `listener` with the draw time of every frame the timeline draws. */
  onFrame(listener: (drawMs: number) => void): () => void;
  /** Shows runtime tracks above the timeline, on its window. */
  setRuntime(data: RuntimeTrackData): void;
  runtimeCanvas(): HTMLCanvasElement;
  onRuntimeFrame(listener: (drawMs: number) => void): () => void;
}

export interface FrameSamples {
  /** Per frame: input handling + drawing + rasterising (ms). */
  readonly workMs: number[];
  /** Time between consecutive animation frames (ms). */
  readonly intervalMs: number[];
}

export interface StreamSamples extends FrameSamples {
  /** Per frame: appending the frame's events to the data, updating the components, drawing the canvas. */
  readonly appendMs: number[];
  readonly updateMs: number[];
  readonly drawMs: number[];
  readonly events: number;
  readonly tasks: number;
}

function nextDraw(controls: HarnessControls, onFrame: HarnessControls['onFrame'] = controls.onFrame): Promise<number> {
  return new Promise((resolve) => {
    const stop = onFrame((drawMs) => {
      stop();
      resolve(drawMs);
    });
  });
}

/** `count` loop slices evenly over `spanMs`, each half its gap long, serving tasks 0..tasks-1 in turn. */
function syntheticLoopSlices(count: number, spanMs: number, tasks: number): RuntimeArrays {
  const gapMs = spanMs / count;
  const startMs = new Float64Array(count);
  const endMs = new Float64Array(count);
  const task = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    startMs[i] = i * gapMs;
    endMs[i] = i * gapMs + gapMs / 2;
    task[i] = i % Math.max(1, tasks);
  }
  return { count, types: ['Timeout'], merged: 0, submitMs: startMs, startMs, endMs, track: new Int32Array(count).fill(TRACK_CODE.loop), lane: new Int32Array(count), type: new Int32Array(count), task };
}

/** The page-side bench: everything is timed inside the page with `performance.now()`. */
export function createBenchApi(controls: HarnessControls) {
  return {
    /** Hands a stored run of `tasks` tasks to the timeline and times it until the first frame is on the canvas. */
    async load(tasks: number, lanes: number): Promise<{ buildMs: number; drawMs: number; firstFrameMs: number; drawn: number }> {
      const run = syntheticRun({ tasks, lanes });
      await nextAnimationFrame();
      const started = performance.now();
      const data = TimelineData.fromTasks(run.tasks, run.samples);
      const built = performance.now();
      const drawn = nextDraw(controls);
      controls.setData(data);
      const drawMs = await drawn;
      flushCanvas(controls.canvas());
      return { buildMs: built - started, drawMs, firstFrameMs: performance.now() - started, drawn: data.count };
    },

    /**
     * Adds `slices` loop callbacks spread evenly over the loaded run (each half of its gap, served by the
     * tasks in turn) and times it until the runtime tracks' first frame is on the canvas.
     */
    async loadRuntime(slices: number): Promise<{ buildMs: number; drawMs: number; firstFrameMs: number }> {
      const data = controls.data();
      const spanMs = Math.max(...Array.from(data.endMs.subarray(0, data.count)));
      await nextAnimationFrame();
      const started = performance.now();
      const runtime = RuntimeTrackData.fromArrays(syntheticLoopSlices(slices, spanMs, data.count));
      const built = performance.now();
      const drawn = nextDraw(controls, controls.onRuntimeFrame);
      controls.setRuntime(runtime);
      const drawMs = await drawn;
      flushCanvas(controls.runtimeCanvas());
      return { buildMs: built - started, drawMs, firstFrameMs: performance.now() - started };
    },

    /** `count` frames of wheel input on the task canvas (or, with `runtime`, on the runtime tracks: their frames are timed). */
    async frames(kind: 'pan' | 'zoom', count: number, runtime = false): Promise<FrameSamples> {
      const canvas = runtime ? controls.runtimeCanvas() : controls.canvas();
      const box = canvas.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + Math.min(60, box.height / 2), cancelable: true, bubbles: true };
      const workMs: number[] = [];
      const intervalMs: number[] = [];
      let previous = await nextAnimationFrame();
      for (let i = 0; i < count; i++) {
        const forward = i < count / 2;
        const event =
          kind === 'pan'
            ? new WheelEvent('wheel', { ...at, deltaX: forward ? 60 : -60 })
            : new WheelEvent('wheel', { ...at, deltaY: forward ? -100 : 100 });
        const drawn = runtime ? nextDraw(controls, controls.onRuntimeFrame) : nextDraw(controls);
        const before = performance.now();
        canvas.dispatchEvent(event);
        controls.changed();
        const handledMs = performance.now() - before;
        const drawMs = await drawn;
        const flushStart = performance.now();
        flushCanvas(canvas);
        workMs.push(handledMs + drawMs + (performance.now() - flushStart));
        const now = await nextAnimationFrame();
        intervalMs.push(now - previous);
        previous = now;
      }
      return { workMs, intervalMs };
    },

    /**
     * Streams a run into an empty live view at `eventsPerSecond` (task starts + finishes) for `durationMs`,
     * applying each frame's events in that frame as the app does, and records the page's frame times.
     */
    async stream(eventsPerSecond: number, durationMs: number): Promise<StreamSamples> {
      const total = Math.round((eventsPerSecond * durationMs) / 1000);
      const run = syntheticRun({ tasks: Math.ceil(total / 2), lanes: 16, seed: 3 });
      const events = liveEvents(run.tasks, run.samples);
      const data = new TimelineData();
      data.setLaneCount(16);
      controls.setData(data);
      let lastDrawMs = 0;
      const stop = controls.onFrame((drawMs) => (lastDrawMs = drawMs));
      const workMs: number[] = [];
      const intervalMs: number[] = [];
      const appendMs: number[] = [];
      const updateMs: number[] = [];
      const drawMs: number[] = [];
      let delivered = 0;
      let previous = await nextAnimationFrame();
      const started = previous;
      while (previous - started < durationMs) {
        const frameStart = performance.now();
        const due = Math.min(events.length, Math.floor(((frameStart - started) / 1000) * eventsPerSecond));
        applyEvents(data, events, delivered, due);
        delivered = due;
        const applied = performance.now();
        controls.changed();
        const updated = performance.now();
        appendMs.push(applied - frameStart);
        updateMs.push(updated - applied);
        drawMs.push(lastDrawMs);
        workMs.push(updated - frameStart + lastDrawMs);
        const now = await nextAnimationFrame();
        intervalMs.push(now - previous);
        previous = now;
      }
      stop();
      return { workMs, intervalMs, appendMs, updateMs, drawMs, events: delivered, tasks: data.count };
    },

    /** Frame intervals of the page doing nothing: what the machine allows at best right now. */
    async idle(durationMs: number): Promise<number[]> {
      const intervalMs: number[] = [];
      let previous = await nextAnimationFrame();
      const started = previous;
      while (previous - started < durationMs) {
        const now = await nextAnimationFrame();
        intervalMs.push(now - previous);
        previous = now;
      }
      return intervalMs;
    },

    /** Zooms to `spanMs` around task `taskIndex` and says where its bar is (page px), for screenshots. */
    async focusTask(taskIndex: number, spanMs: number): Promise<{ x: number; y: number } | null> {
      const data = controls.data();
      const slot = data.slotOfTask(taskIndex);
      const middle = (data.startMs[slot]! + data.endMs[slot]!) / 2;
      controls.showRange(middle - spanMs / 2, middle + spanMs / 2);
      controls.changed();
      await nextAnimationFrame();
      await nextAnimationFrame();
      return controls.taskPoint(slot);
    },

    /** Index of the first task that ended `status` after `afterMs`, or -1. */
    firstTaskWith(status: TimelineStatus, afterMs = 0): number {
      const data = controls.data();
      const code = statusCode(status);
      for (let slot = 0; slot < data.count; slot++) {
        if (data.status[slot] === code && data.startMs[slot]! >= afterMs) return data.taskIndex[slot]!;
      }
      return -1;
    },
  };
}

export type TimelineBenchApi = ReturnType<typeof createBenchApi>;

declare global {
  interface Window {
    timelineBench: TimelineBenchApi;
  }
}
