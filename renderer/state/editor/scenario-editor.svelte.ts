import { checkScenario, checkScenarioText, type Scenario, type ScenarioInput, type StrategyType, type TaskKind } from '../../../shared/scenario';
import { defaultStrategy } from '../../../shared/strategies';
import type { Problem } from '../../../shared/validation/format-issues';
import { getAt, pathText, setAt, type DraftPath } from './draft-path';
import { placeProblems, type FormSection } from './problem-placement';
import { NEW_GROUPS } from './task-fields';

/** Which of the editor's two views is shown. */
export type EditorTab = 'form' | 'json';

const COMMON_GROUP_KEYS = ['count', 'failRate', 'label'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toText(draft: unknown): string {
  return JSON.stringify(draft, null, 2);
}

/**
 * One scenario being edited, as a form and as JSON text kept in sync. The draft is whatever the user
 * made, valid or not: nothing typed is ever thrown away. Form edits rewrite the text; text edits that
 * parse as JSON replace the draft; text that does not parse is kept as typed, and the form is then
 * read-only until it parses again (so a form edit cannot overwrite it).
 */
export class ScenarioEditor {
  #draft = $state.raw<unknown>({});
  #text = $state('');
  #syntaxProblem = $state.raw<Problem | null>(null);
  #savedText = $state('');
  #tab = $state<EditorTab>('form');

  readonly #check = $derived(checkScenario(this.#draft));
  /** Every problem of the current input, in order; empty when it is a valid scenario. */
  readonly problems: Problem[] = $derived(
    this.#syntaxProblem !== null ? [this.#syntaxProblem] : this.#check.ok ? [] : this.#check.problems,
  );
  readonly #placed = $derived(placeProblems(this.problems, this.#draft));
  /** The valid scenario (defaults filled in), or null while there are problems. */
  readonly scenario: Scenario | null = $derived(this.#syntaxProblem === null && this.#check.ok ? this.#check.scenario : null);
  /** False while the JSON text does not parse to an object: the form cannot show it. */
  readonly formEditable: boolean = $derived(this.#syntaxProblem === null && isPlainObject(this.#draft));
  /** True when the text differs from what was last loaded or saved. */
  readonly dirty: boolean = $derived(this.#text !== this.#savedText);

  constructor(initial: ScenarioInput) {
    this.load(initial);
  }

  get draft(): unknown {
    return this.#draft;
  }

  get text(): string {
    return this.#text;
  }

  get tab(): EditorTab {
    return this.#tab;
  }

  set tab(tab: EditorTab) {
    this.#tab = tab;
  }

  /** Replaces everything with `scenario`, which counts as saved. */
  load(scenario: ScenarioInput | unknown): void {
    this.#draft = structuredClone(scenario);
    this.#text = toText(this.#draft);
    this.#savedText = this.#text;
    this.#syntaxProblem = null;
  }

  /**
   * Replaces everything with a file's text exactly as it is, which counts as saved. Text that is not a
   * scenario object opens on the JSON tab with its problem shown, for the user to fix.
   */
  loadText(text: string): void {
    this.#draft = null;
    this.setText(text);
    this.#savedText = text;
    if (!this.formEditable) this.#tab = 'json';
  }

  /** The current text now counts as saved. */
  markSaved(): void {
    this.#savedText = this.#text;
  }

  /** The user typed in the JSON box. */
  setText(text: string): void {
    this.#text = text;
    try {
      this.#draft = JSON.parse(text) as unknown;
      this.#syntaxProblem = null;
    } catch {
      const check = checkScenarioText(text);
      this.#syntaxProblem = check.ok ? null : (check.problems[0] ?? null);
    }
  }

  /** The value at a path of the draft. */
  get(path: DraftPath): unknown {
    return getAt(this.#draft, path);
  }

  /** Sets one field from the form; `undefined` removes it (the schema's default then applies). */
  set(path: DraftPath, value: unknown): void {
    if (!this.formEditable) return;
    this.#replace(setAt(this.#draft, path, value));
  }

  /** Picks a strategy type, keeping the size when the new type has the same kind of size. */
  setStrategyType(type: StrategyType): void {
    const previous = this.get(['strategy']);
    this.set(['strategy'], defaultStrategy(type, isPlainObject(previous) ? (previous as never) : undefined));
  }

  /** Appends a new group of `kind` with sensible values. */
  addGroup(kind: TaskKind): void {
    this.set(['tasks'], [...this.#groups(), structuredClone(NEW_GROUPS[kind])]);
  }

  removeGroup(index: number): void {
    this.set(['tasks'], this.#groups().filter((_, i) => i !== index));
  }

  /** Moves group `from` to position `to` (both clamped to the list). */
  moveGroup(from: number, to: number): void {
    const groups = [...this.#groups()];
    if (from < 0 || from >= groups.length) return;
    const target = Math.max(0, Math.min(groups.length - 1, to));
    const [moved] = groups.splice(from, 1);
    groups.splice(target, 0, moved);
    this.set(['tasks'], groups);
  }

  /** Changes a group's kind: keeps count, failure rate and label, and takes the new kind's other fields. */
  setGroupKind(index: number, kind: TaskKind): void {
    const old = this.get(['tasks', index]);
    const group: Record<string, unknown> = structuredClone(NEW_GROUPS[kind]) as Record<string, unknown>;
    for (const key of COMMON_GROUP_KEYS) {
      const value = getAt(old, [key]);
      if (value !== undefined) group[key] = value;
    }
    this.set(['tasks', index], group);
  }

  /** The messages of the problems about the field at `path`. */
  problemsAt(path: DraftPath): string[] {
    return this.#placed.atField.get(pathText(path)) ?? [];
  }

  /** The problems of a form section that no field of it shows. */
  problemsIn(section: FormSection): Problem[] {
    return this.#placed.atSection.get(section) ?? [];
  }

  #groups(): unknown[] {
    const tasks = this.get(['tasks']);
    return Array.isArray(tasks) ? tasks : [];
  }

  #replace(draft: unknown): void {
    this.#draft = draft;
    this.#text = toText(draft);
  }
}
