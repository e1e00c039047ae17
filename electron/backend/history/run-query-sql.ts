import type { RunQuery, RunSortKey } from '../../../shared/run/run-query';

/** A piece of SQL and the values its `?` stand for. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

const SORT_COLUMNS: Record<RunSortKey, string> = {
  createdAt: 'r.created_at',
  wallMs: 'r.wall_ms',
  tasks: 'r.task_count',
  failures: 'r.failure_count',
  name: 'r.name COLLATE NOCASE',
  status: 'r.status',
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Stored times are `toISOString()` text, so bounds are turned into the same form to compare as text. */
function instant(value: string, endOfDay: boolean): string {
  const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
  return new Date(endOfDay && DATE_ONLY.test(value) ? ms + DAY_MS - 1 : ms).toISOString();
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `WHERE ...` for a checked query; trashed runs are always left out. */
export function runWhere(query: RunQuery): SqlPart {
  const clauses = ['r.deleted_at IS NULL'];
  const params: unknown[] = [];
  const text = query.text?.trim();
  if (text) {
    clauses.push("(r.name LIKE ? ESCAPE '\\' OR r.scenario_name LIKE ? ESCAPE '\\' OR r.notes LIKE ? ESCAPE '\\')");
    const pattern = likePattern(text);
    params.push(pattern, pattern, pattern);
  }
  if (query.strategy !== undefined) {
    clauses.push('r.strategy_type = ?');
    params.push(query.strategy);
  }
  if (query.status !== undefined) {
    clauses.push('r.status = ?');
    params.push(query.status);
  }
  if (query.tag !== undefined) {
    clauses.push('EXISTS (SELECT 1 FROM json_each(r.tags) WHERE json_each.value = ?)');
    params.push(query.tag);
  }
  if (query.from !== undefined) {
    clauses.push('r.created_at >= ?');
    params.push(instant(query.from, false));
  }
  if (query.to !== undefined) {
    clauses.push('r.created_at <= ?');
    params.push(instant(query.to, true));
  }
  if (query.experimentId !== undefined) {
    clauses.push('r.experiment_id = ?');
    params.push(query.experimentId);
  }
  return { sql: `WHERE ${clauses.join(' AND ')}`, params };
}

/** `ORDER BY ... LIMIT ...`: empty values last, then newest id first so that the order is stable. */
export function runOrder(query: RunQuery): SqlPart {
  const column = SORT_COLUMNS[query.sort ?? 'createdAt'];
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  const nullsLast = query.sort === 'wallMs' ? 'r.wall_ms IS NULL, ' : '';
  const order = `ORDER BY ${nullsLast}${column} ${direction}, r.id ${direction}`;
  if (query.limit === undefined && query.offset === undefined) return { sql: order, params: [] };
  return { sql: `${order} LIMIT ? OFFSET ?`, params: [query.limit ?? -1, query.offset ?? 0] };
}
