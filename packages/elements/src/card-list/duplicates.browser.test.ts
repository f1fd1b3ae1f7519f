// <kc-duplicates> in Chromium on real IndexedDB: cards stored before x-unique (no keys) that share
// an INN are grouped; the merge takes the picked values into the kept card (a history entry) and
// deletes the other; a merge that would be invalid deletes nothing.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { IndexedDbAdapter } from '@kartochka/storage';
import '../index.js';
import type { KcDuplicates } from './duplicates.js';

const schema = {
  type: 'object',
  'x-card': { title: '{/name}', columns: [], filters: [], summary: [] },
  properties: {
    name: { type: 'string', title: 'Name' },
    inn: { type: 'string', title: 'INN', 'x-unique': true },
    phone: { type: 'string', title: 'Phone', pattern: '^[+0-9 ()-]*$' },
  },
};

describe('<kc-duplicates>', function () {
  this.timeout(30_000);

  it('groups cards sharing a unique key and merges them field by field', async () => {
    const storage = await IndexedDbAdapter.open({ name: `kc-dups-${Date.now()}`, user: 'anna' });
    const put = (id: string, data: Record<string, string>) =>
      storage.put({ id, schemaId: 'client', schemaVersion: 1, title: data.name!, indexed: {}, data });
    await put('a', { name: 'ООО Ромашка', inn: '7701234567' });
    await put('b', { name: 'Ромашка ООО', inn: ' 7701234567 ', phone: '+7 916 123 45 67' });
    await put('c', { name: 'Другая', inn: '7707083893' });
    const el = await fixture<KcDuplicates>(
      html`<kc-duplicates .storage=${storage} schema-id="client" .schema=${schema} locale="ru"></kc-duplicates>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part=group]').length === 1, 'one group', { timeout: 10000 });
    const group = el.shadowRoot!.querySelector<HTMLElement>('[part=group]')!;
    expect(group.dataset.key).to.equal('/inn=["7701234567"]');
    expect(group.textContent).to.contain('Совпадает INN: 7701234567');
    group.querySelector<HTMLButtonElement>('button[name=compare]')!.click();
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=merge] tbody tr')].map((r) => r.dataset.path);
    expect(rows).to.include.members(['/name', '/inn', '/phone']);
    el.shadowRoot!.querySelector<HTMLInputElement>('tr[data-path="/phone"] input[value=other]')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[name=merge]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part=notice]')!.textContent!.includes('объединена'), 'merged', { timeout: 10000 });
    const kept = await storage.get<Record<string, string>>('a');
    expect(kept.data).to.deep.equal({ name: 'ООО Ромашка', inn: '7701234567', phone: '+7 916 123 45 67' });
    expect((await storage.history('a')).at(-1)!.changedPaths).to.deep.equal(['/phone']);
    expect((await storage.history('a')).at(-1)!.author).to.equal('anna');
    expect((await storage.list({ schemaId: 'client' })).items.map((r) => r.id).sort()).to.deep.equal(['a', 'c']);
    // The merged-away card's history is kept (offline too), closed by a tombstone naming who merged.
    const mergedAway = await storage.history('b');
    expect(mergedAway.map((r) => [r.revision, r.deleted ?? false, r.author])).to.deep.equal([
      [1, false, undefined],
      [2, true, 'anna'],
    ]);
    // The kept card now holds the key: a new duplicate is refused by the store.
    expect((await storage.findUnique('client', ['/inn=["7701234567"]'])).map((m) => m.id)).to.deep.equal(['a']);
    expect(el.shadowRoot!.querySelectorAll('[part=group]').length).to.equal(0);
    await storage.close();
  });

  it('a merge that would be invalid deletes nothing', async () => {
    const storage = await IndexedDbAdapter.open({ name: `kc-dups-bad-${Date.now()}` });
    const put = (id: string, data: Record<string, string>) =>
      storage.put({ id, schemaId: 'client', schemaVersion: 1, title: data.name!, indexed: {}, data });
    const a = await put('a', { name: 'Ромашка', inn: '7701234567' });
    const b = await put('b', { name: 'Ромашка', inn: '7701234567', phone: 'not a phone' });
    const el = await fixture<KcDuplicates>(html`<kc-duplicates .storage=${storage} schema-id="client" .schema=${schema}></kc-duplicates>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part=group]').length === 1, 'one group', { timeout: 10000 });
    expect(await el.merge(a, b, { '/phone': 'other' })).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part=notice]')!.textContent).to.contain('Not merged');
    expect((await storage.list({ schemaId: 'client' })).total).to.equal(2);
    await storage.close();
  });
});
