import type { TimelineContext } from '../../../../renderer/timeline/render/timeline-view';

export interface RecordedCall {
  readonly method: string;
  readonly args: readonly unknown[];
  /** The fill style in effect when the call was made. */
  readonly fillStyle: unknown;
}

/** A 2D context that draws nothing and records every call, with text measured at 6 px per character. */
export function recordingContext(): { ctx: TimelineContext; calls: RecordedCall[]; count(method: string): number } {
  const calls: RecordedCall[] = [];
  const state: Record<string, unknown> = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
  };
  const ctx = new Proxy(state, {
    get(target, property: string) {
      if (property in target) return target[property];
      if (property === 'measureText') return (text: string) => ({ width: text.length * 6 });
      return (...args: unknown[]) => {
        calls.push({ method: property, args, fillStyle: target.fillStyle });
      };
    },
    set(target, property: string, value) {
      target[property] = value;
      return true;
    },
  }) as unknown as TimelineContext;
  return { ctx, calls, count: (method) => calls.filter((c) => c.method === method).length };
}
