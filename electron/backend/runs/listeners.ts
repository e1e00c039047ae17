import { errorMessage } from '../../../shared/errors/error-message';
/** The subscribers to one kind of event; each subscription returns its way to unsubscribe. */
export class Listeners<T> {
  readonly #listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    const mine = (value: T) => listener(value);
    this.#listeners.add(mine);
    return () => {
      this.#listeners.delete(mine);
    };
  }

  emit(value: T): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(value);
      } catch (error) {
        // A broken subscriber (e.g. a closed window) must neither stop the run nor keep others from hearing it.
        console.error(`A run listener failed: ${errorMessage(error)}`);
      }
    }
  }
}
