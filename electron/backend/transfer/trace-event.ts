/** One event of the Chrome Trace Event format (the JSON that chrome://tracing and Perfetto open). */
export interface TraceEvent {
  name: string;
  ph: 'X' | 'C' | 'M';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  args: Record<string, unknown>;
}
