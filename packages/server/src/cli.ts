/**
 * `kartochka-server`: the reference REST server from the command line.
 *
 *   kartochka-server --db ./cards.sqlite --port 8787 [--static ./dist] [--body-limit 1048576]
 *                    [--cors http://127.0.0.1:5173,…] [--require-schemas]
 *
 * Binds 127.0.0.1 only. `--port 0` picks a free port. Prints exactly one line on stdout once
 * listening — `Kartochka server listening on http://127.0.0.1:PORT` — which tests and scripts
 * read to find the port. The bearer token comes from `KARTOCHKA_TOKEN` (never from argv, which
 * other users can see in `ps`).
 */
import { parseArgs } from 'node:util';
import { createServer } from './server.js';

const HELP = `Usage: kartochka-server --db <file> [--port 8787] [--static <dir>] [--body-limit <bytes>]
                        [--cors <origin,origin>] [--require-schemas]
Environment: KARTOCHKA_TOKEN  require "Authorization: Bearer <token>" on /api`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: './cards.sqlite' },
      port: { type: 'string', default: '8787' },
      static: { type: 'string' },
      'body-limit': { type: 'string' },
      cors: { type: 'string' },
      'require-schemas': { type: 'boolean', default: false },
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
