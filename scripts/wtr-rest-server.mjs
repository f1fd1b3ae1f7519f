// Gives browser tests the real REST server process: GET /__kc_server__/start[?token=…][&publish=id,…][&rateLimit=n] starts one
// (packages/server's startServer: the CLI from source, a fresh SQLite file, port 0, loopback, test
// hooks on, CORS open to the test page) and answers {id, url, api}; GET /__kc_server__/faults?id=…&body=…
// sets its faults through the test hook (from Node, with the hooks token the page never sees);
// GET /__kc_server__/stop?id=… kills it. Every server still running is killed when the test run ends.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/__kc_server__/';

export function restServerPlugin({ root }) {
  let helpers;
  const running = new Map();
  let next = 0;
  const load = () =>
    (helpers ??= tsImport(pathToFileURL(path.join(root, 'packages/server/src/test-support/process.ts')).href, import.meta.url));
  const stop = async (id) => {
    const s = running.get(id);
    if (!s) return;
    running.delete(id);
    await s.server.kill('SIGKILL');
    s.tmp.cleanup();
  };
  return {
    name: 'kc-rest-server',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const action = context.path.slice(PREFIX.length);
      if (action === 'start') {
        const { startServer, tempDb, hook } = await load();
        const tmp = tempDb();
        const token = context.query.token;
        const env = typeof token === 'string' && token ? { KARTOCHKA_TOKEN: token } : {};
        // `rateLimit=n`: the server's real per-identity limit (`--rate-limit`, requests a minute).
        const rate = /^\d+$/.test(String(context.query.rateLimit ?? '')) ? ['--rate-limit', String(context.query.rateLimit)] : [];
        const server = await startServer({ db: tmp.db, args: ['--cors', '*', ...rate], env });
        const id = String(++next);
        running.set(id, { server, tmp });
        // Saves need a published schema: `publish=a,b` publishes accept-anything ones (test hook).
        const publish = String(context.query.publish ?? '')
          .split(',')
          .filter(Boolean);
        if (publish.length > 0) await hook(server, 'reset', { publish });
        return { body: JSON.stringify({ id, url: server.url, api: server.api }), type: 'json' };
      }
      if (action === 'faults') {
        const s = running.get(String(context.query.id));
        if (!s) return { status: 404, body: 'no such server' };
        const { hook } = await load();
        await hook(s.server, 'faults', JSON.parse(String(context.query.body ?? '{}')));
        return { body: '{}', type: 'json' };
      }
      if (action === 'stop') {
        await stop(String(context.query.id));
        return { body: '{}', type: 'json' };
      }
      return { status: 404, body: 'not found' };
    },
    async serverStop() {
      await Promise.all([...running.keys()].map(stop));
    },
  };
}
