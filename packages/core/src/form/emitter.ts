/**
 * Subscriptions per JSON Pointer: a change at one path calls only that path's listeners, which is
 * what lets a keystroke update one field instead of the whole form.
 */
export type Listener = () => void;

export class PathEmitter {
  #listeners = new Map<string, Set<Listener>>();

  on(path: string, listener: Listener): () => void {
    let set = this.#listeners.get(path);
    if (!set) this.#listeners.set(path, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && this.#listeners.get(path) === set) this.#listeners.delete(path);
    };
  }

  emit(path: string): void {
    const set = this.#listeners.get(path);
    if (set) for (const l of [...set]) l();
  }

  emitAll(paths: Iterable<string>): void {
    for (const p of paths) this.emit(p);
  }

  /** Every path that has listeners (used when the locale changes and all labels re-render). */
  paths(): string[] {
    return [...this.#listeners.keys()];
  }
}
