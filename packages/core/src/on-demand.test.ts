import { test } from 'node:test';
import assert from 'node:assert/strict';
import { onDemand } from './on-demand.js';

test('onDemand: loads once, the first registration wins, onRegister runs once with the winner', async () => {
  let imports = 0;
  const registered: string[] = [];
  const slot = onDemand(
    async () => {
      imports++;
      return 'loaded';
    },
    (p) => registered.push(p),
  );
  assert.equal(slot.get(), undefined);
  const [a, b] = await Promise.all([slot.load(), slot.load()]);
  assert.deepEqual([a, b, imports], ['loaded', 'loaded', 1]);
  slot.register('other');
  assert.equal(slot.get(), 'loaded');
  assert.deepEqual(registered, ['loaded']);
});

test('onDemand: a part registered before load() is not imported', async () => {
  let imports = 0;
  const slot = onDemand(async () => {
    imports++;
    return 1;
  });
  slot.register(2);
  assert.equal(await slot.load(), 2);
  assert.equal(imports, 0);
});

test('onDemand: a failed load rejects, and the next load() tries again', async () => {
  let attempt = 0;
  const slot = onDemand(async () => {
    if (++attempt === 1) throw new Error('offline');
    return 'part';
  });
  await assert.rejects(slot.load(), /offline/);
  assert.equal(slot.get(), undefined);
  assert.equal(await slot.load(), 'part');
  assert.equal(attempt, 2);
});
