// RestAdapter over an injected fetch: retry policy, backoff, timeouts, cancellation, auth
// headers, and the mapping of answers to typed errors. The real server is exercised by
// packages/server/src/*.test.ts (conformance + faults against the process).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { card } from './conformance.js';
import { readEventStream } from './rest-events.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  QuotaExceededError,
  RateLimitedError,
  RestAdapter,
  UnauthorizedError,
  UnavailableError,
  ValidationError,
  type CardRecord,
  formatStorageMessage,
  type RestAdapterOptions,
} from './index.js';

type Step = Response | Error | 'hang';
interface Call {
  method: string;
  url: string;
  headers: Headers;
  body?: string;
}

/** A fetch that plays back `steps` in order (the last one repeats) and records each call. */
function script(steps: Step[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ method: init.method ?? 'GET', url: String(input), headers: new Headers(init.headers), body: init.body as string });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason ?? new Error('aborted')));
      });
    }
    if (step instanceof Error) throw step;
    return step.clone();
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const stored = (over: Partial<CardRecord> = {}): CardRecord => ({
  ...card('c-1'),
  revision: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});
const networkError = (code?: string): Error =>
  new TypeError('fetch failed', { cause: code ? Object.assign(new Error(code), { code }) : undefined });
const error = (code: string, message: string, params: object = {}, extra: object = {}): object => ({
  error: { code, message, params },
  ...extra,
});

function adapter(fetchFn: typeof fetch, over: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api', fetch: fetchFn, random: () => 0, ...over });
}

describe('RestAdapter retries', () => {
  it('retries a GET on network errors and 5xx, then succeeds', async () => {
    const { fetch, calls } = script([networkError('ECONNRESET'), json(503, error('unavailable', 'busy')), json(200, stored())]);
    assert.equal((await adapter(fetch).get('c-1')).id, 'c-1');
    assert.equal(calls.length, 3);
    assert.equal(calls[0]!.url, 'http://127.0.0.1:9/api/cards/c-1');
  });

  it('never retries a 4xx', async () => {
    const { fetch, calls } = script([
      json(404, { error: { code: 'not-found', messageKey: 'cardNotFound', message: 'Card "c-1" was not found.', params: { id: 'c-1' } } }),
    ]);
    const e = await adapter(fetch)
      .get('c-1')
      .catch((x: unknown) => x);
    assert.ok(e instanceof NotFoundError);
    assert.equal(e.message, 'Card "c-1" was not found.');
    assert.equal(calls.length, 1);
  });

  it('gives UnavailableError after the configured attempts, with the last cause', async () => {
    const { fetch, calls } = script([networkError('ECONNRESET')]);
    const e = await adapter(fetch, { attempts: 5 })
      .list()
      .catch((x: unknown) => x);
    assert.ok(e instanceof UnavailableError);
    assert.match(e.message, /GET \/api\/cards failed after 5 attempt\(s\): fetch failed \(ECONNRESET\)/);
    assert.equal(calls.length, 5);
  });

  it('backs off exponentially (full jitter scales the cap)', async () => {
    const { fetch } = script([networkError('ECONNRESET')]);
    const started = Date.now();
    await adapter(fetch, { attempts: 4, random: () => 1, backoff: { baseMs: 20, maxMs: 1000 } })
      .get('x')
      .catch(() => undefined);
    const took = Date.now() - started;
    assert.ok(took >= 20 + 40 + 80 - 5, `waited ${took} ms`);
    assert.ok(took < 1000, `waited ${took} ms`);
  });

  it('does not repeat an unconditional PUT or a POST once it may have reached the server', async () => {
    const put = script([networkError('ECONNRESET'), json(200, stored())]);
    assert.ok(
      (await adapter(put.fetch)
        .put(card('c-1'))
        .catch((x: unknown) => x)) instanceof UnavailableError,
    );
    assert.equal(put.calls.length, 1);
    const post = script([json(500, error('unavailable', 'boom')), json(201, {})]);
    assert.ok(
      (await adapter(post.fetch)
        .publishSchema({ schemaId: 's', schema: {} })
        .catch((x: unknown) => x)) instanceof UnavailableError,
    );
    assert.equal(post.calls.length, 1);
  });

  it('does repeat any request whose connection was refused (the server never saw it)', async () => {
    const { fetch, calls } = script([networkError('ECONNREFUSED'), json(201, stored())]);
    assert.equal((await adapter(fetch).put(card('c-1'))).revision, 1);
    assert.equal(calls.length, 2);
  });

  it('repeats a conditional PUT and takes a 412 carrying its own write as success', async () => {
    const mine = stored({ revision: 3, data: { name: 'mine' } });
    const { fetch, calls } = script([networkError('UND_ERR_SOCKET'), json(412, error('conflict', 'conflict', {}, { current: mine }))]);
    const saved = await adapter(fetch).put(card('c-1', { data: { name: 'mine' } }), { expectedRevision: 2 });
    assert.deepEqual(saved, mine);
    assert.equal(calls.length, 2);
    assert.equal(calls[1]!.headers.get('if-match'), '"2"');
  });

  it('reports a first-attempt 412 as ConflictError even when the content matches', async () => {
    const theirs = stored({ revision: 3, data: { name: 'mine' } });
    const { fetch } = script([json(412, error('conflict', 'conflict', {}, { current: theirs }))]);
    const e = await adapter(fetch)
      .put(card('c-1', { data: { name: 'mine' } }), { expectedRevision: 2 })
      .catch((x: unknown) => x);
    assert.ok(e instanceof ConflictError);
    assert.deepEqual(e.current, theirs);
    assert.deepEqual(e.params, { id: 'c-1', stored: 3, expected: 2 });
  });

  it('times out each attempt and retries reads', async () => {
    const { fetch, calls } = script(['hang', json(200, stored())]);
    assert.equal((await adapter(fetch, { timeoutMs: 50 }).get('c-1')).id, 'c-1');
    assert.equal(calls.length, 2);
    const stuck = script(['hang']);
    const e = await adapter(stuck.fetch, { timeoutMs: 30, attempts: 2 })
      .get('c-1')
      .catch((x: unknown) => x);
    assert.ok(e instanceof UnavailableError);
    assert.match(e.message, /no answer within 30 ms/);
  });
});

