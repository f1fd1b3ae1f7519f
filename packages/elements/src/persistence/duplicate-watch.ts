/**
 * The card's duplicate check (`x-unique`, docs/duplicates.md): while the user types, a short pause
 * after the last change computes the card's unique keys and asks the storage adapter who already
 * holds them (`findUnique`: an index lookup, one request per pause, none when the keys did not
 * change). Keystrokes themselves only restart a timer. The keys module (`@kartochka/core/unique`,
 * with the phone metadata) is loaded only for a schema that has `x-unique`.
 */
import type { UniqueMatch } from '@kartochka/storage';
import type { PersistenceHost, PersistenceOptions } from './options.js';
import { mentionsUnique, uniqueKeysOf } from '../internal/unique-keys.js';

export { mentionsUnique, pointersOfKey, uniqueKeysOf } from '../internal/unique-keys.js';

/** Milliseconds of quiet after the last change before the lookup. */
export const DUPLICATE_CHECK_DELAY = 500;

export class DuplicateWatch {
  /** Other cards that hold one of this card's keys now (empty: none, or not asked yet). */
  matches: readonly UniqueMatch[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = '';
  #generation = 0;

  constructor(
    private readonly host: PersistenceHost,
    private readonly options: () => PersistenceOptions | undefined,
    /** Called when `matches` changed. */
    private readonly changed: () => void,
  ) {}

  /** A change happened: look again after a quiet pause. */
  schedule(delay = DUPLICATE_CHECK_DELAY): void {
    clearTimeout(this.#timer);
    if (!mentionsUnique(this.host.controller?.schema) || !this.options()?.storage.findUnique) return;
    this.#timer = setTimeout(() => void this.check(), delay);
  }

  /** Another record or storage: forget what was found. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#asked = '';
    this.#generation++;
    if (this.matches.length) {
      this.matches = [];
      this.changed();
    }
  }

  /** Looks the current keys up now (tests and a refused save call it directly). `force` asks again even for the same keys. */
  async check(force = false): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const o = this.options();
    if (!o?.storage.findUnique) return;
    const keys = (await uniqueKeysOf(this.host.controller?.schema, this.host.value)) ?? [];
    const ask = JSON.stringify([o.storage.id ?? '', o.schemaId, o.recordId, keys]);
    if (ask === this.#asked && !force) return;
    this.#asked = ask;
    const generation = ++this.#generation;
    let found: UniqueMatch[] = [];
    try {
      found = keys.length ? await o.storage.findUnique(o.schemaId, keys) : [];
    } catch {
      // Offline or refused: no warning now; the save still meets the store's own check.
      this.#asked = '';
      return;
    }
    if (generation !== this.#generation || this.options() !== o) return;
    const others = found.filter((m) => m.id !== o.recordId);
    if (JSON.stringify(others) === JSON.stringify(this.matches)) return;
    this.matches = others;
    this.changed();
  }
}
