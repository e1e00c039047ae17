import type { ExportableRun } from '../../../shared/run/run-schema';
import { runCsvChunks } from './export-csv';
import { runJsonChunks } from './export-json';
import { runTraceChunks } from './export-trace';
import { streamedRun, type StreamedRun } from './run-stream';

/** The formats a run can be exported in: lossless JSON (for import), CSV (one row per task), Chrome trace. */
export const EXPORT_FORMATS = ['json', 'csv', 'trace'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMATS: Record<ExportFormat, { chunks: (run: StreamedRun) => Iterable<string>; suffix: string; mimeType: string }> = {
  json: { chunks: runJsonChunks, suffix: '.json', mimeType: 'application/json' },
  csv: { chunks: runCsvChunks, suffix: '.csv', mimeType: 'text/csv' },
  trace: { chunks: runTraceChunks, suffix: '.trace.json', mimeType: 'application/json' },
};

/** `run-12-sixteen-timers.csv`: the id, then the name reduced to safe file-name characters. */
export function exportFileName(run: Pick<ExportableRun, 'id' | 'name'>, format: ExportFormat): string {
  const slug = run.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `run-${run.id}${slug === '' ? '' : `-${slug}`}${FORMATS[format].suffix}`;
}

/** A run as a file in one of `EXPORT_FORMATS`, ready to save or download. */
export function exportRunFile(run: ExportableRun, format: ExportFormat): { fileName: string; mimeType: string; content: string } {
  const { chunks, mimeType } = FORMATS[format];
  return { fileName: exportFileName(run, format), mimeType, content: [...chunks(streamedRun(run))].join('') };
}

/** A run in one of `EXPORT_FORMATS`, handed to `write` in pieces as its tasks are read: for runs too big to hold as one text. */
export function writeRunExport(run: StreamedRun, format: ExportFormat, write: (chunk: string) => void): void {
  for (const chunk of FORMATS[format].chunks(run)) write(chunk);
}
