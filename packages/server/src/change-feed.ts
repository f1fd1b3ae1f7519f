/**
 * Card changes as they happen, for `GET /api/events` (server-sent events). In-process: one server
 * process sees its own writes; several processes behind a balancer would need a shared bus.
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

export class ChangeFeed {
  readonly #listeners = new Set<(n: ChangeNotice) => void>();
  readonly #closer = new AbortController();

  /** Aborted when the server shuts down: open event streams end so the server can close. */
  get closed(): AbortSignal {
    return this.#closer.signal;
  }

  close(): void {
    this.#closer.abort();
  }

  get listeners(): number {
    return this.#listeners.size;
  }

  subscribe(listener: (n: ChangeNotice) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(notice: ChangeNotice): void {
    for (const l of [...this.#listeners]) {
      try {
        l(notice);
      } catch {
        // One broken stream must not fail the write that is being reported.
      }
    }
  }
}