describe('RestAdapter cancellation and lifecycle', () => {
  it('rejects with the signal reason during a request or a backoff, without further attempts', async () => {
    const hanging = script(['hang']);
    const c1 = new AbortController();
    setTimeout(() => c1.abort(new Error('user left')), 20);
    await assert.rejects(adapter(hanging.fetch).get('c-1', { signal: c1.signal }), /user left/);
    const failing = script([networkError('ECONNRESET')]);
    const c2 = new AbortController();
    setTimeout(() => c2.abort(), 30);
    const slow = adapter(failing.fetch, { random: () => 1, backoff: { baseMs: 5000 } });
    await assert.rejects(slow.list({}, { signal: c2.signal }), { name: 'AbortError' });
    assert.equal(failing.calls.length, 1, 'aborted during the backoff');
    const done = new AbortController();
    done.abort();
    const none = script([json(200, stored())]);
    await assert.rejects(adapter(none.fetch).get('c-1', { signal: done.signal }), { name: 'AbortError' });
    assert.equal(none.calls.length, 0);
  });

  it('close() aborts what is in flight; later calls reject with UnavailableError', async () => {
    const { fetch } = script(['hang']);
    const db = adapter(fetch);
    const pending = db.get('c-1').catch((x: unknown) => x);
    await db.close();
    assert.ok((await pending) instanceof UnavailableError);
    assert.ok((await db.get('c-1').catch((x: unknown) => x)) instanceof UnavailableError);
  });
});

