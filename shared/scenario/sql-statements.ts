/**
 * How many SQL statements `sql` holds: a `;` ends one only outside string literals, quoted names, comments
 * and the body of a `CREATE TRIGGER ... BEGIN ... END`, and a statement of only whitespace and comments does
 * not count. It follows SQLite's own rule for a complete statement (`sqlite3_complete`), so the scenario check
 * can refuse a `sql` of several statements before any engine starts.
 */
export function countSqlStatements(sql: string): number {
  let count = 0;
  let words: string[] = [];
  let pending = false;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i] ?? '';
    const next = sql[i + 1] ?? '';
    if (ch === '-' && next === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (ch === "'" || ch === '"' || ch === '`' || ch === '[') {
      i = endOfQuoted(sql, i, ch === '[' ? ']' : ch);
      pending = true;
      words.push('');
    } else if (ch === ';') {
      i += 1;
      if (insideTriggerBody(words)) continue;
      if (pending) count += 1;
      pending = false;
      words = [];
    } else if (/\w/.test(ch)) {
      const match = /^\w+/.exec(sql.slice(i, i + 64)) ?? [ch];
      words.push(match[0].toUpperCase());
      i += match[0].length;
      pending = true;
    } else {
      if (!/\s/.test(ch)) pending = true;
      i += 1;
    }
  }
  return pending ? count + 1 : count;
}

/** A trigger's body holds statements of its own: its `;` end the statement only after the closing `END`. */
function insideTriggerBody(words: readonly string[]): boolean {
  if (words[0] !== 'CREATE' || !words.slice(1, 4).includes('TRIGGER')) return false;
  return words[words.length - 1] !== 'END';
}

/** The index after the quoted text starting at `start`; a doubled closing quote is part of the text. */
function endOfQuoted(sql: string, start: number, close: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) i += 2;
      else return i + 1;
    } else i += 1;
  }
  return sql.length;
}
