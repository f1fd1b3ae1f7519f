import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsFile, asLocalFile, blobOfDataUrl, localFilesIn, parseAccept, replaceAt } from './files.js';

describe('file values', () => {
  it('finds picked files (Blobs) and legacy inline data: files, with escaped pointers', async () => {
    const blob = new Blob(['hello'], { type: 'text/plain' });
    const data = {
      'a/b': { name: 'x.txt', size: 5, type: 'text/plain', blob },
      list: [{ file: { name: 'old.txt', url: 'data:text/plain;base64,b2xk' } }, { file: { fileId: 'f_1', name: 'kept.pdf' } }],
      web: { name: 'w.pdf', url: 'https://example.com/w.pdf' },
    };
    const found = localFilesIn(data);
    assert.deepEqual(
      found.map((f) => f.pointer),
      ['/a~1b', '/list/0/file'],
    );
    assert.equal(found[0]!.file.blob, blob);
    assert.equal(await found[1]!.file.blob.text(), 'old');
    assert.equal(found[1]!.file.type, 'text/plain');
    assert.equal(asLocalFile({ name: 'x', data: 'aGk=', type: 'text/plain' })?.size, 2, 'a base64 `data` string is a legacy file too');
  });

  it('replaces values at pointers, copying only the containers on the way', () => {
    const data = { a: { f: 1 }, b: { c: [0, { f: 2 }] } };
    const out = replaceAt(data, new Map([['/b/c/1', { fileId: 'f_x' }]]));
    assert.deepEqual(out, { a: { f: 1 }, b: { c: [0, { fileId: 'f_x' }] } });
    assert.equal(out.a, data.a);
    assert.deepEqual(data.b.c[1], { f: 2 }, 'the input is untouched');
  });

  it('decodes data: URLs without fetch, and refuses malformed ones', async () => {
    assert.equal(await blobOfDataUrl('data:,a%20b')!.text(), 'a b');
    assert.equal(blobOfDataUrl('data:application/pdf;base64,%%%'), undefined);
    assert.equal(blobOfDataUrl('javascript:alert(1)'), undefined);
  });

  it('matches accept lists by type, wildcard and extension', () => {
    const accept = parseAccept('application/pdf, image/*, .DOCX');
    assert.deepEqual(accept, ['application/pdf', 'image/*', '.docx']);
    assert.equal(acceptsFile(accept, 'image/png', 'a.png'), true);
    assert.equal(acceptsFile(accept, '', 'Contract.docx'), true);
    assert.equal(acceptsFile(accept, 'text/html', 'a.html'), false);
    assert.equal(acceptsFile(undefined, 'text/html', 'a.html'), true);
  });
});
