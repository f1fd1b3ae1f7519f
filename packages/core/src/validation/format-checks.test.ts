// format-checks.ts ships copies of ajv-formats' function formats as ES modules of their own, so a
// precompiled validator imports only what its schema uses. Each copy must answer exactly as
// ajv-formats does: checked here against ajv-formats' own definitions on the same inputs, and a
// precompiled validator that uses every format against the run-time compiler (which uses
// ajv-formats itself).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import formatsModule from 'ajv-formats/dist/formats.js';
import * as checks from './formats.js';
import { KARTOCHKA_FORMATS } from './kartochka-formats.js';
import { compileSchema, type PrecompiledValidator } from './validator.js';
import { formatExportName, precompileValidator } from './precompile.js';

type Def =
  | RegExp
  | boolean
  | ((v: unknown) => boolean)
  | { validate: RegExp | ((v: unknown) => boolean); compare?: (a: string, b: string) => number | undefined; type?: string };
const full = ((formatsModule as unknown as { fullFormats?: Record<string, Def> }).fullFormats ??
  (formatsModule as unknown as { default: { fullFormats: Record<string, Def> } }).default.fullFormats) as Record<string, Def>;
const exported = checks as unknown as Record<string, Def>;

// Strings each format accepts and rejects, edge cases included (leap days and seconds, time
// zones, IPv6 hosts, padding, escapes), plus everything the other formats would accept.
const STRINGS = [
  '',
  ' ',
  'abc',
  '2024-02-29',
  '2023-02-29',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2026-04-30',
  '1900-02-29',
  '2000-02-29',
  '20-01-01',
  '23:59:59Z',
  '23:59:60Z',
  '23:59:60+00:00',
  '22:59:60-01:00',
  '00:59:60+01:00',
  '12:00:00',
  '12:00:00.123+03:00',
  '12:00:00+0300',
  '24:00:00Z',
  '12:60:00Z',
  '12:00:00+24:00',
  '12:00:00+03:60',
  '2026-07-01T12:00:00Z',
  '2026-07-01t12:00:00z',
  '2026-07-01 12:00:00Z',
  '2026-07-01T12:00:00',
  '2026-07-01T25:00:00Z',
  '2026-07-01T12:00:00+03:00',
  '2026-07-01T12:00:00Z extra',
  'https://example.com/path?q=1#frag',
  'http://[::1]:8080/',
  'http://[v1.fe]/',
  'mailto:someone@example.com',
  'urn:isbn:0451450523',
  '//example.com',
  '/relative/path',
  'http://exa mple.com',
  'http://example.com/%zz',
  'a:b',
  '^[a-z]+$',
  '(unclosed',
  'a\\Z',
  '\\Z',
  '[\\d-x]',
  'SGVsbG8=',
  'SGVsbG8h',
  'SGVsbG',
  'SGVsbG8==',
  'SGVs\nbG8h',
  '7707083893',
  '7707083894',
  '500100732259',
  '1027700132195',
  '044525225',
  '40702810400000000001',
];
const NUMBERS = [0, 1, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, Number.MAX_VALUE, NaN, Infinity];

const validateOf = (d: Def): ((v: unknown) => boolean) | undefined => {
  const v = typeof d === 'object' && !(d instanceof RegExp) ? d.validate : d;
  if (v instanceof RegExp) return (x) => v.test(String(x));
  return typeof v === 'function' ? v : undefined;
};

test('every ajv-formats format that a precompiled validator imports is exported, under its export name', () => {
  for (const [name, def] of Object.entries({ ...full, ...KARTOCHKA_FORMATS })) {
    // RegExps ajv writes into the validator; `true` (password, binary) checks nothing.
    if (def instanceof RegExp || def === true) continue;
    assert.ok(formatExportName(name) in exported, `${name} is exported as ${formatExportName(name)}`);
  }
});

test('each exported ajv-formats check answers as ajv-formats does, compare included', () => {
  let compared = 0;
  for (const [name, ours] of Object.entries(exported)) {
    const theirs = Object.entries(full).find(([n]) => formatExportName(n) === name)?.[1];
    if (theirs === undefined) continue; // one of Kartochka's own (below)
    const a = validateOf(ours)!;
    const b = validateOf(theirs)!;
    assert.equal(typeof ours, typeof theirs, name);
    if (typeof theirs === 'object' && !(theirs instanceof RegExp)) {
      assert.equal((ours as { type?: string }).type, theirs.type, `${name}: type`);
      assert.equal(typeof (ours as { compare?: unknown }).compare, typeof theirs.compare, `${name}: compare`);
    }
    const inputs: unknown[] = (ours as { type?: string }).type === 'number' ? NUMBERS : STRINGS;
    for (const x of inputs) assert.equal(a(x), b(x), `${name}(${JSON.stringify(x)})`);
    // Twice in a row: `byte` has a global RegExp whose lastIndex must not carry over.
    for (const x of inputs) assert.equal(a(x), b(x), `${name}(${JSON.stringify(x)}), again`);
    const cmpOurs = (ours as { compare?: (x: string, y: string) => number | undefined }).compare;
    const cmpTheirs = typeof theirs === 'object' && !(theirs instanceof RegExp) ? theirs.compare : undefined;
    if (cmpOurs && cmpTheirs) {
      for (const x of STRINGS) for (const y of STRINGS) assert.equal(cmpOurs(x, y), cmpTheirs(x, y), `${name}.compare(${x}, ${y})`);
      compared++;
    }
    compared++;
  }
  // date, time, date-time, iso-time, iso-date-time (each with compare), uri, regex, byte, int32, int64, float, double
  assert.equal(compared, 17);
});

test("Kartochka's own function formats are the ones the run-time compiler registers", () => {
  for (const [name, def] of Object.entries(KARTOCHKA_FORMATS)) {
    if (def instanceof RegExp) continue;
    const ours = exported[formatExportName(name)] as (v: string) => boolean;
    for (const x of STRINGS) assert.equal(ours(x), def(x), `${name}(${x})`);
  }
});

test('a precompiled validator with every format imports each by name and validates as the run-time compiler', async () => {
  const names = Object.keys({ ...full, ...KARTOCHKA_FORMATS });
  const schema = {
    type: 'object',
    properties: Object.fromEntries(
      names.map((n) => [n, { type: ['int32', 'int64', 'float', 'double'].includes(n) ? 'number' : 'string', format: n }]),
    ),
  };
  const source = precompileValidator(schema);
  assert.doesNotMatch(source, /import \* as \S+ from "@kartochka\/core\/formats"/, 'no import of the whole formats module');
  const dir = path.join(fileURLToPath(new URL('../../../../', import.meta.url)), 'node_modules/.cache/kartochka-precompile-test');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'every-format.mjs'), source);
  const precompiled = (await import(pathToFileURL(path.join(dir, 'every-format.mjs')).href)).default as PrecompiledValidator;
  const runtime = compileSchema(schema);
  for (const x of [...STRINGS, ...NUMBERS]) {
    const doc = Object.fromEntries(names.map((n) => [n, x]));
    assert.equal(precompiled(doc), runtime(doc));
    assert.deepEqual(precompiled.errors, runtime.errors, JSON.stringify(x));
  }
});
