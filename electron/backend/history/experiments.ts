import type { Database, Statement } from 'better-sqlite3';
import { HistoryError } from './history-error';
import { NewExperimentSchema, parseInput } from './inputs';
import type { Experiment, ExperimentKind, ExperimentSummary } from '../../../shared/run/experiment';
import { errorMessage } from '../../../shared/errors/error-message';

export type { Experiment, ExperimentKind, ExperimentSummary } from '../../../shared/run/experiment';

function paramsJson(params: unknown): string {
  try {
    return JSON.stringify(params ?? null);
  } catch (error) {
    throw HistoryError.invalid('Invalid experiment', [{ path: 'params', message: `must be plain JSON data: ${errorMessage(error)}` }]);
  }
}

/** Stores experiments; runs join one through `createRun({ experimentId })`. */
export class ExperimentStore {
  readonly #insert: Statement;
  readonly #select: Statement;
  readonly #runIds: Statement;
  readonly #summaries: Statement;

  constructor(db: Database) {
    this.#insert = db.prepare('INSERT INTO experiments (kind, name, params, created_at) VALUES (?, ?, ?, ?)');
    this.#select = db.prepare('SELECT id, kind, name, params, created_at AS createdAt FROM experiments WHERE id = ?');
    this.#runIds = db.prepare('SELECT id FROM runs WHERE experiment_id = ? AND deleted_at IS NULL ORDER BY id').pluck();
    this.#summaries = db.prepare(
      `SELECT e.id, e.kind, e.name, e.created_at AS createdAt,
         (SELECT count(*) FROM runs r WHERE r.experiment_id = e.id AND r.deleted_at IS NULL) AS runCount
       FROM experiments e ORDER BY e.created_at DESC, e.id DESC`,
    );
  }

  create(input: { kind: ExperimentKind; name: string; params: unknown }): number {
    const checked = parseInput(NewExperimentSchema, input, 'experiment');
    const params = paramsJson(checked.params);
    return Number(this.#insert.run(checked.kind, checked.name, params, new Date().toISOString()).lastInsertRowid);
  }

  get(id: number): Experiment | null {
    const row = this.#select.get(id) as (Omit<Experiment, 'params' | 'runIds'> & { params: string }) | undefined;
    if (row === undefined) return null;
    return { ...row, params: JSON.parse(row.params) as unknown, runIds: this.#runIds.all(id) as number[] };
  }

  /** Newest first. */
  list(): ExperimentSummary[] {
    return this.#summaries.all() as ExperimentSummary[];
  }
}
