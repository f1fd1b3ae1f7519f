/**
 * Browser tests' handle on the real REST server process, started by the wtr plugin
 * (scripts/wtr-rest-server.mjs) on 127.0.0.1 with a fresh database.
 */
export interface TestServer {
  /** The API root, for `new RestAdapter({ baseUrl })`. */
  api: string;
  url: string;
  /** Injects faults (`{fail, failStatus, delay, delayMs, …}`; see packages/server/src/faults.ts). */
  faults(body: object): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a server; `publish` names the schema ids to publish (accept-anything) before the test
 * saves cards of them — the server refuses cards of an unpublished schema; `rateLimit` sets its
 * requests-per-minute limit (`--rate-limit`).
 */
export async function startTestServer(options: { token?: string; publish?: string[]; rateLimit?: number } = {}): Promise<TestServer> {
  const q = new URLSearchParams();
  if (options.rateLimit !== undefined) q.set('rateLimit', String(options.rateLimit));
  if (options.token) q.set('token', options.token);
  if (options.publish?.length) q.set('publish', options.publish.join(','));
  const res = await fetch(`/__kc_server__/start?${q}`);
  if (!res.ok) throw new Error(`could not start the test server: HTTP ${res.status}`);
  const { id, url, api } = (await res.json()) as { id: string; url: string; api: string };
  return {
    api,
    url,
    async faults(body) {
      const r = await fetch(`/__kc_server__/faults?id=${encodeURIComponent(id)}&body=${encodeURIComponent(JSON.stringify(body))}`);
      if (!r.ok) throw new Error(`faults: HTTP ${r.status}`);
    },
    async stop() {
      await fetch(`/__kc_server__/stop?id=${encodeURIComponent(id)}`);
    },
  };
}
