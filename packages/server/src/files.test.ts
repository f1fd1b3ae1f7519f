// File fields against the real server process, as an attacker would try them: too large (declared
// and streamed), the wrong type (declared and disguised), a damaged checksum, a client that stops
// sending, another tenant's and another card's file ids, a field the caller may not read, path
// tricks. Every refusal is asserted together with "nothing was stored" (the chunk and file rows).
// Runs on SQLite and, with KARTOCHKA_TEST_BACKEND=postgres, on PostgreSQL.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { card } from '@kartochka/storage/conformance';
import { as, createKey, hook, rawRequest, startServer, tempDb, type Call, type ServerProcess } from './test-support/process.js';
import { backendName, rawSql } from './test-support/backend.js';

const schema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    contract: {
      type: 'object',
      properties: { file: { type: 'object', 'x-widget': 'file', 'x-maxSize': 4096, contentMediaType: 'application/pdf' } },
    },
    photo: { type: 'object', 'x-widget': 'file', contentMediaType: 'image/*', 'x-maxSize': 65536 },
    secret: { type: 'object', 'x-widget': 'file', 'x-access': { read: ['admin'], write: ['admin'] } },
    notes: { type: 'string' },
  },
};

const pdf = (body = 'x'.repeat(1000)) => Buffer.from(`%PDF-1.7\n${body}\n%%EOF\n`);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface UploadOptions {
  field?: string;
  type?: string;
  name?: string;
  sha256?: string;
  schemaId?: string;
  /** Send the body as a stream without Content-Length (chunked). */
  chunked?: boolean;
}

