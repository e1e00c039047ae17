import type { Finding } from '../../../shared/findings';
import type { Database } from 'better-sqlite3';
import type { RunMetrics } from '../../../shared/metrics/metrics-schema';
import type { RunQuery } from '../../../shared/run/run-query';
import type { ExportableRun, RunDetail, RunExport, RunSummary } from '../../../shared/run/run-schema';
import type { StreamedRun } from '../../../shared/run/streamed-run';
import type { ColumnarRun } from '../../../shared/run/task-columns';
import type { PackedRuntime } from '../../../shared/runtime/runtime-packing';
import type { RuntimeTrace } from '../../../shared/runtime/runtime-slices';
import type { SavedScenario } from '../../../shared/run/saved-scenario';
import type { Scenario } from '../../../shared/scenario';
import { HistoryError } from './history-error';
import type { NewRun } from './inputs';
import { ExecConsents } from './exec-consents';
import { ExperimentStore, type Experiment, type ExperimentKind, type ExperimentSummary } from './experiments';
import { openDatabase, type OpenOptions } from './open-database';
import { RunEditor } from './run-editor';
import { RunImporter, type ImportedRun, type ImportSink } from './run-import';
import { RunReader } from './run-reader';
import { RunWriter, type RunBatch } from './run-writer';
import { ScenarioLibrary } from './saved-scenarios';

/**
 * The run history: runs with their tasks and samples, saved scenarios and experiments, in one SQLite
 * file that the app and the CLI share. Every method is synchronous; errors a person should read are
 * `HistoryError`s and leave the database as it was.
 */
export class HistoryStore {
  readonly #writer: RunWriter;
  readonly #reader: RunReader;
  readonly #editor: RunEditor;
  readonly #importer: RunImporter;
  readonly #experiments: ExperimentStore;
  readonly #scenarios: ScenarioLibrary;
  readonly #consents: ExecConsents;
  readonly #db: Database;

  private constructor(
    db: Database,
    /** The database file. */
    readonly path: string,
  ) {
    this.#db = db;
    this.#reader = new RunReader(db);
    this.#writer = new RunWriter(db);
    this.#editor = new RunEditor(db, this.#reader);
    this.#importer = new RunImporter(db);
    this.#experiments = new ExperimentStore(db);
    this.#scenarios = new ScenarioLibrary(db);
    this.#consents = new ExecConsents(db);
  }

  /** Opens (creating folders and file) and migrates; throws HistoryError with a clear message. */
  static open(path: string, options: OpenOptions = {}): HistoryStore {
    return new HistoryStore(openDatabase(path, options), path);
  }

  close(): void {
    this.#db.close();
  }

  /** True when the store was opened read-only (asked for, or the file or its folder is not writable). */
  get readOnly(): boolean {
    return this.#db.readonly;
  }

  /** What a host says at start about a read-only history: the path, what still works, and what to do. */
  readOnlyNotice(): string {
    return (
      `The history database ${this.path} is read-only: runs can be listed, shown, compared and exported, but not ` +
      `run, imported or deleted. Make the file and its folder writable, or choose another database with --db.`
    );
  }

  /**
   * Called first by every write, so that a read-only store says so instead of failing deep in SQLite; and by a
   * command that must refuse before it asks or starts anything.
   */
  assertWritable(): void {
    if (this.#db.readonly) {
      throw new HistoryError(
        'read-only',
        `The history database ${this.path} is read-only, so nothing was changed or started. Make the file and its folder writable, or choose another database with --db.`,
      );
    }
  }

