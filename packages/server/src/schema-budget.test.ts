// The schema budgets: the expansion count on its own (fast, in process), and the compile-time and
// version-count limits against the real server process.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { b2bClientCard, beautySalonCard } from '@kartochka/templates';
import { expandedSize } from './schema-budget.js';
import { startServer, tempDb, type ServerProcess } from './test-support/process.js';

function doubling(n: number): object {
  const $defs: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) $defs[`d${i}`] = { allOf: [{ $ref: `#/$defs/d${i + 1}` }, { $ref: `#/$defs/d${i + 1}` }] };
  $defs[`d${n}`] = { type: 'string' };
  return { properties: { a: { $ref: '#/$defs/d0' } }, $defs };
}

describe('expandedSize', () => {
  it('counts references as expanded in place, and stops at the limit', () => {
    // Each level doubles: 2^(n+1) leaves and the arrays and objects above them.
    assert.ok(expandedSize(doubling(10) as never, 1e9) > 2 ** 11);
    assert.equal(expandedSize(doubling(60) as never, 20_000), 20_001, 'a 2^60 expansion is counted only up to the limit');
  });

  it('counts a recursive reference once (validation follows it only as deep as the data)', () => {
    const tree = {
      $defs: { node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      $ref: '#/$defs/node',
    };
    assert.ok(expandedSize(tree as never, 1e9) < 20);
  });

  it('leaves real cards far inside the default budget', () => {
    for (const t of [b2bClientCard, beautySalonCard]) assert.ok(expandedSize(t.schema as never, 1e9) < 1000, t.id);
  });
});

/** A server process with `args`, and publish/keyword helpers against it. */
function serverWith(args: string[]) {
  const tmp = tempDb();
  const ctx = { server: undefined as unknown as ServerProcess };
  before(async () => (ctx.server = await startServer({ db: tmp.db, args })));
  after(async () => {
    await ctx.server.kill('SIGTERM');
    await tmp.cleanup();
  });
  const publish = (schemaId: string, schema: object): Promise<Response> =>
    fetch(`${ctx.server.api}/schemas/${schemaId}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ schema }),
    });
  return { ctx, publish };
}
const keywordOf = async (res: Response): Promise<string> => ((await res.json()) as { errors: { keyword: string }[] }).errors[0]!.keyword;

describe('--schema-compile-ms', () => {
  const { ctx, publish } = serverWith(['--schema-compile-ms', '1']);

  it('refuses a schema that compiles slower than the limit', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [`f${i}`, { type: 'string', minLength: 1, pattern: '^[a-z]+$' }]),
    );
    const res = await publish('slow', { type: 'object', properties });
    assert.equal(res.status, 422);
    assert.equal(await keywordOf(res), 'maxCompileTime');
    assert.equal((await fetch(`${ctx.server.api}/schemas/slow/latest`)).status, 404);
  });
});

describe('--schema-versions', () => {
  const { ctx, publish } = serverWith(['--schema-versions', '2']);

  it('refuses a version past the limit; the published ones stay', async () => {
    assert.equal((await publish('v', { type: 'object' })).status, 201);
    assert.equal((await publish('v', { type: 'object' })).status, 201);
    const third = await publish('v', { type: 'object' });
    assert.equal(third.status, 422);
    assert.equal(await keywordOf(third), 'maxSchemaVersions');
    const versions = (await (await fetch(`${ctx.server.api}/schemas/v/versions`)).json()) as { items: { version: number }[] };
    assert.deepEqual(
      versions.items.map((v) => v.version),
      [1, 2],
    );
  });
});
