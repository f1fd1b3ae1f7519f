/**
 * The one lifecycle of every element that shows stored cards (`<kc-card>`'s persistence,
 * `<kc-card-list>`, `<kc-history>`, `<kc-reminders>`): watch the record (or `'*'`) while the
 * element is in the document, watch again after a DOM move, stop when it leaves or is pointed
 * elsewhere, and tell a late answer from a current one.
 *
 * The generation grows on every re-point and on every `begin()`; an async read captures it first
 * and drops its result when `isCurrent(gen)` is false by the time it arrives. That is what keeps a
 * slow load of card A, finishing after the element moved to card B, from landing in B.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeEvent, StorageAdapter } from '@kartochka/storage';

export class StorageWatch implements ReactiveController {
  #generation = 0;
  #storage?: StorageAdapter;
  #id = '';
  #connected = false;
  #off?: () => void;

  /** `onChange` runs for every change of the watched record while the host is connected. */
  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: (event: ChangeEvent) => void,
  ) {
    host.addController(this);
  }

  get storage(): StorageAdapter | undefined {
    return this.#storage;
  }

  /** The watched record id, `'*'` for all cards, `''` for none. */
  get id(): string {
    return this.#id;
  }

  /** True when pointed at a storage and a record (or `'*'`). */
  get attached(): boolean {
    return this.#storage !== undefined && this.#id !== '';
  }

  get generation(): number {
    return this.#generation;
  }

  /**
   * Points at `id` in `storage` (`''` or no storage: nothing). A different target starts a new
   * generation, so answers still on their way for the old one are dropped. Returns whether the
   * target changed.
   */
  point(storage: StorageAdapter | undefined, id: string): boolean {
    if (storage === this.#storage && id === this.#id) return false;
    this.#storage = storage;
    this.#id = storage ? id : '';
    this.#generation++;
    this.#subscribe();
    return true;
  }

  /** Starts a new read of the same target: earlier reads still in flight become stale. */
  begin(): number {
    return ++this.#generation;
  }

  /** Whether a read that captured `generation` may still apply its result. */
  isCurrent(generation: number): boolean {
    return generation === this.#generation;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#subscribe();
  }

  #subscribe(): void {
    this.#off?.();
    this.#off = undefined;
    if (!this.#connected || !this.attached) return;
    this.#off = this.#storage!.watch(this.#id, (event) => this.onChange(event));
  }
}
