import type { RunQuery, RunSortKey } from '../../../shared/run/run-query';
import type { RunStatus } from '../../../shared/run/run-schema';
import type { StrategyType } from '../../../shared/scenario';

/** What the filter bar holds, as the user typed it; empty text and null mean "any". */
export interface RunFilterValues {
  text: string;
  strategy: StrategyType | null;
  status: RunStatus | null;
  tag: string;
  /** Local calendar days (`2025-03-01`), both ends included. */
  from: string;
  to: string;
  experimentId: number | null;
}

export type SortOrder = 'asc' | 'desc';

export const NO_FILTERS: RunFilterValues = { text: '', strategy: null, status: null, tag: '', from: '', to: '', experimentId: null };

/** Names read best A to Z first; times, sizes and states read best largest or newest first. */
const FIRST_ORDER: Record<RunSortKey, SortOrder> = {
  name: 'asc',
  status: 'asc',
  createdAt: 'desc',
  wallMs: 'desc',
  tasks: 'desc',
  failures: 'desc',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day's first (or last) instant as ISO 8601 with its offset, for the backend's `from`/`to`. */
export function localDayBound(day: string, end: boolean): string | undefined {
  if (!DAY.test(day)) return undefined;
  const instant = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}

/** The History view's filters and sort order, and the `RunQuery` they make for `history.list`. */
export class RunFilters {
  #values = $state.raw<RunFilterValues>(NO_FILTERS);
  #sort = $state<RunSortKey>('createdAt');
  #order = $state<SortOrder>('desc');

  /** The query without paging: only what is set goes in, so `{}` lists every run newest first. */
  readonly query: RunQuery = $derived.by(() => {
    const v = this.#values;
    const text = v.text.trim();
    const tag = v.tag.trim();
    return {
      ...(text === '' ? {} : { text }),
      ...(v.strategy === null ? {} : { strategy: v.strategy }),
      ...(v.status === null ? {} : { status: v.status }),
      ...(tag === '' ? {} : { tag }),
      ...optional('from', localDayBound(v.from, false)),
      ...optional('to', localDayBound(v.to, true)),
      ...(v.experimentId === null ? {} : { experimentId: v.experimentId }),
      sort: this.#sort,
      order: this.#order,
    };
  });

  /** True when some filter (not the sort) narrows the list. */
  readonly active: boolean = $derived(Object.entries(this.#values).some(([key, value]) => value !== NO_FILTERS[key as keyof RunFilterValues]));

  /** The last day is before the first: nothing can match. */
  readonly backwards: boolean = $derived(this.#values.from !== '' && this.#values.to !== '' && this.#values.to < this.#values.from);

  get values(): RunFilterValues { return this.#values; }
  get sort(): RunSortKey { return this.#sort; }
  get order(): SortOrder { return this.#order; }

  set<K extends keyof RunFilterValues>(field: K, value: RunFilterValues[K]): void {
    if (this.#values[field] === value) return;
    this.#values = { ...this.#values, [field]: value };
  }

  clear(): void {
    this.#values = NO_FILTERS;
  }

  /** A click on a column header: the same column again reverses the order, another starts at its natural order. */
  sortBy(key: RunSortKey): void {
    if (this.#sort === key) {
      this.#order = this.#order === 'asc' ? 'desc' : 'asc';
      return;
    }
    this.#sort = key;
    this.#order = FIRST_ORDER[key];
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
