import type { Database, Statement } from 'better-sqlite3';

/**
 * The scenarios from outside the app that execute code and that the user chose to run, by a hash of their
 * exact content (`scenarioContentHash`): an edited scenario has another hash and asks again.
 */
export class ExecConsents {
  readonly #select: Statement;
  readonly #insert: Statement;

  constructor(db: Database) {
    this.#select = db.prepare('SELECT 1 FROM exec_consents WHERE content_hash = ?').pluck();
    this.#insert = db.prepare('INSERT OR IGNORE INTO exec_consents (content_hash, granted_at) VALUES (?, ?)');
  }

  isGranted(contentHash: string): boolean {
    return this.#select.get(contentHash) !== undefined;
  }

  grant(contentHash: string): void {
    this.#insert.run(contentHash, new Date().toISOString());
  }
}
