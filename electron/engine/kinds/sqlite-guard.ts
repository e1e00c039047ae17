import type Database from 'better-sqlite3';

/** One row of `EXPLAIN`: an instruction of the program SQLite compiled the statement to. */
interface ProgramStep {
  opcode: string;
  p2: number;
  p4: string | null;
}

/** Function calls of the compiled program that reach outside the task's own database. */
const REFUSED_FUNCTIONS: readonly { prefix: string; what: string }[] = [
  { prefix: 'sqlite_attach(', what: 'ATTACH (it would open another database file)' },
  { prefix: 'sqlite_detach(', what: 'DETACH' },
  { prefix: 'load_extension(', what: 'loading an extension' },
];

function refusal(step: ProgramStep): string | null {
  if (step.opcode === 'Vacuum' && step.p2 !== 0) return 'VACUUM INTO (it would write another file)';
  if (step.opcode !== 'Function' && step.opcode !== 'PureFunc') return null;
  const p4 = step.p4 ?? '';
  return REFUSED_FUNCTIONS.find((f) => p4.startsWith(f.prefix))?.what ?? null;
}

/**
 * What a `sqlite` task may not do, found in the program SQLite compiles the statement to (`EXPLAIN`), so
 * SQLite's own parser decides, whatever the spelling: reaching another file through ATTACH, DETACH or
 * VACUUM INTO, or loading an extension. better-sqlite3 exposes neither an authorizer nor `sqlite3_limit`
 * (SQLITE_LIMIT_ATTACHED), so this check stands in for them. What better-sqlite3 does offer stays on: its
 * connections are defensive (SQLITE_DBCONFIG_DEFENSIVE; the engine never calls `unsafeMode`) and the
 * `load_extension()` SQL function is off.
 *
 * Prepares `sql` on `db` after that check; throws an Error naming the database the task may query (its scratch
 * database, or the user's `database` at `userDatabase`) and what is refused (shown as the task's error, or as the
 * scenario's when the engine checks the query before the clock starts).
 */
export function prepareGuarded(db: Database.Database, sql: string, userDatabase: string | null = null): Database.Statement {
  const program = db.prepare(`EXPLAIN ${sql}`).all() as ProgramStep[];
  for (const step of program) {
    const refused = refusal(step);
    if (refused === null) continue;
    const allowed = userDatabase === null ? 'its own scratch database' : `the database it names, ${userDatabase} (opened read-only)`;
    throw new Error(`a sqlite task may only query ${allowed}: ${refused} is not allowed`);
  }
  return db.prepare(sql);
}
