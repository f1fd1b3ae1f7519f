/**
 * Subscriptions per JSON Pointer: a change at one path calls only that path's listeners, which is
 * what lets a keystroke update one field instead of the whole form.
 */
export type Listener = () => void;

export class PathEmitter {
  /**
   * A path's listener, or a Set when it has several. Almost every path has one (its widget): a Set
   * per path was ~100 bytes of JS heap per field on a large card (issue 15).
   */
  #listeners = new Map<string, Listener | Set<Listener>>();

  on(path: string, listener: Listener): () => void {
    const had = this.#listeners.get(path);
    if (had === undefined) this.#listeners.set(path, listener);
    else if (typeof had === 'function') this.#listeners.set(path, new Set([had, listener]));
    else had.add(listener);
    let done = false;
    return () => {
      // Idempotent, as deleting from a Set was: a second call must not remove a later subscription.
      if (done) return;
      done = true;
      this.off(path, listener);
    };
  }

  /** Removes a listener given to `on` (for callers that keep it and its path: no closure to keep). */
  off(path: string, listener: Listener): void {
    const had = this.#listeners.get(path);
    if (had === listener) this.#listeners.delete(path);
    else if (typeof had === 'object') {
      had.delete(listener);
      if (had.size === 0) this.#listeners.delete(path);
    }
  }

  emit(path: string): void {
    const had = this.#listeners.get(path);
    if (typeof had === 'function') had();
    else if (had) for (const l of [...had]) l();
  }

  emitAll(paths: Iterable<string>): void {
    for (const p of paths) this.emit(p);
  }

  /** Every path that has listeners (used when the locale changes and all labels re-render). */
  paths(): string[] {
    return [...this.#listeners.keys()];
  }
}