describe('RestAdapter requests and error mapping', () => {
  it('calls the headers hook for every request (bearer auth)', async () => {
    const { fetch, calls } = script([json(200, { items: [], total: 0 })]);
    let n = 0;
    const db = adapter(fetch, { headers: async () => ({ Authorization: `Bearer t${++n}` }) });
    await db.list();
    await db.list();
    assert.deepEqual(
      calls.map((c) => c.headers.get('authorization')),
      ['Bearer t1', 'Bearer t2'],
    );
  });

  it('encodes ids, queries with typed filters, and conditional headers', async () => {
    const { fetch, calls } = script([json(200, { items: [], total: 0 }), json(201, stored()), json(200, { id: 'a/b', revision: 4 })]);
    const db = adapter(fetch);
    await db.list({
      schemaId: 'client',
      filter: { n: 1, s: '1', b: false, m: null },
      search: 'ром',
      sort: { field: 'title', direction: 'asc' },
      offset: 2,
      limit: 5,
    });
    const url = new URL(calls[0]!.url);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      schemaId: 'client',
      search: 'ром',
      'filter.n': '1',
      'filter.s': '"1"',
      'filter.b': 'false',
      'filter.m': 'null',
      sort: 'title',
      order: 'asc',
      offset: '2',
      limit: '5',
    });
    await db.put(card('a/b'), { expectedRevision: 0, author: 'anna' });
    assert.equal(calls[1]!.url, 'http://127.0.0.1:9/api/cards/a%2Fb');
    assert.equal(calls[1]!.headers.get('if-none-match'), '*');
    assert.equal(JSON.parse(calls[1]!.body!).author, 'anna');
    await db.delete('a/b', { expectedRevision: 4 });
    assert.equal(calls[2]!.method, 'DELETE');
    assert.equal(calls[2]!.headers.get('if-match'), '"4"');
  });

  it('checks records and paging locally before sending', async () => {
    const { fetch, calls } = script([json(200, {})]);
    const db = adapter(fetch);
    await assert.rejects(db.put({ ...card(''), indexed: { x: {} } } as never), ValidationError);
    await assert.rejects(db.list({ offset: -1 }), RangeError);
    await assert.rejects(db.publishSchema({ schemaId: '', schema: {} }), TypeError);
    assert.equal(calls.length, 0);
  });

  it('has a stable id from its API root (not a class name) and carries the signed-in user', () => {
    const a = new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api', user: 'alice' });
    const b = new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api/' });
    const other = new RestAdapter({ baseUrl: 'http://127.0.0.1:10/api' });
    assert.equal(a.id, 'rest:http://127.0.0.1:9/api/');
    assert.equal(b.id, a.id, 'the same server, the same id');
    assert.notEqual(other.id, a.id, 'two servers never share one id');
    assert.equal(a.user, 'alice');
    assert.equal(b.user, undefined);
  });

  it('maps 422, 413, 507, 401, 403 and a foreign 404 to typed errors', async () => {
    const fieldErrors = [{ path: '/inn', keyword: 'pattern', message: 'Invalid format.', source: 'server' }];
    const cases: [Response, (e: unknown) => void][] = [
      [
        json(422, error('validation', 'invalid', {}, { errors: fieldErrors })),
        (e) => assert.deepEqual((e as ValidationError).errors, fieldErrors),
      ],
      [
        json(
          413,
          error(
            'validation',
            'too big',
            { limit: 10 },
            { errors: [{ path: '', keyword: 'maxBodySize', message: 'big', source: 'server' }] },
          ),
        ),
        (e) => assert.ok(e instanceof ValidationError),
      ],
      [json(507, error('quota-exceeded', 'full')), (e) => assert.ok(e instanceof QuotaExceededError)],
      [json(401, error('unauthorized', 'token')), (e) => assert.ok(e instanceof UnauthorizedError && /credentials/.test(e.message))],
      // A role's refusal (the server names it `forbidden`) is final, shown on the card like a rejection;
      // any other 403 (a proxy, a gateway) means the credentials are not good enough: sign in again.
      [
        json(403, error('forbidden', 'no', {}, { errors: fieldErrors })),
        (e) => assert.ok(e instanceof ForbiddenError && e.code === 'forbidden' && e.errors[0]!.path === '/inn'),
      ],
      [new Response('denied', { status: 403 }), (e) => assert.ok(e instanceof UnauthorizedError && !(e instanceof UnavailableError))],
      [new Response('<html>nope</html>', { status: 404 }), (e) => assert.match((e as Error).message, /baseUrl/)],
    ];
    for (const [res, check] of cases) {
      const { fetch, calls } = script([res]);
      const e = await adapter(fetch)
        .put(card('c-1'))
        .catch((x: unknown) => x);
      check(e);
      assert.equal(calls.length, 1, 'not retried');
    }
  });

  it('maps 429 to RateLimitedError with the Retry-After wait (seconds or a date), never retried inside', async () => {
    const now = Date.now();
    const cases: [Record<string, string>, (ms: number) => boolean][] = [
      [{ 'Retry-After': '7' }, (ms) => ms === 7000],
      [{ 'Retry-After': new Date(now + 30_000).toUTCString() }, (ms) => ms > 25_000 && ms <= 30_000],
      [{}, (ms) => ms === 5000],
      [{ 'Retry-After': 'soon' }, (ms) => ms === 5000],
      [{ 'Retry-After': '99999' }, (ms) => ms === 600_000],
    ];
    for (const [headers, ok] of cases) {
      const { fetch, calls } = script([json(429, error('unavailable', 'Too many requests'), headers)]);
      const e = await adapter(fetch)
        .put(card('c-1'), { expectedRevision: 1 })
        .catch((x: unknown) => x);
      assert.ok(e instanceof RateLimitedError, String(e));
      assert.ok(e instanceof UnavailableError, 'still "try later" for code that knows only UnavailableError');
      assert.equal(e.code, 'rate-limited');
      assert.ok(ok(e.retryAfterMs), `${JSON.stringify(headers)} → ${e.retryAfterMs}`);
      assert.equal(calls.length, 1, 'the adapter does not retry a 429 by itself');
      assert.match(formatStorageMessage(e, 'ru'), /Сервер просит подождать; повторим через \d+ с/);
      assert.match(formatStorageMessage(e, 'en'), /slow down; trying again in \d+ s/);
    }
  });

  it('maps schema 404s to the right NotFoundError message keys', async () => {
    const { fetch } = script([
      json(404, {
        error: { code: 'not-found', messageKey: 'schemaVersionNotFound', message: 'x', params: { schemaId: 'client', version: 3 } },
      }),
    ]);
    const e = await adapter(fetch)
      .getSchema('client', 3)
      .catch((x: unknown) => x);
    assert.ok(e instanceof NotFoundError);
    assert.equal(e.messageKey, 'schemaVersionNotFound');
    assert.equal(e.message, 'Schema "client" has no version 3.');
  });

  it("watch() with live: false reports this instance's writes only (no event stream)", async () => {
    const { fetch } = script([json(201, stored()), json(200, { id: 'c-1', revision: 1 })]);
    const db = adapter(fetch, { live: false });
    const seen: string[] = [];
    db.watch('*', (e) => seen.push(`${e.type}:${e.id}:${e.revision}:${e.remote}`));
    await db.put(card('c-1'));
    await db.delete('c-1');
    assert.deepEqual(seen, ['put:c-1:1:false', 'delete:c-1:1:false']);
  });
});

