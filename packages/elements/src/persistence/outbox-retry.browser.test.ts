// When the outbox tries again, against the real server process: after a 429 it waits the server's
// Retry-After (not a tight loop, not the 15 s default), and after a 401 it waits for new
// credentials or the user's next save (a retry with the same refused credentials is pointless).
// Every PUT the adapter sends is counted through its `fetch`. Real Chromium, real IndexedDB.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { JsonSchemaObject } from '@kartochka/core';
import { RateLimitedError, RestAdapter, formatStorageMessage, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import './index.js';
import type { KcCard } from '../card/card.js';
import { startTestServer, type TestServer } from '../test-support/rest-server.js';
import { settle } from '../test-support/helpers.js';

const until = (check: () => unknown, message?: string) => waitUntil(check as () => boolean, message, { timeout: 15000 });
const schema: JsonSchemaObject = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };
let n = 0;
const uniq = (p: string) => `${p}-${Date.now()}-${++n}`;

/** A `fetch` that records when each PUT left and what it got back. */
function countingFetch(): { fetch: typeof fetch; puts: { at: number; status: number }[] } {
  const puts: { at: number; status: number }[] = [];
  const wrapped = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const at = performance.now();
    const res = await fetch(input, init);
    if (init?.method === 'PUT') puts.push({ at, status: res.status });
    return res;
  }) as typeof fetch;
  return { fetch: wrapped, puts };
}

async function card(storage: StorageAdapter, recordId: string, localDbName: string): Promise<KcCard> {
  const el = await fixture<KcCard>(
    html`<kc-card .schema=${schema} .storage=${storage} record-id=${recordId} schema-id="s" .storageOptions=${{ localDbName, draftDelay: 10 }}></kc-card>`,
  );
  await until(() => el.persistence, 'attached');
  await el.persistence!.ready;
  await settle(el);
  return el;
}

describe('outbox retries (real server)', function () {
  this.timeout(60000);
  const servers: TestServer[] = [];
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('a 429 is RateLimitedError; the queued save goes out after Retry-After, once, and not before', async () => {
    // 30 requests a minute: a burst of 30, then one every 2 s (Retry-After: 2).
    const s = await startTestServer({ publish: ['s'], rateLimit: 30 });
    servers.push(s);
    const counted = countingFetch();
    const adapter = new RestAdapter({ baseUrl: s.api, user: 'alice', attempts: 1, live: false, fetch: counted.fetch });
    const el = await card(adapter, 'c-1', uniq('kc-local'));
    // Use up the allowance (the card's load took one already).
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${s.api}/cards?limit=1`);
      if (res.status === 429) break;
    }
    const direct = await adapter.get('c-1').catch((e: unknown) => e);
    expect(direct).to.be.instanceOf(RateLimitedError);
    const limited = direct as RateLimitedError;
    expect(limited.code).to.equal('rate-limited');
    expect(limited.retryAfterMs).to.be.within(1000, 2000);
    expect(formatStorageMessage(limited, 'ru')).to.contain('Сервер просит подождать');
    expect(formatStorageMessage(limited, 'en')).to.contain('slow down');

    el.value = { name: 'Sent after the wait' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('rate-limited');
    expect(el.persistence!.message('ru')).to.match(/Сервер попросил подождать.*через \d с/);
    expect(el.persistence!.queuedCount).to.equal(1);
    const refused = counted.puts.at(-1)!;
    expect(refused.status).to.equal(429);
    // "Back online" during the wait sends nothing early.
    window.dispatchEvent(new Event('online'));
    await until(() => el.persistence!.status === 'flushed', 'sent once the wait is over');
    expect(counted.puts.map((p) => p.status)).to.deep.equal([429, 201], 'one refused PUT, then one that created the card');
    const waited = counted.puts[1]!.at - refused.at;
    expect(waited).to.be.at.least(limited.retryAfterMs - 1200, `retried after ${Math.round(waited)} ms`);
    expect(waited).to.be.below(12000, 'not the 15 s default');
    // Read back (itself rate-limited: asked again until a token is free).
    await until(
      async () => (await adapter.get<{ name: string }>('c-1').catch(() => undefined))?.data.name === 'Sent after the wait',
      'stored',
    );
    expect(el.persistence!.retryScheduled).to.equal(false);
  });

  it("a card of a type the server has not published is refused as a whole, said in the card's language, and not queued", async () => {
    const s = await startTestServer();
    servers.push(s);
    const adapter = new RestAdapter({ baseUrl: s.api, user: 'alice', attempts: 1, live: false });
    const el = await card(adapter, 'c-3', uniq('kc-local'));
    el.locale = 'ru';
    await el.updateComplete;
    el.value = { name: 'Никуда' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('server-rejected');
    expect(el.persistence!.message('ru')).to.equal(
      'Сервер не принял карточку: Тип карточки «s» не опубликован на сервере; администратор должен опубликовать его, прежде чем сохранять такие карточки.',
    );
    expect(el.persistence!.queuedCount).to.equal(0, 'a refusal is not retried');
    expect(await adapter.list()).to.deep.include({ total: 0 });
  });

  it('after a 401 the outbox pauses: nothing is resent until the user saves again or signs in again', async () => {
    const s = await startTestServer({ token: 'good-token', publish: ['s'] });
    servers.push(s);
    const local = uniq('kc-local');
    const counted = countingFetch();
    const expired = new RestAdapter({ baseUrl: s.api, user: 'alice', token: 'expired', attempts: 1, live: false, fetch: counted.fetch });
    const el = await card(expired, 'c-2', local);
    el.value = { name: 'Typed before the token expired' };
    expect(await el.save()).to.equal(false);
    expect(el.persistence!.status).to.equal('unauthorized');
    expect(counted.puts.map((p) => p.status)).to.deep.equal([401]);
    expect(el.persistence!.retryScheduled).to.equal(false, 'no timer while paused');
    // Nothing wakes it: back online, a DOM move, an explicit flush.
    window.dispatchEvent(new Event('online'));
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.persistence!.flushOutbox();
    expect(counted.puts.length).to.equal(1, 'no PUT with the refused credentials');
    expect(el.persistence!.status).to.equal('unauthorized');
    // The user saves again: that is a try (refused again, paused again).
    expect(await el.save()).to.equal(false);
    expect(counted.puts.map((p) => p.status)).to.deep.equal([401, 401]);
    expect(el.persistence!.retryScheduled).to.equal(false);
    // Signed in again (a new adapter with a good credential): the queued save goes out at once.
    const counted2 = countingFetch();
    el.storage = new RestAdapter({ baseUrl: s.api, user: 'alice', token: 'good-token', attempts: 1, live: false, fetch: counted2.fetch });
    await until(() => counted2.puts.some((p) => p.status === 201), 'sent with the new credentials');
    expect(counted.puts.length).to.equal(2, 'the old adapter sent nothing more');
    const stored = await new RestAdapter({ baseUrl: s.api, token: 'good-token', live: false }).get<{ name: string }>('c-2');
    expect(stored.data.name).to.equal('Typed before the token expired');
  });
});
