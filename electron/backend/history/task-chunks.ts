import type { Database, Statement } from 'better-sqlite3';
import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { TaskArrays } from '../../../shared/run/task-columns';

/** Tasks per stored chunk at most: an import of a million tasks is stored as ten blobs, not one of 50 MB. */
const MAX_CHUNK_TASKS = 100_000;

/** Bytes a task takes in a chunk: four float64 times, index, group and lane as uint32, attempts as uint16, kind, status and orphaned as uint8. */
const BYTES_PER_TASK = 4 * 8 + 3 * 4 + 2 + 3;

/** What a chunk's numbers refer to: its kind and status codes, and its tasks with an error (positions in the chunk). */
interface ChunkTables {
  kinds: string[];
  statuses: string[];
  errors: { at: number[]; message: string[] };
}

interface ChunkRow {
  taskCount: number;
  tables: string;
  data: Buffer;
}

/** Codes of values in the order they first appear. */
function codeTable(values: readonly string[]): { table: string[]; codes: Map<string, number> } {
  const codes = new Map<string, number>();
  for (const value of values) if (!codes.has(value)) codes.set(value, codes.size);
  return { table: [...codes.keys()], codes };
}

/** One chunk's tasks as bytes (every column in turn, widest first so each starts aligned) and its tables. */
function packChunk(tasks: readonly TaskRecord[]): { tables: ChunkTables; bytes: Uint8Array } {
  const n = tasks.length;
  const buffer = new ArrayBuffer(n * BYTES_PER_TASK);
  const times = new Float64Array(buffer, 0, 4 * n);
  const whole = new Uint32Array(buffer, 32 * n, 3 * n);
  const attempts = new Uint16Array(buffer, 44 * n, n);
  const codes = new Uint8Array(buffer, 46 * n, 3 * n);
  const kinds = codeTable(tasks.map((t) => t.kind));
  const statuses = codeTable(tasks.map((t) => t.status));
  const errors: ChunkTables['errors'] = { at: [], message: [] };
  tasks.forEach((t, i) => {
    times[i] = t.queuedMs;
    times[n + i] = t.startMs;
    times[2 * n + i] = t.endMs;
    times[3 * n + i] = t.observedMs;
    whole[i] = t.index;
    whole[n + i] = t.group;
    whole[2 * n + i] = t.lane;
    attempts[i] = t.attempts;
    codes[i] = kinds.codes.get(t.kind)!;
    codes[n + i] = statuses.codes.get(t.status)!;
    codes[2 * n + i] = t.orphaned ? 1 : 0;
    if (t.error !== null) {
      errors.at.push(i);
      errors.message.push(t.error);
    }
  });
  return { tables: { kinds: kinds.table, statuses: statuses.table, errors }, bytes: new Uint8Array(buffer) };
}

/** Positions in `table` (a few kinds or statuses) of each of `values`, adding the ones it lacks. */
function merge(table: string[], values: readonly string[]): number[] {
  return values.map((value) => {
    const at = table.indexOf(value);
    return at >= 0 ? at : table.push(value) - 1;
  });
}

/**
 * A run's tasks also stored as packed columns, a chunk per batch (`task_chunks`), beside their rows: reading
 * a million rows back one by one takes seconds, reading their chunks a few tens of milliseconds. The rows stay
 * what queries, exports and older runs read; the chunks are written in the caller's transaction, so a run has
 * chunks for exactly the tasks it has rows for.
 */
export class TaskChunks {
  readonly #insert: Statement;
  readonly #chunks: Statement;
  readonly #taskCount: Statement;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO task_chunks (run_id, task_count, tables, data) VALUES (?, ?, ?, ?)');
    this.#chunks = db.prepare('SELECT task_count AS taskCount, tables, data FROM task_chunks WHERE run_id = ? ORDER BY id');
    this.#taskCount = db.prepare('SELECT task_count FROM runs WHERE id = ?').pluck();
  }

  /** Stores `tasks` (any order) as one chunk or more; the caller holds the transaction. */
  insert(runId: number, tasks: readonly TaskRecord[]): void {
    for (let from = 0; from < tasks.length; from += MAX_CHUNK_TASKS) {
      const part = tasks.slice(from, from + MAX_CHUNK_TASKS);
      const { tables, bytes } = packChunk(part);
      this.#insert.run(runId, part.length, JSON.stringify(tables), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
  }

  /**
   * The run's tasks as columns in index order, or null when its chunks cannot stand for its rows: a run
   * recorded before chunks were stored, or one whose task indexes are not exactly 0..count-1 (the rows,
   * read in index order, are then the answer). The caller holds the read transaction.
   */
  read(runId: number): TaskArrays | null {
    const count = this.#taskCount.get(runId) as number | undefined;
    if (count === undefined) return null;
    const rows = this.#chunks.all(runId) as ChunkRow[];
    if (rows.reduce((sum, row) => sum + row.taskCount, 0) !== count) return null;
    const out = emptyArrays(count);
    const seen = new Uint8Array(count);
    const errors: { at: number; message: string }[] = [];
    for (const row of rows) {
      if (!placeChunk(row, out, seen, errors)) return null;
    }
    errors.sort((a, b) => a.at - b.at);
    const messages = codeTable(errors.map((e) => e.message));
    out.errors = { at: errors.map((e) => e.at), message: errors.map((e) => messages.codes.get(e.message)!), messages: messages.table };
    return out;
  }
}

