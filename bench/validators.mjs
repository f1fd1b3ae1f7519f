/**
 * Diagnostics, not part of `npm run bench`: is an interpreting validator (@cfworker/json-schema,
 * no code generation) a better run-time validator than ajv for schemas that arrive at run time?
 * In Node (V8, as in Chromium), on the bench's generated cards:
 *
 * - first validation of a fresh schema (what a card pays once per run-time schema): ajv through
 *   core's compileSchema (meta-schema check, compile, first call) vs new cfworker Validator + validate;
 * - one whole-document validation after that (what every keystroke pays), median;
 * - do the errors agree (instance paths and keywords) on a document with errors;
 * - min + gzip size of each, as a page would load it.
 *
 *   node --conditions=@kartochka/source --import tsx bench/validators.mjs
 */
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { Validator } from '@cfworker/json-schema';
import { clearValidatorCache, compileSchema, toFieldErrors } from '@kartochka/core';
import { generateCard } from './lib/schema.mjs';
import { median } from './lib/stats.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

function timeMs(fn) {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** The document with errors: every email wrong, every integer a string, the required ones gone. */
function withErrors(card) {
  const doc = structuredClone(card.value);
  const walk = (o, s) => {
    for (const [k, sub] of Object.entries(s.properties ?? {})) {
      if (sub.type === 'object' && o[k]) walk(o[k], sub);
      else if (sub.format === 'email') o[k] = 'not-an-email';
      else if (sub.type === 'integer') o[k] = 'x';
    }
  };
  walk(doc, card.schema);
  return doc;
}

const cfPointer = (loc) => decodeURIComponent(loc.replace(/^#/, ''));

async function gz(code) {
  const dir = here('./bundle/generated');
  const { writeFileSync, mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/v-entry.js`, code);
  const r = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    mode: 'production',
    build: { write: false, minify: true, target: 'es2022', rolldownOptions: { input: `${dir}/v-entry.js` } },
  });
  let g = 0;
  for (const o of (Array.isArray(r) ? r[0] : r).output) if (o.type === 'chunk') g += gzipSync(o.code, { level: 9 }).length;
  return g / 1024;
}

const out = {};
for (const n of [50, 2000]) {
  const card = generateCard(n);
  const bad = withErrors(card);
  const ajvCold = [];
  const cfCold = [];
  let ajvFn;
  let cf;
  for (let i = 0; i < 5; i++) {
    const fresh = structuredClone(card.schema);
    clearValidatorCache(); // a schema seen before would come from the cache
    ajvCold.push(
      timeMs(() => {
        ajvFn = compileSchema(fresh);
        ajvFn(card.value);
      }),
    );
    const fresh2 = structuredClone(card.schema);
    cfCold.push(
      timeMs(() => {
        cf = new Validator(fresh2, '2020-12', false);
        cf.validate(card.value);
      }),
    );
  }
  const ajvHot = [];
  const cfHot = [];
  for (let i = 0; i < 200; i++) {
    ajvHot.push(timeMs(() => ajvFn(bad)));
    cfHot.push(timeMs(() => cf.validate(bad)));
  }
  ajvFn(bad);
  const ajvErrors = toFieldErrors(ajvFn.errors, 'en')
    .map((e) => `${e.path} ${e.keyword}`)
    .sort();
  const cfErrors = cf
    .validate(bad)
    .errors.filter((e) => !['properties', 'allOf', 'items', '$ref', 'prefixItems'].includes(e.keyword))
    .map((e) => `${cfPointer(e.instanceLocation)} ${e.keyword}`)
    .sort();
  const same = JSON.stringify(ajvErrors) === JSON.stringify(cfErrors);
  out[n] = {
    firstValidation: { ajv: median(ajvCold), cfworker: median(cfCold) },
    validate: { ajv: median(ajvHot), cfworker: median(cfHot) },
    errors: { ajv: ajvErrors.length, cfworker: cfErrors.length, samePathsAndKeywords: same },
  };
}
const sizes = {
  ajv: await gz("import Ajv from 'ajv/dist/2020.js'; import addFormats from 'ajv-formats'; globalThis.x = [Ajv, addFormats];"),
  re2js: await gz("import { RE2JS } from 're2js'; globalThis.x = RE2JS;"),
  cfworker: await gz("import { Validator } from '@cfworker/json-schema'; globalThis.x = Validator;"),
};
const f = (x) => x.toFixed(2);
for (const [n, r] of Object.entries(out)) {
  console.log(
    `${n} fields: first validation of a fresh schema: ajv ${f(r.firstValidation.ajv)} ms, cfworker ${f(r.firstValidation.cfworker)} ms; ` +
      `whole-document validation: ajv ${f(r.validate.ajv)} ms, cfworker ${f(r.validate.cfworker)} ms (${f(r.validate.cfworker / r.validate.ajv)}×); ` +
      `errors: ajv ${r.errors.ajv}, cfworker ${r.errors.cfworker}, same paths and keywords: ${r.errors.samePathsAndKeywords}`,
  );
}
console.log(
  `min+gzip: ajv 2020 + ajv-formats ${f(sizes.ajv)} KB (+ re2js ${f(sizes.re2js)} KB for RE2 patterns); @cfworker/json-schema ${f(sizes.cfworker)} KB`,
);
console.log(JSON.stringify({ sizes, ...out }));
