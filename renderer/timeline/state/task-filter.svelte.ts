import type { TaskKind } from '../../../shared/scenario';
import { isEmptyFilter, type SortColumn, type StatusFilter, type TaskFilterValues, type TaskSort } from '../table/task-query';

/**
 * Which tasks of a run the reader is looking for, shared by the legend, the "Errors by message" table, the
 * task table (which lists them) and the timeline (which highlights them), and how the table is sorted.
 * Clicking the same legend entry or message again takes that part of the filter off.
 */
export class TaskFilter implements TaskFilterValues {
  kind = $state<TaskKind | null>(null);
  status = $state<StatusFilter | null>(null);
  errorText = $state('');
  search = $state('');
  sort = $state.raw<TaskSort | null>(null);

  /** True while some part of the filter (not the sort) narrows the tasks. */
  get active(): boolean {
    return !isEmptyFilter(this);
  }

  /** The filter's values as one plain object, read by the table and the timeline's highlight. */
  get values(): TaskFilterValues {
    return { kind: this.kind, status: this.status, errorText: this.errorText, search: this.search };
  }

  /** A legend's kind entry: only tasks of `kind`, or all kinds again. */
  toggleKind(kind: TaskKind): void {
    this.kind = this.kind === kind ? null : kind;
  }

  /** A legend's status entry: only tasks with `status`, or every status again. */
  toggleStatus(status: StatusFilter): void {
    this.status = this.status === status ? null : status;
  }

  /** A row of "Errors by message": the failed tasks with that message, or all tasks again. */
  toggleMessage(message: string): void {
    if (this.errorText === message && this.status === 'not-ok') {
      this.errorText = '';
      this.status = null;
    } else {
      this.errorText = message;
      this.status = 'not-ok';
    }
  }

  clear(): void {
    this.kind = null;
    this.status = null;
    this.errorText = '';
    this.search = '';
  }

  /** Sorts by `column`: ascending first, then descending, then back to slot order. */
  sortBy(column: SortColumn): void {
    const current = this.sort;
    if (current?.column !== column) this.sort = { column, descending: false };
    else this.sort = current.descending ? null : { column, descending: true };
  }

  /** `aria-sort` of a column header. */
  ariaSort(column: SortColumn): 'ascending' | 'descending' | 'none' {
    if (this.sort?.column !== column) return 'none';
    return this.sort.descending ? 'descending' : 'ascending';
  }
}
