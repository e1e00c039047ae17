interface TimeUnit {
  readonly unit: string;
  readonly ms: number;
}

const MICROSECONDS: TimeUnit = { unit: 'µs', ms: 0.001 };
const UNITS: readonly TimeUnit[] = [{ unit: 's', ms: 1000 }, { unit: 'ms', ms: 1 }, MICROSECONDS];

function unitFor(ms: number): TimeUnit {
  const size = Math.abs(ms);
  return UNITS.find((u) => size >= u.ms) ?? MICROSECONDS;
}

/** A duration or time with its unit and about four significant digits: "850 µs", "12.35 ms", "1.204 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms === 0) return '0 ms';
  const { unit, ms: size } = unitFor(ms);
  const value = ms / size;
  const digits = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3;
  return `${Number(value.toFixed(digits))} ${unit}`;
}

/** A moment of the run (ms from its start) to the microsecond, as the engine records it: "4016.253 ms". */
export function formatTimestamp(ms: number): string {
  return Number.isFinite(ms) ? `${ms.toFixed(3)} ms` : '—';
}

/** Past this many units a tick label switches to the next larger unit ("10.05 ms", not "10050 µs"). */
const MAX_TICK_VALUE = 10_000;

/**
 * Labels for ticks `stepMs` apart up to `largestMs`: one unit for the whole axis (the step's, or a larger one
 * when the numbers would get long), with just enough decimals to tell neighbouring ticks apart.
 */
export function tickFormatter(stepMs: number, largestMs: number): (ms: number) => string {
  let index = UNITS.indexOf(unitFor(stepMs));
  while (index > 0 && Math.abs(largestMs) / UNITS[index]!.ms >= MAX_TICK_VALUE) index--;
  const { unit, ms: size } = UNITS[index] ?? MICROSECONDS;
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(stepMs / size) + 1e-9)));
  return (ms) => `${(ms / size).toFixed(decimals)} ${unit}`;
}

const counts = new Intl.NumberFormat('en');

/** A count with thousands separators ("100,000"); one shared formatter, since live counts change every frame. */
export function formatCount(count: number): string {
  return counts.format(count);
}