describe('the event stream refused', () => {
  /** A fetch for the stream only: answers each GET /events with the next of `answers`, recording when. */
  function streamFetch(answers: Response[]): { fetch: typeof fetch; at: number[] } {
    const at: number[] = [];
    const f = (async (_input: RequestInfo | URL, init: RequestInit = {}) => {
      at.push(performance.now());
      const next = answers.shift();
      if (next) return next;
      return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    }) as typeof fetch;
    return { fetch: f, at };
  }

  it('comes back after a 429 no sooner than its Retry-After, and waits long after a 401', async () => {
    const limited = streamFetch([json(429, error('unavailable', 'Too many open event streams'), { 'Retry-After': '1' })]);
    const db = new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api', fetch: limited.fetch, backoff: { baseMs: 1, maxMs: 5 } });
    const off = db.watch('*', () => undefined);
    const deadline = Date.now() + 5000;
    while (limited.at.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    off();
    await db.close();
    assert.equal(limited.at.length, 2, 'reconnected once the wait was over');
    assert.ok(limited.at[1]! - limited.at[0]! >= 950, `waited ${Math.round(limited.at[1]! - limited.at[0]!)} ms, not the 5 ms backoff`);

    // Refused credentials: no retry within the next second and a half (each would count as a failed sign-in).
    const refused = streamFetch([json(401, error('unauthorized', 'bad token'))]);
    const db2 = new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api', fetch: refused.fetch, backoff: { baseMs: 1, maxMs: 5 } });
    const off2 = db2.watch('*', () => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    off2();
    await db2.close();
    assert.equal(refused.at.length, 1);
  });
});

describe('the event-stream reader', () => {
  it('parses messages split across chunks, CRLF, comments and multi-line data', async () => {
    const chunks = [
      ': keep-alive\r\n\r\nevent: ready\ndata: {}\n\nevent: chan',
      'ge\ndata: {"type":"put",',
      '"id":"c-1","revision":2}\n\n',
      'data: line 1\ndata: line 2\n\nevent: change\ndata: tail-without-end',
    ];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    const got: [string, string][] = [];
    await readEventStream(body, (event, data) => got.push([event, data]));
    assert.deepEqual(got, [
      ['ready', '{}'],
      ['change', '{"type":"put","id":"c-1","revision":2}'],
      ['message', 'line 1\nline 2'],
    ]);
  });
});
