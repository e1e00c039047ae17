import type { ExportableRun, RunDetail } from '../../../shared/run/run-schema';
import { exportRunCsv } from './export-csv';
import { exportRunJson } from './export-json';
import { exportRunTrace } from './export-trace';

/** The formats a run can be exported in: lossless JSON (for import), CSV (one row per task), Chrome trace. */
export const EXPORT_FORMATS = ['json', 'csv', 'trace'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMATS: Record<ExportFormat, { write: (run: ExportableRun) => string; suffix: string; mimeType: string }> = {
  json: { write: exportRunJson, suffix: '.json', mimeType: 'application/json' },
  csv: { write: exportRunCsv, suffix: '.csv', mimeType: 'text/csv' },
  trace: { write: exportRunTrace, suffix: '.trace.json', mimeType: 'application/json' },
};

/** `run-12-sixteen-timers.csv`: the id, then the name reduced to safe file-name characters. */
export function exportFileName(run: Pick<RunDetail, 'id' | 'name'>, format: ExportFormat): string {
  const slug = run.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `run-${run.id}${slug === '' ? '' : `-${slug}`}${FORMATS[format].suffix}`;
}

/** A run as a file in one of `EXPORT_FORMATS`, ready to save or download. */
export function exportRunFile(run: ExportableRun, format: ExportFormat): { fileName: string; mimeType: string; content: string } {
  const { write, mimeType } = FORMATS[format];
  return { fileName: exportFileName(run, format), mimeType, content: write(run) };
}