  /** Runs left `running` by a process that died become `interrupted`; returns how many (none in a read-only store). */
  markInterruptedRuns(): number {
    if (this.#db.readonly) return 0;
    return this.#writer.markInterruptedRuns();
  }

  /** Starts recording a run (status `running`, owned by this process); returns its id. */
  createRun(input: NewRun): number {
    this.assertWritable();
    return this.#writer.createRun(input);
  }

  recordStarted(runId: number, info: { startedAtEpochMs: number; totalTasks: number; lanes: number }): void {
    this.assertWritable();
    this.#writer.recordStarted(runId, info);
  }

  /** One transaction per call. */
  appendBatch(runId: number, batch: RunBatch): void {
    this.assertWritable();
    this.#writer.appendBatch(runId, batch);
  }

  finishRun(runId: number, result: { status: 'completed' | 'cancelled' | 'failed'; metrics: RunMetrics | null; error?: string | null }): void {
    this.assertWritable();
    this.#writer.finishRun(runId, result);
  }

  listRuns(query?: RunQuery): RunSummary[] {
    return this.#reader.listRuns(query);
  }

  countRuns(query?: RunQuery): number {
    return this.#reader.countRuns(query);
  }

  /** Tasks ordered by index, samples by time; null for an unknown or trashed run. */
  getRun(id: number): RunDetail | null {
    return this.#reader.getRun(id);
  }

  /** `RunReader.getFindings`: a run's findings, null for an unknown or trashed run. */
  getFindings(id: number): Finding[] | null {
    return this.#reader.getFindings(id);
  }

  /** `getRun` with its runtime tracks, for an export. */
  getExportableRun(id: number): ExportableRun | null {
    return this.#reader.getExportableRun(id);
  }

  /** The run's runtime tracks as users see them (empty for a tasks-mode run); null for an unknown or trashed run. */
  getRuntimeTrace(id: number): RuntimeTrace | null {
    return this.#reader.getRuntimeTrace(id);
  }

  /** The run's runtime slices packed for drawing; null for a tasks-mode, unknown or trashed run. */
  getPackedRuntime(id: number): PackedRuntime | null {
    return this.#reader.getPackedRuntime(id);
  }

  /** The run with its tasks read one at a time while `use` writes it out (`RunReader.streamRun`). */
  streamRun<T>(id: number, use: (run: StreamedRun) => T): T | null {
    return this.#reader.streamRun(id, use);
  }

  /** `getRun` with the tasks as columns (a fraction of the size, for drawing many runs at once). */
  getColumnarRun(id: number): ColumnarRun | null {
    return this.#reader.getColumnarRun(id);
  }

  getRunSummary(id: number): RunSummary | null {
    return this.#reader.getRunSummary(id);
  }

  updateRun(id: number, patch: { name?: string; notes?: string; tags?: string[] }): RunSummary {
    this.assertWritable();
    return this.#editor.updateRun(id, patch);
  }

  /** Moves runs to the trash; returns how many were moved. */
  deleteRuns(ids: readonly number[]): number {
    this.assertWritable();
    return this.#editor.deleteRuns(ids);
  }

  /** Puts back runs deleted by deleteRuns (for Undo); returns how many came back. */
  restoreRuns(ids: readonly number[]): number {
    this.assertWritable();
    return this.#editor.restoreRuns(ids);
  }

  /** Removes the runs in the trash for good. */
  purgeDeleted(): void {
    this.assertWritable();
    this.#editor.purgeDeleted();
  }

  /** Adds an already validated export as a new run (one transaction); returns the new id. */
  importRun(data: RunExport): number {
    this.assertWritable();
    return this.#importer.importRun(data);
  }

  /** Adds a run whose records `read` validates and hands over as it reads them, in one transaction (`RunImporter.importStreamed`). */
  importStreamed(read: (sink: ImportSink) => ImportedRun): number {
    this.assertWritable();
    return this.#importer.importStreamed(read);
  }

  createExperiment(input: { kind: ExperimentKind; name: string; params: unknown }): number {
    this.assertWritable();
    return this.#experiments.create(input);
  }

  getExperiment(id: number): Experiment | null {
    return this.#experiments.get(id);
  }

  listExperiments(): ExperimentSummary[] {
    return this.#experiments.list();
  }

  listScenarios(): SavedScenario[] {
    return this.#scenarios.list();
  }

  getScenario(id: number): SavedScenario | null {
    return this.#scenarios.get(id);
  }

  saveScenario(input: { id?: number; name: string; scenario: Scenario }): SavedScenario {
    this.assertWritable();
    return this.#scenarios.save(input);
  }

  deleteScenario(id: number): boolean {
    this.assertWritable();
    return this.#scenarios.delete(id);
  }

  /** Whether the user chose to run the scenario with this content hash (it came from outside and executes code). */
  isExecGranted(contentHash: string): boolean {
    return this.#consents.isGranted(contentHash);
  }

  /** Remembers that the user chose to run the scenario with this content hash. */
  grantExec(contentHash: string): void {
    this.assertWritable();
    this.#consents.grant(contentHash);
  }
}
