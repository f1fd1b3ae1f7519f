/**
 * Run by ../model/validator-memory.test.ts in a child process started with `--expose-gc`: 1,000
 * builder edits, each compiled as the preview would (no debounce: the worst case), and 500
 * published versions validated as the server does (each parsed from JSON, so a new object every
 * time). Prints the heap growth after a full gc and the cache's counters as one JSON line.
 *
 * The test starts it with `--no-compilation-cache`: V8 keeps the source of every `new Function`
 * (ajv's generated code) in its compilation cache until it ages out, which forced gcs in a tight
 * loop never let happen; that is V8's, bounded by V8, and would hide what our code keeps.
 */
import * as core from '@kartochka/core';
import { compileSchema, validate, type JsonSchemaObject } from '@kartochka/core';
import {
  addField,
  addSection,
  blankDocument,
  commit,
  createHistory,
  setConstraint,
  setTitle,
  type BuilderDocument,
  type NodeRef,
} from '../model/index.js';

// A namespace read, so that this script also runs against a core without the cache (to compare).
const stats = (): { size: number; hits: number; compiles: number } =>
  (core as { validatorCacheStats?: () => { size: number; hits: number; compiles: number } }).validatorCacheStats?.() ?? {
    size: -1,
    hits: 0,
    compiles: 0,
  };

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');
const heapMB = (): number => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

// A card of 3 sections with 6 fields each.
let doc: BuilderDocument = blankDocument();
const fields: NodeRef[] = [];
const TYPES = ['text', 'email', 'integer', 'date', 'select', 'number'] as const;
for (let s = 0; s < 3; s++) {
  const sec = addSection(doc);
  doc = sec.doc;
  for (const type of TYPES) {
    const f = addField(doc, type, { container: sec.ref });
    doc = f.doc;
    fields.push(f.ref);
  }
}
let history = createHistory(doc);

const edit = (i: number): void => {
  const ref = fields[i % fields.length];
  const next = i % 2 ? setTitle(history.present, ref, 'ru', `Поле ${i}`) : setConstraint(history.present, ref.id, 'maxLength', 100 + i);
  history = commit(history, next);
  compileSchema(history.present.schema);
};
const publish = (v: number): void => {
  // The server stores a version's schema as JSON and reads it back for every write.
  const text = JSON.stringify({ ...history.present.schema, 'x-kc-version': v });
  validate(JSON.parse(text) as JsonSchemaObject, {}, 'ru');
  validate(JSON.parse(text) as JsonSchemaObject, { x: 1 }, 'ru');
};

// Warm up: ajv's meta-schemas, formats, the builder's caches.
for (let i = 0; i < 40; i++) edit(i);
for (let v = 0; v < 20; v++) publish(v);
const start = heapMB();
const before = stats();
for (let i = 40; i < 1040; i++) edit(i);
for (let v = 20; v < 520; v++) publish(v);
const end = heapMB();
const after = stats();
console.log(
  JSON.stringify({ growthMB: end - start, size: after.size, compiles: after.compiles - before.compiles, hits: after.hits - before.hits }),
);