describe(`file fields on ${backendName} (real server process)`, () => {
  const tmp = tempDb();
  let server: ServerProcess;
  let admin: Call, editor: Call, viewer: Call, globex: Call;
  const keys: Record<string, string> = {};
  before(async () => {
    keys.admin = await createKey(tmp.db, ['admin'], 'acme', 'Acme admin');
    keys.editor = await createKey(tmp.db, ['editor'], 'acme', 'Acme editor');
    keys.viewer = await createKey(tmp.db, ['viewer'], 'acme', 'Acme viewer');
    keys.globex = await createKey(tmp.db, ['admin'], 'globex', 'Globex admin');
    server = await startServer({ db: tmp.db, args: ['--file-idle-ms', '400'] });
    [admin, editor, viewer, globex] = [keys.admin, keys.editor, keys.viewer, keys.globex].map((k) => as(server, k));
  });
  after(async () => {
    await server.kill('SIGTERM');
    await tmp.cleanup();
  });
  beforeEach(async () => {
    await hook(server, 'reset');
    for (const call of [admin, globex])
      assert.equal((await call('/schemas/client/versions', { method: 'POST', json: { schema } })).status, 201);
  });

  async function upload(key: string, cardId: string, bytes: Buffer, o: UploadOptions = {}) {
    const q = new URLSearchParams({ field: o.field ?? '/contract/file', schemaId: o.schemaId ?? 'client' });
    const headers: Record<string, string> = {
      Authorization: `Bearer ${key}`,
      'Content-Type': o.type ?? 'application/pdf',
      'X-Kartochka-File-Name': encodeURIComponent(o.name ?? 'договор.pdf'),
      'X-Kartochka-Sha256': o.sha256 ?? sha(bytes),
    };
    const body = o.chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 1024) controller.enqueue(bytes.subarray(i, i + 1024));
            controller.close();
          },
        })
      : bytes;
    const res = await fetch(`${server.api}/cards/${encodeURIComponent(cardId)}/files?${q}`, {
      method: 'POST',
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** What is stored, across tenants: file rows and chunk rows. */
  async function storedCounts() {
    const [f] = await rawSql(tmp.db, 'SELECT COUNT(*) AS n FROM files');
    const [c] = await rawSql(tmp.db, 'SELECT COUNT(*) AS n FROM file_chunks');
    return { files: Number(f!.n), chunks: Number(c!.n) };
  }

  async function download(key: string, cardId: string, fileId: string) {
    const res = await fetch(`${server.api}/cards/${encodeURIComponent(cardId)}/files/${fileId}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  /** Uploads a contract PDF for `cardId` and saves the card referencing it; returns the reference. */
  async function attach(cardId: string, bytes = pdf()) {
    const up = await upload(keys.editor!, cardId, bytes);
    assert.equal(up.status, 201, JSON.stringify(up.body));
    const put = await editor(`/cards/${cardId}`, {
      method: 'PUT',
      json: card(cardId, { data: { name: 'Acme', contract: { file: up.body } } }),
    });
    assert.equal(put.status, 201, JSON.stringify(put.body));
    return put.body.data.contract.file as { fileId: string; name: string; size: number; type: string; sha256: string };
  }

  it('stores an upload, references it by id from the card and serves it back byte for byte', async () => {
    const bytes = pdf('y'.repeat(3000));
    const ref = await attach('c-1', bytes);
    assert.match(ref.fileId, /^f_[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(
      { ...ref, fileId: 'id' },
      { fileId: 'id', name: 'договор.pdf', size: bytes.length, type: 'application/pdf', sha256: sha(bytes) },
    );
    const stored = await rawSql(tmp.db, 'SELECT record FROM cards WHERE id = ?', ['c-1']);
    assert.ok(!String(stored[0]!.record).includes('yyyy'), 'the bytes are not in the card');
    for (const key of [keys.editor!, keys.viewer!]) {
      const got = await download(key, 'c-1', ref.fileId);
      assert.equal(got.status, 200);
      assert.deepEqual(got.bytes, bytes);
      assert.equal(got.headers.get('content-type'), 'application/pdf');
      assert.match(got.headers.get('content-disposition')!, /^inline; .*filename\*=UTF-8''%D0%B4%D0%BE/);
      assert.equal(got.headers.get('x-content-type-options'), 'nosniff');
      assert.match(got.headers.get('content-security-policy')!, /sandbox/);
      assert.equal(got.headers.get('x-kartochka-sha256'), sha(bytes));
    }
  });

  it('streams a file of many chunks in and out (chunked upload, no Content-Length)', async () => {
    const big = Buffer.concat([png, Buffer.alloc(60_000, 7)]);
    const up = await upload(keys.editor!, 'c-1', big, { field: '/photo', type: 'image/png', name: 'logo.png', chunked: true });
    assert.equal(up.status, 201, JSON.stringify(up.body));
    await editor('/cards/c-1', { method: 'PUT', json: card('c-1', { data: { photo: up.body } }) });
    const got = await download(keys.viewer!, 'c-1', up.body.fileId);
    assert.equal(sha(got.bytes), sha(big));
  });

  it("refuses a file over the field's x-maxSize, declared or streamed, and stores nothing", async () => {
    await attach('c-1');
    const before = await storedCounts();
    const big = pdf('z'.repeat(5000));
    const declared = await upload(keys.editor!, 'c-1', big);
    assert.equal(declared.status, 413);
    assert.equal(declared.body.errors[0].keyword, 'fileTooLarge');
    assert.equal(declared.body.error.params.limit, 4096);
    const streamed = await upload(keys.editor!, 'c-1', big, { chunked: true });
    assert.equal(streamed.status, 413);
    assert.deepEqual(await storedCounts(), before);
  });

  it('refuses the wrong type, declared or disguised, and stores nothing', async () => {
    const before = await storedCounts();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const declared = await upload(keys.editor!, 'c-1', html, { type: 'text/html', name: 'x.html' });
    assert.equal(declared.status, 415);
    assert.equal(declared.body.errors[0].keyword, 'fileType');
    const disguised = await upload(keys.editor!, 'c-1', html, { type: 'application/pdf', name: 'x.pdf' });
    assert.equal(disguised.status, 415);
    assert.equal(disguised.body.errors[0].keyword, 'fileContent');
    const fakePng = await upload(keys.editor!, 'c-1', pdf(), { field: '/photo', type: 'image/png', name: 'x.png' });
    assert.equal(fakePng.status, 415);
    const notImage = await upload(keys.editor!, 'c-1', pdf(), { field: '/photo', type: 'application/pdf' });
    assert.equal(notImage.status, 415);
    const notAFile = await upload(keys.editor!, 'c-1', pdf(), { field: '/notes' });
    assert.equal(notAFile.status, 422);
    assert.equal(notAFile.body.errors[0].keyword, 'notAFileField');
    assert.deepEqual(await storedCounts(), before);
  });

  it('refuses a checksum mismatch (a damaged or altered upload) and stores nothing', async () => {
    const before = await storedCounts();
    const res = await upload(keys.editor!, 'c-1', pdf(), { sha256: sha(pdf('other')) });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].keyword, 'checksum');
    const malformed = await upload(keys.editor!, 'c-1', pdf(), { sha256: 'not-a-hash' });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await storedCounts(), before);
  });

  it('drops a client that stops sending mid-upload (408) and stores nothing', async () => {
    const before = await storedCounts();
    const bytes = pdf('s'.repeat(3000));
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: '/api/cards/c-1/files?field=%2Fcontract%2Ffile&schemaId=client',
          headers: {
            Authorization: `Bearer ${keys.editor}`,
            'Content-Type': 'application/pdf',
            'Content-Length': String(bytes.length),
            'X-Kartochka-Sha256': sha(bytes),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d: string) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      // Half the file, then silence: the server must not wait for the rest forever.
      req.write(bytes.subarray(0, 1500));
    });
    assert.equal(answer.status, 408);
    assert.equal(JSON.parse(answer.body).errors[0].keyword, 'uploadStalled');
    assert.deepEqual(await storedCounts(), before);
    assert.equal((await upload(keys.editor!, 'c-1', pdf())).status, 201, 'the server still takes uploads');
  });

  it('never lets another tenant reference or download a file, even with the same card id', async () => {
    const ref = await attach('c-1');
    // Globex has its own card c-1 (ids are per tenant) and tries Acme's file id in it.
    const up = await upload(keys.globex!, 'c-1', pdf('globex'));
    assert.equal(up.status, 201);
    const stolen = await globex('/cards/c-1', { method: 'PUT', json: card('c-1', { data: { contract: { file: { ...ref } } } }) });
    assert.equal(stolen.status, 422);
    assert.deepEqual(
      stolen.body.errors.map((e: { path: string; keyword: string }) => [e.path, e.keyword]),
      [['/contract/file', 'fileRef']],
    );
    assert.equal((await globex('/cards/c-1')).status, 404, 'nothing was saved');
    assert.equal((await download(keys.globex!, 'c-1', ref.fileId)).status, 404);
    assert.equal((await download(keys.viewer!, 'c-1', ref.fileId)).status, 200, 'Acme still reads its own');
  });

  it('lets a card reference only files uploaded for it', async () => {
    const ref = await attach('c-1');
    const other = await editor('/cards/c-2', { method: 'PUT', json: card('c-2', { data: { contract: { file: ref } } }) });
    assert.equal(other.status, 422);
    assert.equal(other.body.errors[0].keyword, 'fileRef');
    assert.equal((await download(keys.viewer!, 'c-2', ref.fileId)).status, 404);
    const forged = await editor('/cards/c-1', {
      method: 'PUT',
      json: card('c-1', { data: { contract: { file: { ...ref, fileId: 'f_AAAAAAAAAAAAAAAAAAAAAA' } } } }),
      headers: { 'If-Match': '"1"' },
    });
    assert.equal(forged.status, 422);
    assert.equal((await viewer('/cards/c-1')).body.revision, 1, 'the card is unchanged');
  });

  it('serves a file only while the card references it where the caller may read', async () => {
    const up = await upload(keys.admin!, 'c-1', pdf('secret'), { field: '/secret', type: 'application/pdf' });
    assert.equal(up.status, 201);
    assert.equal((await download(keys.admin!, 'c-1', up.body.fileId)).status, 404, 'not referenced by a saved card yet');
    assert.equal(
      (await admin('/cards/c-1', { method: 'PUT', json: card('c-1', { data: { name: 'Acme', secret: up.body } }) })).status,
      201,
    );
    assert.equal((await download(keys.admin!, 'c-1', up.body.fileId)).status, 200);
    const v = await download(keys.viewer!, 'c-1', up.body.fileId);
    assert.equal(v.status, 404, 'the viewer may read the card but not the field');
    assert.equal(v.bytes.length < 200 && !v.bytes.toString().includes('secret'), true);
    const denied = await upload(keys.editor!, 'c-1', pdf(), { field: '/secret' });
    assert.equal(denied.status, 403, 'the editor may not write the field');
    const noRole = await upload(keys.viewer!, 'c-1', pdf());
    assert.equal(noRole.status, 403, 'a viewer may not upload');
  });

  it('resists path tricks in ids, fields and names', async () => {
    const ref = await attach('c-1');
    for (const path of [
      `/api/cards/c-1/files/..%2F..%2F..%2Fetc%2Fpasswd`,
      `/api/cards/c-1/files/../../../etc/passwd`,
      `/api/cards/c-1/files/${ref.fileId}%00`,
      `/api/cards/..%2Fc-1/files/${ref.fileId}`,
      `/api/cards/c-1/files/${ref.fileId.toLowerCase()}x`,
    ]) {
      const res = await rawRequest(server, path, { Authorization: `Bearer ${keys.admin}` });
      assert.ok([400, 404].includes(res.status), `${path} → ${res.status}`);
      assert.ok(!res.body.includes('%PDF'), path);
    }
    for (const field of ['/contract/../secret', '../secret', '/contract/file/..', '/*', '']) {
      const res = await upload(keys.admin!, 'c-2', pdf(), { field });
      assert.equal(res.status, 422, field);
    }
    const named = await upload(keys.editor!, 'c-2', pdf(), { name: '../../etc/évil\u0000.pdf' });
    assert.equal(named.status, 201);
    assert.equal(named.body.name, 'évil.pdf');
  });

  it('keeps a cross-site page from uploading without a preflight (no checksum header: JSON only)', async () => {
    const before = await storedCounts();
    const res = await fetch(`${server.api}/cards/c-1/files?field=%2Fcontract%2Ffile&schemaId=client`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${keys.editor}`, 'Content-Type': 'text/plain' },
      body: '%PDF-1.7 x',
    });
    assert.equal(res.status, 415);
    await res.body?.cancel();
    assert.deepEqual(await storedCounts(), before);
  });
});