function emptyArrays(count: number): TaskArrays {
  return {
    count,
    index: new Uint32Array(count),
    group: new Uint32Array(count),
    kind: new Uint8Array(count),
    lane: new Uint32Array(count),
    queuedMs: new Float64Array(count),
    startMs: new Float64Array(count),
    endMs: new Float64Array(count),
    observedMs: new Float64Array(count),
    status: new Uint8Array(count),
    orphaned: new Uint8Array(count),
    attempts: new Uint16Array(count),
    kinds: [],
    statuses: [],
    errors: { at: [], message: [], messages: [] },
  };
}

/** Puts each task of a chunk at its index in `out`; false when an index is out of range or seen before. */
function placeChunk(row: ChunkRow, out: TaskArrays, seen: Uint8Array, errors: { at: number; message: string }[]): boolean {
  const n = row.taskCount;
  if (row.data.byteLength !== n * BYTES_PER_TASK) return false;
  // The blob's own bytes when they start aligned for float64 (a blob this large has a buffer of its own), else a
  // copy that does.
  const data = row.data.byteOffset % 8 === 0 ? row.data : new Uint8Array(row.data);
  const { buffer, byteOffset: at } = data;
  const times = new Float64Array(buffer, at, 4 * n);
  const whole = new Uint32Array(buffer, at + 32 * n, 3 * n);
  const attempts = new Uint16Array(buffer, at + 44 * n, n);
  const codes = new Uint8Array(buffer, at + 46 * n, 3 * n);
  const tables = JSON.parse(row.tables) as ChunkTables;
  const kindCodes = merge(out.kinds as string[], tables.kinds);
  const statusCodes = merge(out.statuses as string[], tables.statuses);
  const first = whole[0] ?? 0;
  const chunk = { times, whole, attempts, codes };
  const placed =
    isRange(whole, n, first) && first + n <= out.count
      ? placeRange(chunk, n, first, out, seen, kindCodes, statusCodes)
      : placeEach(chunk, n, out, seen, kindCodes, statusCodes);
  if (!placed) return false;
  tables.errors.at.forEach((position, i) => errors.push({ at: whole[position]!, message: tables.errors.message[i]! }));
  return true;
}

/** A chunk's columns as typed arrays over its bytes. */
interface ChunkColumns {
  times: Float64Array;
  whole: Uint32Array;
  attempts: Uint16Array;
  codes: Uint8Array;
}

/** True when the chunk holds tasks `first`, `first + 1`, ... in order: an import, or a batch of a sequential run. */
function isRange(whole: Uint32Array, n: number, first: number): boolean {
  for (let i = 1; i < n; i++) if (whole[i] !== first + i) return false;
  return true;
}

/** Copies a chunk of consecutive tasks column by column (a memory copy each); false when one was placed before. */
function placeRange(chunk: ChunkColumns, n: number, first: number, out: TaskArrays, seen: Uint8Array, kindCodes: number[], statusCodes: number[]): boolean {
  const { times, whole, attempts, codes } = chunk;
  for (let at = first; at < first + n; at++) if (seen[at] === 1) return false;
  seen.fill(1, first, first + n);
  out.index.set(whole.subarray(0, n), first);
  out.group.set(whole.subarray(n, 2 * n), first);
  out.lane.set(whole.subarray(2 * n, 3 * n), first);
  out.queuedMs.set(times.subarray(0, n), first);
  out.startMs.set(times.subarray(n, 2 * n), first);
  out.endMs.set(times.subarray(2 * n, 3 * n), first);
  out.observedMs.set(times.subarray(3 * n, 4 * n), first);
  out.attempts.set(attempts, first);
  out.orphaned.set(codes.subarray(2 * n, 3 * n), first);
  for (let i = 0; i < n; i++) {
    out.kind[first + i] = kindCodes[codes[i]!]!;
    out.status[first + i] = statusCodes[codes[n + i]!]!;
  }
  return true;
}

/** Puts each task of a chunk at its index; false when an index is out of range or seen before. */
function placeEach(chunk: ChunkColumns, n: number, out: TaskArrays, seen: Uint8Array, kindCodes: number[], statusCodes: number[]): boolean {
  const { times, whole, attempts, codes } = chunk;
  for (let i = 0; i < n; i++) {
    const at = whole[i]!;
    if (at >= out.count || seen[at] === 1) return false;
    seen[at] = 1;
    out.index[at] = at;
    out.group[at] = whole[n + i]!;
    out.lane[at] = whole[2 * n + i]!;
    out.queuedMs[at] = times[i]!;
    out.startMs[at] = times[n + i]!;
    out.endMs[at] = times[2 * n + i]!;
    out.observedMs[at] = times[3 * n + i]!;
    out.attempts[at] = attempts[i]!;
    out.kind[at] = kindCodes[codes[i]!]!;
    out.status[at] = statusCodes[codes[n + i]!]!;
    out.orphaned[at] = codes[2 * n + i]!;
  }
  return true;
}
