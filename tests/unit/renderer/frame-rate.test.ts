/// <reference types="svelte" />
import { expect, it } from 'vitest';
import { FrameRateMeter } from '../../../renderer/state/frame-rate.svelte';

it('FrameRateMeter counts frames per second and the worst gap, and stops', () => {
  let clock = 0;
  let pending: (() => void) | null = null;
  const meter = new FrameRateMeter((cb) => (pending = cb), () => clock);
  const frame = (gapMs: number) => {
    clock += gapMs;
    const cb = pending;
    pending = null;
    cb?.();
  };
  meter.start();
  for (let i = 0; i < 30; i++) frame(1000 / 60);
  expect(meter.fps).toBe(60);
  frame(200);
  for (let i = 0; i < 20; i++) frame(1000 / 60);
  expect(meter.worstGapMs).toBeCloseTo(200);
  expect(meter.fps).toBeLessThan(60);
  meter.stop();
  frame(16);
  expect(pending).toBeNull();
});
