// Field-level access from the schema's `x-access`, enforced by the real server process: what a
// role may not read never leaves the server (record, list, history, conflicts), what it may not
// write is refused with field errors, and a save by someone who never saw a field keeps it.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ForbiddenError, RestAdapter } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { as, createKey, hook, startServer, tempDb, type Call, type ServerProcess } from './test-support/process.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    anamnesis: {
      type: 'object',
      'x-access': { read: ['admin', 'doctor'], write: ['doctor'] },
      properties: { allergies: { type: 'string' }, notes: { type: 'string' } },
    },
    visits: {
      type: 'array',
      items: { type: 'object', properties: { date: { type: 'string' }, diagnosis: { type: 'string', 'x-access': { read: ['doctor'] } } } },
    },
  },
};
const full = {
  name: 'Anna',
  anamnesis: { allergies: 'latex', notes: 'asthma' },
  visits: [{ date: '2026-01-05', diagnosis: 'dermatitis' }],
};

describe('x-access field rules (real server process)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let doctor: Call, editor: Call, admin: Call;
  let editorKey: string;
  before(async () => {
    const doctorKey = await createKey(tmp.db, ['editor', 'doctor'], 'default', 'Dr. House');
    editorKey = await createKey(tmp.db, ['editor'], 'default', 'Reception');
    const adminKey = await createKey(tmp.db, ['admin'], 'default', 'Owner');
    server = await startServer({ db: tmp.db });
    [doctor, editor, admin] = [doctorKey, editorKey, adminKey].map((k) => as(server, k));
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(async () => {
    await hook(server, 'reset');
    assert.equal((await admin('/schemas/client/versions', { method: 'POST', json: { schema } })).status, 201);
    assert.equal((await doctor('/cards/p-1', { method: 'PUT', json: card('p-1', { data: full }) })).status, 201);
  });
  const storedData = async () => (await doctor('/cards/p-1')).body.data;

  it('strips unreadable fields from the record, the list and the history', async () => {
    const forEditor = { name: 'Anna', visits: [{ date: '2026-01-05' }] };
    assert.deepEqual((await editor('/cards/p-1')).body.data, forEditor);
    assert.deepEqual((await editor('/cards')).body.items[0].data, forEditor);
    assert.deepEqual((await admin('/cards/p-1')).body.data, { ...forEditor, anamnesis: full.anamnesis }, 'admin is listed for read');
    await doctor('/cards/p-1', {
      method: 'PUT',
      json: card('p-1', { data: { ...full, name: 'Anna K', anamnesis: { allergies: 'latex, nuts', notes: 'asthma' } } }),
    });
    const h = (await editor('/cards/p-1/history')).body.items as { changedPaths: string[]; before?: object; after?: object }[];
    assert.deepEqual(h[1], { ...h[1], changedPaths: ['/name'], before: { '/name': 'Anna' }, after: { '/name': 'Anna K' } });
    const hd = (await doctor('/cards/p-1/history')).body.items as { changedPaths: string[] }[];
    assert.deepEqual([...hd[1]!.changedPaths].sort(), ['/anamnesis/allergies', '/name']);
    assert.ok(!JSON.stringify(h).includes('nuts') && !JSON.stringify(h).includes('dermatitis'));
  });

  it('keeps hidden values when a role that cannot read them saves the card', async () => {
    const seen = (await editor('/cards/p-1')).body;
    const res = await editor('/cards/p-1', {
      method: 'PUT',
      json: { ...card('p-1'), data: { ...seen.data, name: 'Anna Karenina' } },
      headers: { 'If-Match': '"1"' },
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.data, { ...seen.data, name: 'Anna Karenina' }, 'the answer is stripped too');
    assert.deepEqual(await storedData(), { ...full, name: 'Anna Karenina' });
  });

  it('refuses writes to fields the role may not write, with field errors, storing nothing', async () => {
    // An editor guessing a hidden field, an admin changing one it may only read.
    let res = await editor('/cards/p-1', { method: 'PUT', json: card('p-1', { data: { name: 'X', anamnesis: { allergies: 'none' } } }) });
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'forbidden');
    assert.deepEqual(
      res.body.errors.map((e: { path: string; keyword: string }) => [e.path, e.keyword]),
      [['/anamnesis', 'x-access']],
    );
    res = await admin('/cards/p-1', {
      method: 'PUT',
      json: card('p-1', { data: { ...full, anamnesis: { allergies: 'none', notes: 'asthma' }, visits: [{ date: '2026-01-05' }] } }),
      headers: { 'Accept-Language': 'ru' },
    });
    assert.equal(res.status, 403);
    assert.deepEqual(
      res.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
      [['/anamnesis', 'Вам нельзя изменять это поле.']],
    );
    assert.deepEqual(await storedData(), full);
    assert.equal((await doctor('/cards/p-1')).body.revision, 1);
    // The same refusal through RestAdapter: a ForbiddenError (a ValidationError, so a card shows it on the field).
    const db = new RestAdapter({ baseUrl: server.api, headers: () => ({ Authorization: `Bearer ${editorKey}` }), live: false });
    const e = await db.put(card('p-1', { data: { name: 'Y', visits: [{ date: 'x', diagnosis: 'guess' }] } })).catch((x: unknown) => x);
    assert.ok(e instanceof ForbiddenError, String(e));
    assert.equal(e.code, 'forbidden');
    assert.deepEqual(
      e.errors.map((x) => x.path),
      ['/visits/0/diagnosis'],
    );
    await db.close();
  });

  it('strips the stored record sent back with a conflict', async () => {
    const res = await editor('/cards/p-1', {
      method: 'PUT',
      json: card('p-1', { data: { name: 'late' } }),
      headers: { 'If-Match': '"7"' },
    });
    assert.equal(res.status, 412);
    assert.deepEqual(res.body.current.data, { name: 'Anna', visits: [{ date: '2026-01-05' }] });
  });
});

describe('x-access on an open server (no authentication configured)', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => {
    server = await startServer({ db: tmp.db });
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  // An open server knows nobody, so it has no roles to check: it stores and returns every field
  // (the demo's end-to-end run seeds the salon sample, anamnesis included, this way).
  it('enforces no field rules: the whole card is stored and read back', async () => {
    const anyone = as(server, undefined);
    assert.equal((await anyone('/schemas/client/versions', { method: 'POST', json: { schema } })).status, 201);
    assert.equal((await anyone('/cards/p-1', { method: 'PUT', json: card('p-1', { data: full }) })).status, 201);
    assert.deepEqual((await anyone('/cards/p-1')).body.data, full);
  });
});
