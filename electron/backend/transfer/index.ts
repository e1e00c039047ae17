export { EXPORT_FORMATS, exportFileName, exportRunFile, writeRunExport, type ExportFormat } from './export-formats';
export type { StreamedRun } from './run-stream';
export { exportRunJson, RUN_EXPORT_FORMAT } from './export-json';
export { CSV_COLUMNS, exportRunCsv } from './export-csv';
export { exportRunTrace } from './export-trace';
export { ImportError, importRunFile, importRunText, MAX_PROBLEMS_IN_MESSAGE, parseRunImport, type ImportTarget } from './parse-import';
