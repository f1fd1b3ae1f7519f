/**
 * The hand-written baselines: what a careful developer writes without a library. Plain DOM (a
 * fieldset per object, label + native control + error line per field), ajv compiled once with the
 * same options as @kartochka/core, the document validated once at mount and then whole on every
 * `input`, and only the edited field's error line updated.
 *
 * Two orders of work: `compile-first` compiles and validates before building the DOM (the
 * straightforward page); `paint-first` builds and appends the DOM, then compiles and validates in
 * a task after the first frame, and keeps the inputs typed meanwhile to validate them then.
 */
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';
import { installHarness } from './harness.js';

// ajv is CommonJS: normalise the default import the way core does.
const unwrap = (mod) => mod.default ?? mod;
const Ajv2020 = unwrap(Ajv2020Import);
const addFormats = unwrap(addFormatsImport);

let doc;
let validate;
const errorLines = new Map();
let uid = 0;

const last = (p) => p.slice(p.lastIndexOf('/') + 1);

function setAt(root, pointer, value) {
  const keys = pointer.split('/').slice(1);
  let o = root;
  for (const k of keys.slice(0, -1)) o = o[k];
  if (value === undefined) delete o[keys.at(-1)];
  else o[keys.at(-1)] = value;
}

function getAt(root, pointer) {
  let o = root;
  for (const k of pointer.split('/').slice(1)) o = o?.[k];
  return o;
}

/** The message for the field at `pointer` from the last validation ('' when it is valid). */
function errorFor(pointer) {
  const errs = validate.errors ?? [];
  const mine = errs.filter(
    (e) => (e.keyword === 'required' ? `${e.instancePath}/${e.params.missingProperty}` : e.instancePath) === pointer,
  );
  return mine.map((e) => e.message).join(' ');
}

function field(schema, pointer, required) {
  const wrap = document.createElement('div');
  wrap.className = 'field';
  const id = `f${++uid}`;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = (schema.title ?? last(pointer)) + (required ? ' *' : '');
  let control;
  const value = getAt(doc, pointer);
  if (schema.enum) {
    control = document.createElement('select');
    control.add(new Option('Choose…', ''));
    for (const o of schema.enum) control.add(new Option(o, o, false, o === value));
  } else if (schema.type === 'boolean') {
    control = document.createElement('input');
    control.type = 'checkbox';
    control.checked = value === true;
  } else {
    control = document.createElement('input');
    control.type = schema.format === 'email' ? 'email' : schema.format === 'date' ? 'date' : 'text';
    if (schema.type === 'integer' || schema.type === 'number') control.inputMode = schema.type === 'integer' ? 'numeric' : 'decimal';
    if (typeof schema.maxLength === 'number') control.maxLength = schema.maxLength;
    control.value = value === undefined ? '' : String(value);
  }
  control.id = id;
  control.dataset.path = pointer;
  control.dataset.type = schema.type;
  control.required = required;
  control.setAttribute('aria-describedby', `${id}-error`);
  const error = document.createElement('div');
  error.className = 'error';
  error.id = `${id}-error`;
  error.setAttribute('aria-live', 'polite');
  errorLines.set(pointer, error);
  if (schema.type === 'boolean') wrap.append(control, label, error);
  else wrap.append(label, control, error);
  return wrap;
}

function group(schema, pointer, legendText) {
  const fs = document.createElement('fieldset');
  if (legendText) {
    const legend = document.createElement('legend');
    legend.textContent = legendText;
    fs.append(legend);
  }
  if (schema.type === 'array') {
    const list = getAt(doc, pointer) ?? [];
    list.forEach((_, i) => fs.append(node(schema.items, `${pointer}/${i}`, false, `${schema.items.title ?? 'Item'} ${i + 1}`)));
    return fs;
  }
  const required = new Set(schema.required ?? []);
  for (const [k, s] of Object.entries(schema.properties ?? {})) fs.append(node(s, `${pointer}/${k}`, required.has(k), s.title ?? k));
  return fs;
}

function node(schema, pointer, required, title) {
  return schema.type === 'object' || schema.type === 'array' ? group(schema, pointer, title) : field(schema, pointer, required);
}

function parseValue(control) {
  if (control.type === 'checkbox') return control.checked;
  const text = control.value;
  if (text === '') return undefined;
  const t = control.dataset.type;
  if (t === 'integer' || t === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isNaN(n) ? text : n;
  }
  return text;
}

function compile(schema) {
  // core's options for a schema without `x-errorMessage` (this one): no `verbose`.
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: false, validateFormats: true });
  addFormats(ajv);
  validate = ajv.compile(schema);
  // Validate the loaded data once, as kc-card does: both pages then know the form's validity at
  // load, and neither pays ajv's first (lazily compiled) call on the first keystroke.
  validate(doc);
}

/** @param {{paintFirst: boolean}} options */
export function installBaseline({ paintFirst }) {
  let ready = Promise.resolve();
  installHarness({
    mountCard(schema, value) {
      doc = structuredClone(value);
      if (!paintFirst) compile(schema);
      const edited = new Set();
      const form = document.createElement('form');
      form.noValidate = true;
      form.append(group(schema, '', undefined));
      form.addEventListener('input', (e) => {
        const control = e.target;
        const pointer = control.dataset.path;
        setAt(doc, pointer, parseValue(control));
        if (!validate) return void edited.add(pointer); // validated once the validator is ready
        validate(doc);
        errorLines.get(pointer).textContent = errorFor(pointer);
      });
      document.body.append(form);
      if (paintFirst) {
        // After the frame with the fields has been painted (the rAF after it), in a task of its own.
        ready = new Promise((resolve) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() =>
              setTimeout(() => {
                compile(schema);
                for (const p of edited) errorLines.get(p).textContent = errorFor(p);
                resolve();
              }, 0),
            ),
          ),
        );
      }
    },
    settled: () => ready,
    errorElement(pointer) {
      return errorLines.get(pointer) ?? null;
    },
  });
}
