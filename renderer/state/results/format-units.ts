/** `0.42 ms`, `12.3 ms`, `456 ms`, `1.23 s`, `2 min 5 s`: durations as a person reads them. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

// One formatter for every call: `toLocaleString` builds a new one each time, which a long table feels.
const WHOLE_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1,234` */
export function formatCount(n: number): string {
  return WHOLE_NUMBER.format(Math.round(n));
}

/** `12.5 /s`, `1,234 /s` */
export function formatRate(perSec: number): string {
  return `${perSec < 100 ? perSec.toFixed(1) : formatCount(perSec)} /s`;
}

/** `87%` of something, with no decimals past 10. */
export function formatPercent(percent: number): string {
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** `1.5 MB` */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
