import type { SampleSummary } from './sample-summary';

function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `412 ± 18 ms (95% CI, n=5)`; a single run reads `412 ms (n=1)`. */
export function formatSummary(summary: Pick<SampleSummary, 'mean' | 'ci95' | 'n'>, unit: string): string {
  const suffix = unit === '' ? '' : ` ${unit}`;
  if (summary.ci95 === null) return `${formatNumber(summary.mean)}${suffix} (n=${summary.n})`;
  const halfWidth = (summary.ci95[1] - summary.ci95[0]) / 2;
  return `${formatNumber(summary.mean)} ± ${formatNumber(halfWidth)}${suffix} (95% CI, n=${summary.n})`;
}
