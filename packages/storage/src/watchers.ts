/** The `watch` bookkeeping shared by adapters: callbacks per card id, plus `'*'` for all cards. */
import type { ChangeEvent, WatchCallback } from './types.js';

export class Watchers {
  private readonly byId = new Map<string, Set<WatchCallback>>();

  /** True when nobody watches; lets adapters skip work. */
  get empty(): boolean {
    return this.byId.size === 0;
  }

  add(id: string, callback: WatchCallback): () => void {
    let set = this.byId.get(id);
    if (!set) this.byId.set(id, (set = new Set()));
    set.add(callback);
    return () => {
      set.delete(callback);
      if (set.size === 0 && this.byId.get(id) === set) this.byId.delete(id);
    };
  }

  emit(event: ChangeEvent): void {
    if (this.byId.size === 0) return;
    for (const key of [event.id, '*']) {
      const set = this.byId.get(key);
      if (!set) continue;
      for (const callback of [...set]) {
        try {
          callback(event);
        } catch (error) {
          // A broken listener must not turn a successful save into a failed one; surface it the
          // way the platform surfaces listener errors (an uncaught error, asynchronously).
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }

  clear(): void {
    this.byId.clear();
  }
}
