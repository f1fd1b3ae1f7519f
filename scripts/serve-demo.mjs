// `npm start`: builds the demo (Vite, production) and serves it on 127.0.0.1:PORT (default 5173),
// with the reference REST server beside it on PORT+1 for the demo's REST mode (cards in
// ./cards.sqlite). Both stop with Ctrl+C.
import { build, preview } from 'vite';
import { spawn } from 'node:child_process';

const port = Number(process.env.PORT ?? 5173);
const apiPort = port + 1;
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({ configFile: 'vite.config.ts', preview: { host: '127.0.0.1', port, strictPort: true } });

const api = spawn(
  process.execPath,
  ['--conditions=@kartochka/source', '--import', 'tsx', 'packages/server/src/cli.ts', '--db', process.env.KARTOCHKA_DB ?? './cards.sqlite', '--port', String(apiPort), '--cors', `http://127.0.0.1:${port},http://localhost:${port}`],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
api.on('exit', (code) => {
  if (code) console.error(`The REST server stopped (exit ${code}); the demo's IndexedDB mode still works.`);
});

console.log(`Kartochka demo: http://127.0.0.1:${port}/  (REST API: http://127.0.0.1:${apiPort}/api)`);
const stop = () => {
  api.kill();
  server.httpServer.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
