/**
 * Several server instances on one PostgreSQL: each instance's event streams hear every instance's
 * writes. A put or delete queues `pg_notify('kartochka_changes[:schema]', …)` inside its own transaction
 * (pg-store.ts), so a notice goes out exactly when the write commits; here one dedicated connection
 * per instance LISTENs and publishes the other instances' notices to the local {@link ChangeFeed}
 * (its own it announced already, with the writing client's id).
 *
 * Payload (JSON, ids and revisions only, never card data): `{o: instance, t: tenant, i: card id,
 * r: revision, d: 1 for a delete, c: the writing client's id (X-Kartochka-Client) when it sent one}`,
 * so a client skips its own writes whichever instance streams them back. A lost connection is re-opened with backoff; what was said
 * meanwhile is unknown, so the feed is told (`lost()`) and open streams end, their clients
 * reconnect and re-read.
 */
import pg from 'pg';
import type { ChangeFeed, ChangeNotice } from './change-feed.js';
import { changesChannel, parsePgUrl, quoteIdent, type PgCardStore } from './pg-store.js';

export interface ChangeListener {
  close(): Promise<void>;
}

interface Payload {
  o: string;
  t: string;
  i: string;
  r: number;
  d: 0 | 1;
  c?: string;
}

function parse(text: string | undefined): Payload | undefined {
  try {
    const p = JSON.parse(text ?? '') as Payload;
    return typeof p.t === 'string' && typeof p.i === 'string' && typeof p.r === 'number' ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Starts listening (resolves once LISTEN is in place, so no write after it is missed). */
export async function listenForChanges(url: string, store: PgCardStore, feed: ChangeFeed): Promise<ChangeListener> {
  const { connectionString, schema } = parsePgUrl(url);
  const channel = changesChannel(schema);
  // Named, so operators (and the reconnect test) can find this connection in pg_stat_activity.
  const applicationName = `kartochka-listen${schema ? `:${schema}` : ''}`.slice(0, 63);
  let closed = false;
  let client: pg.Client | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let delay = 100;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 10_000, application_name: applicationName });
    c.on('notification', (m) => {
      if (m.channel !== channel) return;
      const p = parse(m.payload);
      if (!p || p.o === store.origin) return;
      const notice: ChangeNotice = { type: p.d ? 'delete' : 'put', tenant: p.t, id: p.i, revision: p.r };
      if (typeof p.c === 'string') notice.client = p.c;
      feed.publish(notice);
    });
    c.on('error', () => reconnect(c));
    c.on('end', () => reconnect(c));
    await c.connect();
    await c.query(`LISTEN ${quoteIdent(channel)}`);
    client = c;
    delay = 100;
  };

  const reconnect = (broken: pg.Client): void => {
    if (closed || client !== broken) return;
    client = undefined;
    broken.end().catch(() => {});
    feed.lost();
    const attempt = (): void => {
      retry = setTimeout(() => {
        if (closed) return;
        connect().then(
          () => feed.lost(),
          () => {
            delay = Math.min(delay * 2, 5000);
            attempt();
          },
        );
      }, delay);
      retry.unref?.();
    };
    attempt();
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
