// `npm start`: builds the demo (Vite, production) and serves it on 127.0.0.1:PORT (default 5173),
// with the reference REST server beside it on PORT+1 for the demo's REST mode (cards in
// ./cards.sqlite). Both stop with Ctrl+C.
import { build, preview } from 'vite';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const port = Number(process.env.PORT ?? 5173);
const apiPort = port + 1;
await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
const server = await preview({ configFile: 'vite.config.ts', preview: { host: '127.0.0.1', port, strictPort: true } });

// Two users of different roles for the REST mode's switcher, with API keys made once per database
// by the real `keys create` (kept beside it, since a key is shown only once) and handed to the page.
// Demo only: a real page gets its key or JWT from a sign-in, never from a file.
const db = process.env.KARTOCHKA_DB ?? './cards.sqlite';
const usersFile = `${db}.demo-users.json`;
const makeKey = (name, roles) => {
  const args = [
    '--conditions=@kartochka/source',
    '--import',
    'tsx',
    'packages/server/src/cli.ts',
    'keys',
    'create',
    '--db',
    db,
    '--name',
    name,
    ...roles.flatMap((r) => ['--role', r]),
  ];
  const out = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`keys create failed: ${out.stderr}`);
  return out.stdout.trim();
};
const users = existsSync(usersFile)
  ? JSON.parse(readFileSync(usersFile, 'utf8'))
  : [
      { name: 'Анна', roles: ['admin', 'master'] },
      { name: 'Борис', roles: ['editor'] },
    ].map((u) => ({ ...u, key: makeKey(u.name, u.roles) }));
writeFileSync(usersFile, JSON.stringify(users, null, 2));
writeFileSync('demo-dist/demo-users.json', JSON.stringify(users));

const api = spawn(
  process.execPath,
  [
    '--conditions=@kartochka/source',
    '--import',
    'tsx',
    'packages/server/src/cli.ts',
    '--db',
    db,
    '--port',
    String(apiPort),
    '--cors',
    `http://127.0.0.1:${port},http://localhost:${port}`,
  ],
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
