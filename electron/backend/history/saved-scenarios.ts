import type { Database, Statement } from 'better-sqlite3';
import type { SavedScenario } from '../../../shared/run/saved-scenario';
import type { Scenario } from '../../../shared/scenario';
import { HistoryError } from './history-error';
import { parseInput, ScenarioToSaveSchema } from './inputs';

interface ScenarioRow extends Omit<SavedScenario, 'scenario'> {
  scenario: string;
}

const COLUMNS = 'id, name, scenario, created_at AS createdAt, updated_at AS updatedAt';

function toSaved(row: ScenarioRow): SavedScenario {
  return { ...row, scenario: JSON.parse(row.scenario) as Scenario };
}

/** Scenarios the user saved by name. */
export class ScenarioLibrary {
  readonly #all: Statement;
  readonly #one: Statement;
  readonly #insert: Statement;
  readonly #update: Statement;
  readonly #remove: Statement;

  constructor(db: Database) {
    this.#all = db.prepare(`SELECT ${COLUMNS} FROM scenarios ORDER BY name COLLATE NOCASE, id`);
    this.#one = db.prepare(`SELECT ${COLUMNS} FROM scenarios WHERE id = ?`);
    this.#insert = db.prepare('INSERT INTO scenarios (name, scenario, created_at, updated_at) VALUES (?, ?, ?, ?)');
    this.#update = db.prepare('UPDATE scenarios SET name = ?, scenario = ?, updated_at = ? WHERE id = ?');
    this.#remove = db.prepare('DELETE FROM scenarios WHERE id = ?');
  }

  /** By name, case-insensitively. */
  list(): SavedScenario[] {
    return (this.#all.all() as ScenarioRow[]).map(toSaved);
  }

  get(id: number): SavedScenario | null {
    const row = this.#one.get(id) as ScenarioRow | undefined;
    return row === undefined ? null : toSaved(row);
  }

  /** Without `id` saves a new scenario; with one replaces that scenario (which must exist). */
  save(input: { id?: number; name: string; scenario: Scenario }): SavedScenario {
    const checked = parseInput(ScenarioToSaveSchema, input, 'saved scenario');
    const now = new Date().toISOString();
    const scenario = JSON.stringify(checked.scenario);
    let id = checked.id;
    if (id === undefined) {
      id = Number(this.#insert.run(checked.name, scenario, now, now).lastInsertRowid);
    } else if (this.#update.run(checked.name, scenario, now, id).changes === 0) {
      throw HistoryError.notFound('saved scenario', id);
    }
    return this.get(id) as SavedScenario;
  }

  delete(id: number): boolean {
    return this.#remove.run(id).changes > 0;
  }
}
