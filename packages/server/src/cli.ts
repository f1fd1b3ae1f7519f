/**
 * `kartochka-server`: the reference REST server from the command line.
 *
 *   kartochka-server --db ./cards.sqlite --port 8787 [--static ./dist] [--body-limit 1048576]
 *                    [--cors http://127.0.0.1:5173,…] [--require-schemas]
 *
 * Binds 127.0.0.1 only. `--port 0` picks a free port. Prints exactly one line on stdout once
 * listening — `Kartochka server listening on http://127.0.0.1:PORT` — which tests and scripts
 * read to find the port. The bootstrap admin token comes from `KARTOCHKA_TOKEN` (never from argv,
 * which other users can see in `ps`). `kartochka-server keys …` manages API keys (keys-cli.ts).
 */
import { parseArgs } from 'node:util';
import { createServer } from './server.js';
import { KEYS_HELP, keysCommand } from './keys-cli.js';
import type { JwtOptions } from './auth/jwt.js';

const HELP = `Usage: kartochka-server --db <file> [--port 8787] [--static <dir>] [--body-limit <bytes>]
                        [--cors <origin,origin>] [--require-schemas]
                        [--jwks-url <url> --jwt-issuer <iss> --jwt-audience <aud>
                         --jwt-roles-claim roles --jwt-tenant-claim tenant --jwt-name-claim sub]
Environment: KARTOCHKA_TOKEN  the default tenant's bootstrap admin key ("Authorization: Bearer <token>")
${KEYS_HELP}`;

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
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './cards.sqlite' },
      port: { type: 'string', default: '8787' },
      static: { type: 'string' },
      'body-limit': { type: 'string' },
      cors: { type: 'string' },
      'require-schemas': { type: 'boolean', default: false },
      'jwks-url': { type: 'string' },
      'jwt-issuer': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'jwt-roles-claim': { type: 'string' },
      'jwt-tenant-claim': { type: 'string' },
      'jwt-name-claim': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0…65535, got ${values.port}`);
  const bodyLimit = values['body-limit'] === undefined ? undefined : Number(values['body-limit']);
  if (bodyLimit !== undefined && !(bodyLimit > 0)) throw new Error(`--body-limit must be a positive number of bytes`);
  const token = process.env.KARTOCHKA_TOKEN || undefined;
  const server = await createServer({
    db: values.db,
    port,
    host: '127.0.0.1',
    token,
    bodyLimit,
    staticDir: values.static,
    corsOrigins: values.cors?.split(',').map((s) => s.trim()).filter(Boolean),
    requireSchemas: values['require-schemas'],
    jwt: jwtOptionsOf(values),
    testHooks: process.env.KARTOCHKA_TEST_HOOKS === '1',
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
