/**
 * The import benchmark, in the page: a CSV of N fictional clients as Russian Excel saves it
 * (Windows-1251, `;`) imported into IndexedDB through `<kc-import>` as a person does it (file →
 * columns → dry run → import), with a PerformanceObserver('longtask') watching the whole time: the
 * page must never be frozen for more than 200 ms. The baseline writes the same cards with the same
 * adapter directly (the writes' floor: no parsing, no checking, no job kept).
 */
import '@kartochka/elements/import';
import { IndexedDbAdapter } from '@kartochka/storage';
import { b2bClientCard, templateCardSettings } from '@kartochka/templates';
import { ImportPlanner, cardRecordFields, detectHeader, importFields } from '@kartochka/core';
import { clientRows, cp1251, csv } from '../../packages/elements/src/test-support/import-files.ts';

const t = b2bClientCard;
let n = 0;
const until = (check) =>
  new Promise((resolve) => {
    const tick = () => (check() ? resolve() : setTimeout(tick, 20));
    tick();
  });

window.runImport = async (count) => {
  const storage = await IndexedDbAdapter.open({ name: `bench-import-${Date.now()}-${++n}`, user: 'bench' });
  const validator = await t.loadValidator();
  const el = document.createElement('kc-import');
  Object.assign(el, {
    storage,
    schema: t.schema,
    validator,
    messages: t.messages,
    settings: templateCardSettings(t),
    schemaId: t.id,
    schemaVersion: 1,
    locale: 'ru',
  });
  document.body.append(el);
  await el.updateComplete;
  const file = new File([cp1251(csv(clientRows(count)))], 'bench.csv');
  const long = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push({ at: e.startTime, d: e.duration })));
  observer.observe({ type: 'longtask', buffered: false });
  const t0 = performance.now();
  await el.load(file);
  const t1 = performance.now();
  const parsedIn = el.table?.parsedIn;
  el.shadowRoot.querySelector('button[name=check]').click();
  await until(() => el.shadowRoot.querySelector('button[name=start]'));
  const t2 = performance.now();
  const done = new Promise((r) => el.addEventListener('kc-import', (e) => r(e.detail), { once: true }));
  el.shadowRoot.querySelector('button[name=start]').click();
  const result = await done;
  const t3 = performance.now();
  observer.disconnect();
  el.remove();
  const stored = (await storage.list({ schemaId: t.id, limit: 1 })).total;
  await storage.close();

  // Baseline: the same cards (planned here, untimed) put straight through the same adapter, 50 at a time.
  const direct = await IndexedDbAdapter.open({ name: `bench-import-direct-${Date.now()}-${++n}`, user: 'bench' });
  const settings = templateCardSettings(t);
  const table = clientRows(count);
  const fields = importFields(t.schema, t.messages);
  const planner = new ImportPlanner({ schema: t.schema, validator, fields, mapping: detectHeader(table, fields).mapping });
  const records = table.slice(1).map((r, i) => {
    const { data } = planner.plan(r, i + 2);
    return { id: `d-${i}`, schemaId: t.id, schemaVersion: 1, data, ...cardRecordFields(settings, data) };
  });
  const b0 = performance.now();
  for (let i = 0; i < records.length; i += 50)
    await Promise.all(records.slice(i, i + 50).map((r) => direct.put(r, { expectedRevision: 0 })));
  const b1 = performance.now();
  await direct.close();

  return {
    count,
    parsedIn,
    stored,
    created: result.created,
    readMs: t1 - t0,
    planMs: t2 - t1,
    writeMs: t3 - t2,
    totalMs: t3 - t0,
    directWriteMs: b1 - b0,
    longTasks: long.length,
    maxLongTaskMs: long.length ? Math.max(...long.map((l) => l.d)) : 0,
    over200: long.filter((l) => l.d > 200).length,
    /** Each long task: its phase (read, plan, write) and length, to see where the page was busy. */
    longTaskList: long.map(
      (l) =>
        `${l.at < t1 ? 'read' : l.at < t2 ? 'plan' : 'write'}@${Math.round(l.at - (l.at < t1 ? t0 : l.at < t2 ? t1 : t2))}:${Math.round(l.d)}`,
    ),
  };
};
window.importReady = true;
