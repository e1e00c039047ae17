/** The runs ticked in the history, in the order they were ticked (the first is a comparison's baseline). */
export class RunSelection {
  #ids = $state.raw<readonly number[]>([]);

  get ids(): readonly number[] { return this.#ids; }
  get size(): number { return this.#ids.length; }

  has(id: number): boolean {
    return this.#ids.includes(id);
  }

  toggle(id: number, on: boolean = !this.has(id)): void {
    if (on === this.has(id)) return;
    this.#ids = on ? [...this.#ids, id] : this.#ids.filter((selected) => selected !== id);
  }

  /** Ticks every one of `ids` not ticked yet, keeping the order of those already ticked. */
  add(ids: readonly number[]): void {
    const added = ids.filter((id) => !this.has(id));
    if (added.length > 0) this.#ids = [...this.#ids, ...added];
  }

  remove(ids: readonly number[]): void {
    const gone = new Set(ids);
    if (this.#ids.some((id) => gone.has(id))) this.#ids = this.#ids.filter((id) => !gone.has(id));
  }

  clear(): void {
    if (this.#ids.length > 0) this.#ids = [];
  }
}
