// The server refuses Russian requisites that fail their check digits, with the same errors (and
// the same words, in the client's language) the card shows: it validates with core's validate().
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { validate, type JsonSchemaObject } from '@kartochka/core';
import { RestAdapter, ValidationError } from '@kartochka/storage';
import { card } from '@kartochka/storage/conformance';
import { hook, startServer, tempDb, type ServerProcess } from './test-support/process.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    inn: { type: 'string', format: 'ru-inn' },
    bik: { type: 'string', format: 'ru-bik' },
    account: { type: 'string', format: 'ru-account', 'x-bik': '1/bik' },
  },
};

describe('Russian requisites on the server', () => {
  const tmp = tempDb();
  let server: ServerProcess;
  before(async () => {
    server = await startServer({ db: tmp.db });
    await hook(server, 'reset');
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });

  it('answers 422 naming a wrong INN check digit and an account that does not match its BIK, in Russian', async () => {
    const db = new RestAdapter({ baseUrl: server.api, headers: () => ({ 'Accept-Language': 'ru' }) });
    await db.publishSchema({ schemaId: 'req', schema });
    const bad = { inn: '7707083894', bik: '044525225', account: '40702810038000000001' };
    const error = await db.put(card('r-1', { schemaId: 'req', data: bad })).catch((x: unknown) => x);
    assert.ok(error instanceof ValidationError);
    assert.deepEqual(
      error.errors.map((e) => [e.path, e.message]),
      [
        ['/inn', 'Неверная контрольная цифра ИНН: проверьте, нет ли опечатки.'],
        ['/account', 'Номер счёта не сходится с БИК: проверьте счёт и БИК.'],
      ],
    );
    assert.deepEqual(
      error.errors.map((e) => e.message),
      validate(schema, bad, 'ru').errors.map((e) => e.message),
    );
    const ok = await db.put(
      card('r-1', { schemaId: 'req', data: { inn: '7707083893', bik: '044525225', account: '40702810938000000001' } }),
    );
    assert.equal(ok.revision, 1);
  });

  it('refuses to publish a schema with a malformed x-bik, saying where', async () => {
    const db = new RestAdapter({ baseUrl: server.api });
    const error = await db
      .publishSchema({ schemaId: 'bad', schema: { type: 'object', properties: { a: { type: 'string', 'x-bik': 5 } } } })
      .catch((x: unknown) => x);
    assert.ok(error instanceof Error);
    assert.match((error as Error).message + JSON.stringify((error as { errors?: unknown }).errors ?? ''), /x-bik/);
  });
});
