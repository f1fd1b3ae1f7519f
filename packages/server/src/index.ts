/**
 * `@kartochka/server`: the reference REST backend for Kartochka cards (protocol:
 * docs/rest-api.md). `createServer` runs it on Node; `createApp` is the bare Hono app;
 * `CardStore` is the data-layer interface, `SqliteCardStore` its better-sqlite3 implementation,
 * `PgCardStore` its PostgreSQL one (node-postgres); `openStore` picks one from a `--db` value.
 */
export { createServer } from './server.js';
export type { ServerOptions, RunningServer } from './server.js';
export { createApp, DEFAULT_BODY_LIMIT, DEFAULT_CORS_ORIGINS } from './app.js';
export type { AppOptions } from './app.js';
export type { CardStore, PutResult } from './store.js';
export { SqliteCardStore, migrate, migrations } from './sqlite-store.js';
export { PgCardStore, pgMigrations } from './pg-store.js';
export { openStore } from './open-store.js';
export type { StoreListQuery, StoreListResult } from './sql-list.js';
export { bearerChecker } from './auth.js';
