// The event stream over the shared change log, in process: order, slow consumers, slots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChangeFeed } from './change-feed.js';
import { StreamSlots, eventStream } from './event-stream.js';

const decoder = new TextDecoder();
const text = async (reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> => decoder.decode((await reader.read()).value);

describe('eventStream', () => {
  it('sends ready, then each change of its tenant in order, and releases its slot when cancelled', async () => {
    const feed = new ChangeFeed(8);
    let released = 0;
    const reader = eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => released++ }).getReader();
    assert.match(await text(reader), /^event: ready\n/);
    const next = text(reader);
    feed.publish({ type: 'put', tenant: 't', id: 'a', revision: 1 });
    feed.publish({ type: 'put', tenant: 'other', id: 'z', revision: 9 });
    feed.publish({ type: 'delete', tenant: 't', id: 'b', revision: 2 });
    let got = await next;
    while (!got.includes('"b"')) got += await text(reader);
    assert.deepEqual(
      [...got.matchAll(/"id":"(\w)"/g)].map((m) => m[1]),
      ['a', 'b'],
      "only its own tenant's changes",
    );
    assert.doesNotMatch(got, /tenant/);
    await reader.cancel();
    assert.equal(released, 1);
  });

  it('ends open streams when the feed lost changes (shared bus reconnected); a new stream starts afresh', async () => {
    const feed = new ChangeFeed(8);
    const reader = eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => {} }).getReader();
    await text(reader);
    const pending = reader.read().catch((e: Error) => e);
    feed.lost();
    const outcome = await pending;
    assert.ok(outcome instanceof Error && /missed changes/.test(outcome.message), 'the client must reconnect and re-read');
    const fresh = eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => {} }).getReader();
    await text(fresh);
    const next = text(fresh);
    feed.publish({ type: 'put', tenant: 't', id: 'a', revision: 1 });
    assert.match(await next, /"id":"a"/);
    await fresh.cancel();
  });

  it('drops a consumer that stopped reading once it has missed changes; the log stays bounded', async () => {
    const feed = new ChangeFeed(8);
    let released = false;
    const reader = eventStream({ feed, tenant: 't', keepAliveMs: 100, release: () => (released = true) }).getReader();
    await text(reader);
    // The reader stops reading; a burst longer than the log goes by.
    for (let i = 1; i <= 50; i++) feed.publish({ type: 'put', tenant: 't', id: `c${i}`, revision: i });
    assert.equal(feed.since(0).missed, true, 'only the last 8 notices are kept');
    const outcome = await (async () => {
      for (;;) {
        const r = await reader.read().catch((e: Error) => e);
        if (r instanceof Error || r.done) return r;
      }
    })();
    assert.ok(outcome instanceof Error && /reads too slowly|missed changes/.test(outcome.message), String(outcome));
    assert.equal(released, true);
  });

  it('with 1,000 idle streams the log stays at its capacity: a publish appends once, not once per stream', async () => {
    const feed = new ChangeFeed(4);
    const readers = Array.from({ length: 1000 }, () =>
      eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => {} }).getReader(),
    );
    for (const r of readers) await r.read();
    for (let i = 0; i < 100; i++) feed.publish({ type: 'put', tenant: 't', id: 'x', revision: i });
    // The log holds 4 notices whatever the number of streams; streams that did not pull hold none.
    const since = feed.since(feed.head - 4);
    assert.equal(since.missed, false);
    assert.equal(since.missed === false && since.notices.length, 4);
    await Promise.all(readers.map((r) => r.cancel()));
  });
});

describe('StreamSlots', () => {
  it('caps streams per identity and in total, and gives slots back once', () => {
    const slots = new StreamSlots(3, 2);
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    assert.equal(slots.take('a'), 'key');
    const b1 = slots.take('b');
    assert.equal(slots.take('c'), 'total');
    assert.ok(typeof a1 === 'function' && typeof a2 === 'function' && typeof b1 === 'function');
    a1();
    a1();
    assert.equal(slots.open, 2);
    assert.equal(typeof slots.take('a'), 'function');
  });
});

describe('eventStream when the feed closes', () => {
  it('ends a stream opened after the close at once, without spinning', async () => {
    const feed = new ChangeFeed(8);
    feed.close();
    let released = 0;
    const reader = eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => released++ }).getReader();
    // Before the fix this read never settled: the pull loop awaited the closed feed's resolved
    // promise again and again, starving the event loop (and a server could not shut down).
    assert.equal((await reader.read()).done, true);
    assert.equal(released, 1);
  });

  it('ends a waiting stream when the feed closes', async () => {
    const feed = new ChangeFeed(8);
    const reader = eventStream({ feed, tenant: 't', keepAliveMs: 60_000, release: () => {} }).getReader();
    await reader.read();
    const pending = reader.read();
    feed.close();
    assert.equal((await pending).done, true);
  });
});
