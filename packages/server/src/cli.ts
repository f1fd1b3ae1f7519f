/**
 * `kartochka-server`: the reference REST server from the command line.
 *
 *   kartochka-server --db ./cards.sqlite --port 8787 [--host 127.0.0.1] [--static ./dist]
 *                    [--body-limit 1048576] [--cors http://127.0.0.1:5173,…]
 *                    [--allowed-host name[:port]]… [limits: --max-depth 64 …]
 *   kartochka-server backup --db ./cards.sqlite --to ./backup.sqlite
 *   kartochka-server migrate --from ./cards.sqlite --to postgres://user@host:5432/db
 *   kartochka-server migrate-files --db ./cards.sqlite   (inline base64 files into the file store)
 *
 * Binds 127.0.0.1 unless `--host` says otherwise, and refuses an address beyond loopback without
 * authentication configured. `--port 0` picks a free port. Prints exactly one line on stdout once
 * listening — `Kartochka server listening on http://HOST:PORT` — which tests and scripts read to
 * find the port. The bootstrap admin token comes from `KARTOCHKA_TOKEN` (never from argv, which
 * other users can see in `ps`). `kartochka-server keys …` manages API keys (keys-cli.ts). Test
 * hooks cannot be turned on here: only the test-only entry (test-support/test-cli.ts) does.
 */
import { parseArgs } from 'node:util';
import { createServer } from './server.js';
import { KEYS_HELP, keysCommand } from './keys-cli.js';
import type { JwtOptions } from './auth/jwt.js';
import { LIMITS_HELP, limitArgOptions, limitsFromArgs } from './cli-limits.js';
import { backupDatabase } from './backup.js';
import { isLoopbackHost } from './guards.js';
import { defaultDb } from './open-store.js';

const HELP = `Usage: kartochka-server --db <file|postgres://…> [--port 8787] [--host 127.0.0.1] [--static <dir>]
                        [--body-limit <bytes>] [--cors <origin,origin>]
                        [--allowed-host <name[:port]>]… [limits below]
                        [--jwks-url <url> --jwt-issuer <iss> --jwt-audience <aud>
                         --jwt-roles-claim roles --jwt-tenant-claim tenant --jwt-name-claim sub]
       kartochka-server backup --db <file> --to <new file>
       kartochka-server migrate --from <file> --to <postgres://…>   (SQLite to PostgreSQL, verified)
       kartochka-server migrate-files --db <file|postgres://…> [--tenant <name>]…   (inline base64 files into the file store)
Options:
  --host <address>              interface to listen on (default 127.0.0.1); beyond loopback
                                only with authentication (KARTOCHKA_TOKEN, --jwks-url,
                                or a key made with "keys create")
  --allowed-host <name[:port]>  a Host header to answer besides localhost, 127.0.0.1, [::1]
                                (repeatable; against DNS rebinding)
Limits (docs/rest-api.md, "Limits"):
  --body-limit <n>              bytes (default 1048576)
${LIMITS_HELP}
Environment: KARTOCHKA_TOKEN  the default tenant's bootstrap admin key ("Authorization: Bearer <token>")
             DATABASE_URL    the --db default (e.g. postgres://user@host:5432/db)
${KEYS_HELP}`;

/** Set only by the test-only entry (test-support/test-cli.ts): the token its hooks require. */
const TEST_HOOKS = Symbol.for('kartochka.server.testHooks');

/** The JWT settings, when --jwks-url is given (then issuer and audience are required too). */
function jwtOptionsOf(values: Record<string, string | boolean | undefined>): JwtOptions | undefined {
  const jwksUrl = values['jwks-url'] as string | undefined;
  if (jwksUrl === undefined) return undefined;
  const issuer = values['jwt-issuer'] as string | undefined;
  const audience = values['jwt-audience'] as string | undefined;
  if (!issuer || !audience) throw new Error('--jwks-url needs --jwt-issuer and --jwt-audience too');
  const out: JwtOptions = { jwksUrl, issuer, audience };
  const claims = { 'jwt-roles-claim': 'rolesClaim', 'jwt-tenant-claim': 'tenantClaim', 'jwt-name-claim': 'nameClaim' } as const;
  for (const [flag, key] of Object.entries(claims)) if (typeof values[flag] === 'string') out[key] = values[flag] as string;
  return out;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'keys') return keysCommand(process.argv.slice(3));
  if (process.argv[2] === 'migrate') return (await import('./migrate-data.js')).migrateCommand(process.argv.slice(3));
  if (process.argv[2] === 'migrate-files') return (await import('./migrate-files.js')).migrateFilesCommand(process.argv.slice(3));
  const argv = process.argv.slice(2);
  const command = argv[0] === 'backup' ? argv.shift() : undefined;
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: defaultDb() },
      to: { type: 'string' },
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      'allowed-host': { type: 'string', multiple: true },
      static: { type: 'string' },
      'body-limit': { type: 'string' },
      cors: { type: 'string' },
      // Accepted and ignored, so old start scripts still run: refusing unpublished schemas is the rule now.
      'require-schemas': { type: 'boolean', default: false },
      'jwks-url': { type: 'string' },
      'jwt-issuer': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'jwt-roles-claim': { type: 'string' },
      'jwt-tenant-claim': { type: 'string' },
      'jwt-name-claim': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      ...limitArgOptions,
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (command === 'backup') {
    if (!values.to) throw new Error('backup needs --to <new file>');
    const { pages } = await backupDatabase(values.db, values.to);
    console.log(`Backed up ${values.db} to ${values.to} (${pages} pages)`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0…65535, got ${values.port}`);
  const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit']);
  if (bodyLimit !== undefined && !(bodyLimit > 0)) throw new Error(`--body-limit must be a positive number of bytes`);
  const token = process.env.KARTOCHKA_TOKEN || undefined;
  const jwt = jwtOptionsOf(values as unknown as Record<string, string | boolean | undefined>);
  const hooksToken = (globalThis as Record<symbol, unknown>)[TEST_HOOKS];
  const wildcard = values.host === '0.0.0.0' || values.host === '::';
  const server = await createServer({
    db: values.db,
    port,
    host: values.host,
    allowedHosts: [
      ...(isLoopbackHost(values.host) || wildcard ? [] : [values.host.includes(':') ? `[${values.host}]` : values.host]),
      ...(values['allowed-host'] ?? []),
    ],
    token,
    bodyLimit,
    limits: limitsFromArgs(values),
    staticDir: values.static,
    corsOrigins: values.cors
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jwt,
    testHooks: typeof hooksToken === 'string' && hooksToken !== '' ? { token: hooksToken } : undefined,
  });
  console.log(`Kartochka server listening on ${server.url}`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`kartochka-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