describe(`abandoned uploads on ${backendName}`, () => {
  it('the server removes, on start, the chunks of uploads a crash cut off — not a running upload, not a stored file', async () => {
    const tmp = tempDb();
    let server = await startServer({ db: tmp.db });
    try {
      const old = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
      await fetch(`${server.api}/schemas/client/versions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schema: { type: 'object', properties: { doc: { type: 'object', 'x-widget': 'file' } } } }),
      });
      const up = await fetch(`${server.api}/cards/c-1/files?field=%2Fdoc&schemaId=client`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/pdf', 'X-Kartochka-Sha256': sha(pdf()) },
        body: pdf(),
      });
      assert.equal(up.status, 201);
      await server.kill('SIGKILL');
      // What a crash leaves: chunks without a file row, one upload long ago, one just now.
      await rawSql(tmp.db, 'INSERT INTO file_chunks (tenant, file_id, seq, bytes, created_at) VALUES (?, ?, ?, ?, ?)', [
        'default',
        'f_cutOffLongAgo0000000',
        0,
        Buffer.from('x'),
        old,
      ]);
      await rawSql(tmp.db, 'INSERT INTO file_chunks (tenant, file_id, seq, bytes, created_at) VALUES (?, ?, ?, ?, ?)', [
        'acme',
        'f_cutOffLongAgo1111111',
        0,
        Buffer.from('x'),
        old,
      ]);
      await rawSql(tmp.db, 'INSERT INTO file_chunks (tenant, file_id, seq, bytes, created_at) VALUES (?, ?, ?, ?, ?)', [
        'default',
        'f_stillUploading000000',
        0,
        Buffer.from('x'),
        new Date().toISOString(),
      ]);
      await rawSql(tmp.db, 'UPDATE file_chunks SET created_at = ? WHERE file_id IN (SELECT id FROM files)', [old]);
      server = await startServer({ db: tmp.db });
      const ids = (await rawSql(tmp.db, 'SELECT DISTINCT file_id FROM file_chunks ORDER BY file_id')).map((r) => String(r.file_id));
      const stored = (await rawSql(tmp.db, 'SELECT id FROM files')).map((r) => String(r.id));
      assert.equal(stored.length, 1);
      assert.deepEqual(ids.sort(), [stored[0]!, 'f_stillUploading000000'].sort());
    } finally {
      await server.kill('SIGTERM');
      await tmp.cleanup();
    }
  });
});
