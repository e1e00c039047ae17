import { formatRoute, parseRoute, type Route } from './route';

/** What the router needs of the app: where it is, and a way to go somewhere. */
export interface Routable {
  readonly route: Route;
  navigate(route: Route): Promise<void>;
}

/** The parts of `window` the router uses; tests pass a fake. */
export interface RouterWindow {
  readonly location: { readonly hash: string };
  readonly history: Pick<History, 'pushState' | 'replaceState'>;
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Keeps the URL's hash and the app's place in step: each place the user goes to is a history entry (so Back
 * and Forward work), and a reload or a typed address goes to the place it names. While the app is on its way
 * to an address (a run being fetched), the hash is left alone; where it could not get (a deleted run), the
 * hash is corrected in place rather than adding an entry.
 */
export class HashRouter {
  #navigating = $state(false);
  #correctNext = false;
  readonly #app: Routable;
  readonly #window: RouterWindow;

  constructor(app: Routable, win: RouterWindow = window) {
    this.#app = app;
    this.#window = win;
  }

  /** Goes to the address the page was opened at, then follows both ways; returns the way to stop. */
  start(): () => void {
    const onHashChange = () => void this.#go(this.#window.location.hash);
    this.#window.addEventListener('hashchange', onHashChange);
    const stopWriting = $effect.root(() => {
      $effect(() => this.#write(formatRoute(this.#app.route), this.#navigating));
    });
    if (this.#window.location.hash === '') this.#correctNext = true;
    else void this.#go(this.#window.location.hash);
    return () => {
      this.#window.removeEventListener('hashchange', onHashChange);
      stopWriting();
    };
  }

  async #go(hash: string): Promise<void> {
    if (hash === formatRoute(this.#app.route)) return;
    this.#navigating = true;
    try {
      await this.#app.navigate(parseRoute(hash));
    } finally {
      this.#correctNext = true;
      this.#navigating = false;
    }
  }

  #write(hash: string, navigating: boolean): void {
    if (navigating) return;
    const correct = this.#correctNext;
    this.#correctNext = false;
    if (hash === this.#window.location.hash) return;
    if (correct) this.#window.history.replaceState(null, '', hash);
    else this.#window.history.pushState(null, '', hash);
  }
}
