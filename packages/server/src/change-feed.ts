/**
 * Card changes as they happen, for `GET /api/events` (server-sent events). Each process announces
 * its own writes here; on PostgreSQL, pg-feed.ts adds the other instances' writes (LISTEN/NOTIFY).
 *
 * One shared, bounded log rather than a queue per listener: a save appends one notice and wakes
 * the streams once, whatever the number of listeners, and memory stays bounded however slowly
 * they read. Each stream keeps only a cursor (event-stream.ts); a stream whose cursor fell off the
 * log's tail has missed changes and is ended, so its client reconnects and re-reads.
 */

/** One change: which tenant's card, its revision after the change, and the writing client's id (if it sent one). */
export interface ChangeNotice {
  type: 'put' | 'delete';
  /** Whose card: a stream only ever carries its caller's tenant's changes (the field is not sent). */
  tenant: string;
  id: string;
  revision: number;
  /** The `X-Kartochka-Client` header of the write, so a client can skip its own echoes. */
  client?: string;
}

/** What a stream at cursor `seq` should send next. */
export type Since = { missed: true } | { missed: false; notices: ChangeNotice[]; seq: number };

/** A promise and its resolve (Node 20 has no Promise.withResolvers). */
function wakeUp(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

export class ChangeFeed {
  readonly #closer = new AbortController();
  readonly #log: ChangeNotice[] = [];
  /** Sequence number of the newest notice (0: none yet); the oldest kept is `#seq - #log.length + 1`. */
  #seq = 0;
  #wake = wakeUp();

  /** @param capacity how many recent notices are kept for streams that are behind. */
  constructor(readonly capacity = 256) {}

  /** Aborted when the server shuts down: open event streams end so the server can close. */
  get closed(): AbortSignal {
    return this.#closer.signal;
  }

  close(): void {
    this.#closer.abort();
    this.#wake.resolve();
  }

  /** The sequence number of the newest notice: a new stream starts here. */
  get head(): number {
    return this.#seq;
  }

  /** Resolves at the next publish (or close). */
  next(): Promise<void> {
    return this.#wake.promise;
  }

  /** The notices after `seq`, or `missed` when some of them are no longer kept. */
  since(seq: number): Since {
    const behind = this.#seq - seq;
    if (behind > this.#log.length) return { missed: true };
    return { missed: false, notices: behind > 0 ? this.#log.slice(this.#log.length - behind) : [], seq: this.#seq };
  }

  /**
   * Changes may have happened unseen (the shared bus was disconnected): every open stream is now
   * behind and ends, so its client reconnects and re-reads; streams opened later start afresh.
   */
  lost(): void {
    this.#log.length = 0;
    this.#seq++;
    const woken = this.#wake;
    this.#wake = wakeUp();
    woken.resolve();
  }

  publish(notice: ChangeNotice): void {
    this.#log.push(notice);
    if (this.#log.length > this.capacity) this.#log.shift();
    this.#seq++;
    const woken = this.#wake;
    this.#wake = wakeUp();
    woken.resolve();
  }
}
