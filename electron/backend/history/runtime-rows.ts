import type { Database, Statement } from 'better-sqlite3';
import { concatSlices, packSlices, slicesFromArrays, unpackSlices, type PackedRuntime } from '../../../shared/runtime/runtime-packing';
import { emptyRuntimeTrace, type RuntimeSlices, type RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import { traceFromSlices } from '../../../shared/runtime/runtime-trace';

interface ChunkRow {
  sliceCount: number;
  merged: number;
  types: string;
  data: Buffer;
}

/** Writes and reads the runtime slices of runs (`runtime_chunks`, one chunk per batch); writers hold the caller's transaction. */
export class RuntimeRows {
  readonly #insertChunk: Statement;
  readonly #chunks: Statement;

  constructor(db: Database) {
    this.#insertChunk = db.prepare('INSERT INTO runtime_chunks (run_id, slice_count, merged, types, data) VALUES (?, ?, ?, ?, ?)');
    this.#chunks = db.prepare('SELECT slice_count AS sliceCount, merged, types, data FROM runtime_chunks WHERE run_id = ? ORDER BY id');
  }

  /** Stores one batch's slices (already checked against the engine protocol). */
  insert(runId: number, slices: RuntimeSlices): void {
    const bytes = packSlices(slices);
    this.#insertChunk.run(runId, slices.track.length, slices.merged, JSON.stringify(slices.types), Buffer.from(bytes.buffer, 0, bytes.byteLength));
  }

  /** Every chunk of the run, in the order it was recorded. */
  read(runId: number): RuntimeSlices[] {
    return (this.#chunks.all(runId) as ChunkRow[]).map((row) => slicesFromArrays(unpackSlices(row.data, row.sliceCount, JSON.parse(row.types) as string[], row.merged)));
  }

  /** The run's tracks as users see them; empty for a run recorded in `tasks` mode. */
  readTrace(runId: number): RuntimeTrace {
    const chunks = this.read(runId);
    return chunks.length === 0 ? emptyRuntimeTrace() : traceFromSlices(chunks);
  }

  /** The run's slices packed as one blob, for drawing; null for a run recorded in `tasks` mode. */
  readPacked(runId: number): PackedRuntime | null {
    const chunks = this.read(runId);
    if (chunks.length === 0) return null;
    const all = concatSlices(chunks);
    const bytes = packSlices(all);
    return { count: all.track.length, types: all.types, merged: all.merged, base64: Buffer.from(bytes.buffer, 0, bytes.byteLength).toString('base64') };
  }
}
