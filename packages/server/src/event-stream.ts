/**
 * `GET /api/events`: one server-sent-event stream over the shared change log (change-feed.ts).
 *
 * Pull-driven: the stream produces its next frame only when Node's socket has taken the last one,
 * so a client that stops reading holds one frame and a cursor, never a growing queue. A check
 * every second ends a stream whose cursor fell off the log (a slow consumer: it has
 * missed changes); its client reconnects and re-reads. Open streams are capped in total and per
 * identity ({@link StreamSlots}).
 */
import type { ChangeFeed } from './change-feed.js';

const encoder = new TextEncoder();
const frame = (event: string, data: string, retry?: number): Uint8Array =>
  encoder.encode(`event: ${event}\ndata: ${data}\n${retry === undefined ? '' : `retry: ${retry}\n`}\n`);
const KEEP_ALIVE = encoder.encode(': keep-alive\n\n');

/** Counts open streams, in total and per identity. */
export class StreamSlots {
  readonly #perKey = new Map<string, number>();
  #total = 0;
  constructor(
    readonly maxTotal: number,
    readonly maxPerKey: number,
  ) {}

  get open(): number {
    return this.#total;
  }

  /** A release function, or which cap is full. */
  take(key: string): (() => void) | 'total' | 'key' {
    if (this.#total >= this.maxTotal) return 'total';
    const mine = this.#perKey.get(key) ?? 0;
    if (mine >= this.maxPerKey) return 'key';
    this.#total++;
    this.#perKey.set(key, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#total--;
      const left = (this.#perKey.get(key) ?? 1) - 1;
      if (left > 0) this.#perKey.set(key, left);
      else this.#perKey.delete(key);
    };
  }
}

export interface EventStreamOptions {
  feed: ChangeFeed;
  /** Only this tenant's changes are sent (the tenant itself is not). */
  tenant: string;
  /** Milliseconds between keep-alive comments on an idle stream. */
  keepAliveMs: number;
  /** Called once when the stream ends, however it ends. */
  release: () => void;
}

/** The body of an event-stream response. */
export function eventStream({ feed, tenant, keepAliveMs, release }: EventStreamOptions): ReadableStream<Uint8Array> {
  let cursor = feed.head;
  let lastSent = Date.now();
  let timer: ReturnType<typeof setInterval> | undefined;
  let wakeKeepAlive: (() => void) | undefined;
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    feed.closed.removeEventListener('abort', onClose);
    wakeKeepAlive?.();
    release();
  };
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;
  const onClose = (): void => {
    if (ended) return;
    end();
    controllerRef?.close();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        if (feed.closed.aborted) {
          // Opened while the server shuts down: end at once (the abort event has already fired).
          end();
          controller.close();
          return;
        }
        controller.enqueue(frame('ready', '{}', 2000));
        feed.closed.addEventListener('abort', onClose, { once: true });
        // Slow consumers are looked for every second (or each keep-alive, when that is shorter).
        timer = setInterval(
          () => {
            if (feed.since(cursor).missed) {
              // A slow consumer: drop it (the socket is destroyed) rather than buffer for it.
              end();
              controller.error(new Error('event stream dropped: the client reads too slowly'));
              return;
            }
            if (Date.now() - lastSent >= keepAliveMs) wakeKeepAlive?.();
          },
          Math.min(keepAliveMs, 1000),
        );
        timer.unref?.();
      },
      async pull(controller) {
        for (;;) {
          if (ended) return;
          // A closed feed's `next()` is resolved for good: waiting on it again would spin.
          if (feed.closed.aborted) return onClose();
          const next = feed.since(cursor);
          if (next.missed) {
            end();
            controller.error(new Error('event stream dropped: the client missed changes'));
            return;
          }
          cursor = next.seq;
          const mine = next.notices.filter((n) => n.tenant === tenant);
          if (mine.length > 0) {
            for (const { tenant: _, ...notice } of mine) controller.enqueue(frame('change', JSON.stringify(notice)));
            lastSent = Date.now();
            return;
          }
          const keepAlive = new Promise<'keep-alive'>((resolve) => (wakeKeepAlive = () => resolve('keep-alive')));
          const woke = await Promise.race([feed.next().then(() => 'change' as const), keepAlive]);
          wakeKeepAlive = undefined;
          if (ended) return;
          if (woke === 'keep-alive') {
            controller.enqueue(KEEP_ALIVE);
            lastSent = Date.now();
            return;
          }
        }
      },
      cancel() {
        end();
      },
    },
    { highWaterMark: 1 },
  );
}
