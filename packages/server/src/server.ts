/** Runs the app on Node's HTTP server (through @hono/node-server), bound to loopback by default. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './app.js';
import { KeyStore } from './auth/keys.js';
import { ChangeFeed } from './change-feed.js';
import { isLoopbackHost } from './guards.js';
import { openStore } from './open-store.js';
import { sweepAbandonedUploads } from './files.js';
import { PgCardStore } from './pg-store.js';
import { listenForChanges } from './pg-feed.js';
import type { CardStore } from './store.js';

/** Options of {@link createServer}. */
export interface ServerOptions extends Omit<AppOptions, 'store'> {
  /** A SQLite file path (`:memory:` for a throw-away store), a `postgres://` URL, or any {@link CardStore}. */
  db: string | CardStore;
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT` — the API root is `url + '/api'`. */
  url: string;
  port: number;
  /** Stops accepting requests, drops idle keep-alive connections, and closes the store. */
  close(): Promise<void>;
}

/** Opens the store, starts listening and resolves once the port is bound. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const store = typeof options.db === 'string' ? await openStore(options.db) : options.db;
  const host = options.host ?? '127.0.0.1';
  const feed = options.feed ?? new ChangeFeed(options.limits?.streamBuffer);
  const keys = options.keys ?? new KeyStore(store.keyRows());
  // Beyond loopback only with authentication: a token, JWT settings, or any API key in the
  // database (keys made with `keys create` before the start count; revoked ones too, as in auth).
  if (!isLoopbackHost(host) && options.token === undefined && options.jwt === undefined && !(await keys.any())) {
    await store.close();
    throw new Error(
      `refusing to listen on ${host} without authentication: set KARTOCHKA_TOKEN or --jwks-url, create a key (kartochka-server keys create), or keep the default --host 127.0.0.1`,
    );
  }
  // On PostgreSQL, the other instances' writes reach this one's event streams too.
  const listener =
    store instanceof PgCardStore && typeof options.db === 'string'
      ? await listenForChanges(options.db, store, feed).catch(async (error: unknown) => {
          await store.close();
          throw error;
        })
      : undefined;
  // Chunks of uploads a crash cut off (never committed, never served) are removed.
  await sweepAbandonedUploads(store);
  const app = createApp({ ...options, store, feed, keys });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s as Server));
    s.once('error', reject);
  }).catch(async (error: unknown) => {
    await listener?.close();
    await store.close();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Open event streams end on their own once the feed closes; idle sockets go now.
        feed.close();
        server.closeIdleConnections();
      })
        .then(() => listener?.close())
        .then(() => store.close())),
  };
}
