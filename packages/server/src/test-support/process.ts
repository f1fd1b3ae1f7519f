/**
 * Test helper: runs the real server CLI in a child process (through tsx, from source), reads the
 * port from its one stdout line, and stops it. Loopback only. Not part of the build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropTestSchemas, onPostgres, pgTestDb } from './backend.js';

export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../..');
const cli = join(repoRoot, 'packages/server/src/cli.ts');
/** The test-only entry: the same CLI with the test hooks mounted behind a token. */
const testCli = join(repoRoot, 'packages/server/src/test-support/test-cli.ts');

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** The API root, `url + '/api'`. */
  api: string;
  port: number;
  child: ChildProcess;
  /** The token the test hooks require (`X-Kartochka-Test-Token`), when they are mounted. */
  hooksToken?: string;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  /** Sends `signal` (default SIGKILL: no cleanup, like a crash) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface StartOptions {
  db: string;
  /** 0 (default) picks a free port; pass the old port to restart "the same" server. */
  port?: number;
  args?: string[];
  env?: Record<string, string>;
  /** Mount /__test/reset and /__test/faults, behind a fresh token (default true; test-cli.ts). */
  testHooks?: boolean;
}

/** The CLI's one line; a server on the wildcard address (0.0.0.0) is reached through 127.0.0.1. */
export const LISTENING = /^Kartochka server listening on http:\/\/(?:127\.0\.0\.1|0\.0\.0\.0):(\d+)$/m;

export function startServer(options: StartOptions): Promise<ServerProcess> {
  const hooks = options.testHooks !== false;
  const hooksToken = hooks ? randomBytes(16).toString('hex') : undefined;
  const args = [
    '--conditions=@kartochka/source',
    '--import',
    'tsx',
    hooks ? testCli : cli,
    '--db',
    options.db,
    '--port',
    String(options.port ?? 0),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.KARTOCHKA_TOKEN;
  delete env.KARTOCHKA_TEST_HOOKS_TOKEN;
  Object.assign(env, options.env);
  if (hooksToken) env.KARTOCHKA_TEST_HOOKS_TOKEN = hooksToken;
  const child = spawn(process.execPath, [...args, ...(options.args ?? [])], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 30 s; stderr: ${err}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening; stderr: ${err}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = LISTENING.exec(out);
      if (!m) return;
      const url = `http://127.0.0.1:${m[1]!}`;
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      resolvePromise({
        url,
        api: `${url}/api`,
        port: Number(m[1]),
        child,
        hooksToken,
        stderr: () => err,
        kill: async (signal = 'SIGKILL') => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}

/**
 * A fresh test database on the test backend (test-support/backend.ts): a db path in a new temp
 * directory, or a new PostgreSQL schema's URL. `db + '-suffix'` names another one of the same kind;
 * `dir` is a temp directory for other files (on both backends); `cleanup` removes them all.
 */
export function tempDb(): { db: string; dir: string; cleanup(): void | Promise<void> } {
  const dir = mkdtempSync(join(tmpdir(), 'kartochka-server-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (onPostgres) {
    const { db, prefix } = pgTestDb();
    return { db, dir, cleanup: () => (removeDir(), dropTestSchemas(prefix)) };
  }
  return { db: join(dir, 'cards.sqlite'), dir, cleanup: removeDir };
}

/** The schema ids the shared storage conformance suite stores cards of. */
export const CONFORMANCE_SCHEMAS = ['client', 'partner'];

/**
 * POSTs a test hook (`reset`, `faults`), with the server's hooks token. `reset` takes
 * `{publish: [schemaId…]}`: those ids get an accept-anything published schema after the wipe.
 */
export async function hook(server: { url: string; hooksToken?: string }, name: 'reset' | 'faults', body: object = {}): Promise<void> {
  const headers = { 'Content-Type': 'application/json', 'X-Kartochka-Test-Token': server.hooksToken ?? '' };
  const res = await fetch(`${server.url}/__test/${name}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`test hook ${name} failed: HTTP ${res.status}`);
  await res.body?.cancel();
}

/** Runs `kartochka-server keys <args…>` (the real CLI) and resolves its stdout. */
export function keysCli(db: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, ['--conditions=@kartochka/source', '--import', 'tsx', cli, 'keys', ...args, '--db', db], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolvePromise) => child.once('close', (code) => resolvePromise({ stdout, stderr, code })));
}

/** Creates a key with the CLI and returns it (`kc_…`). */
export async function createKey(db: string, roles: string[], tenant = 'default', name?: string): Promise<string> {
  const args = ['create', ...roles.flatMap((r) => ['--role', r]), '--tenant', tenant, ...(name ? ['--name', name] : [])];
  const out = await keysCli(db, args);
  if (out.code !== 0) throw new Error(`keys create failed: ${out.stderr}`);
  return out.stdout.trim();
}

/** A request as one caller; `body` is the parsed JSON answer, asserted field by field in tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Call = (path: string, init?: RequestInit & { json?: unknown }) => Promise<{ status: number; body: any; headers: Headers }>;

/** A fetch against `server.api` as the holder of `key` (no header when `key` is undefined). */
export function as(server: ServerProcess, key: string | undefined): Call {
  return async (path, init = {}) => {
    const headers = new Headers(init.headers);
    if (key !== undefined) headers.set('Authorization', `Bearer ${key}`);
    if (init.json !== undefined) headers.set('Content-Type', 'application/json');
    const res = await fetch(`${server.api}${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  };
}

/**
 * A request sent as written: the path is not normalised (fetch would resolve `..`) and headers such as
 * `Host` go out as given (fetch forbids setting it). For attacks on the path and the Host check.
 * `localAddress` picks the client's address (any of 127.0.0.0/8 is loopback): a second client.
 */
export function rawRequest(
  server: { port: number },
  path: string,
  headers: Record<string, string> = {},
  options: { method?: string; body?: string; localAddress?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolvePromise, reject) => {
    const { method = 'GET', body, localAddress } = options;
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, headers, method, localAddress }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
