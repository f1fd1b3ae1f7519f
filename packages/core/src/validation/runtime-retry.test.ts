// A failed load of the run-time compiler or of the RE2 engine is not kept: the next
// loadValidationRuntime() imports again, and a FormController whose compiler could not be fetched
// validates once a later attempt brings it. A module hook makes the imports fail while `offline`
// (as a dropped connection would); Node, like the HTML standard (whatwg/html#10327), keeps no
// failed fetch, so the next import reaches the hook again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
// Runs on the hooks' thread: reads the switch (the messages sent so far) at each resolution.
const hooks = `
import { receiveMessageOnPort } from 'node:worker_threads';
let port, offline = new Set();
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  for (let m; (m = receiveMessageOnPort(port)); ) offline = new Set(m.message);
  if (offline.has(specifier) && /validation\\/runtime\\.ts$/.test(context.parentURL ?? ''))
    throw new Error('offline: ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { port: port2 }, transferList: [port2] });
/** The imports of runtime.ts that fail from now on. */
const offline = (...specifiers: string[]) => port1.postMessage(specifiers);

const { loadValidationRuntime, validationRuntime } = await import('./runtime.js');
const { FormController } = await import('../form/controller.js');

const withPattern = { type: 'object', properties: { code: { type: 'string', pattern: '^[A-Z]{2}$' } } } as const;

test('a failed load of the compiler is forgotten: the next call loads it', async () => {
  offline('./compiler.js');
  await assert.rejects(loadValidationRuntime(), /offline: \.\/compiler\.js/);
  await assert.rejects(loadValidationRuntime(), /offline/, 'still offline: fails again (imported again, not a kept promise)');
  assert.equal(validationRuntime(), undefined);
  offline();
  const runtime = await loadValidationRuntime();
  assert.equal(validationRuntime(), runtime);
  assert.equal(runtime.validate({ type: 'string' }, 1).valid, false);
});

test('a form whose RE2 engine could not be loaded validates once a later validate() loads it', { timeout: 10000 }, async () => {
  offline('./regexp.js');
  const logged: unknown[] = [];
  let reported!: () => void;
  const report = new Promise<void>((resolve) => (reported = resolve));
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    logged.push(args[0]);
    reported();
  };
  try {
    const form = new FormController(withPattern, { value: { code: 'abc' } });
    const failures: unknown[] = [];
    form.onValidatorFailed((e) => failures.push(e));
    await report;
    assert.match(String(failures[0]), /offline: \.\/regexp\.js/, 'onValidatorFailed was told');
    assert.match(String(logged[0]), /the validator could not be loaded/);
    assert.equal(form.validationPending, true, 'no validator: nothing is claimed valid');
    await assert.rejects(loadValidationRuntime(withPattern), /offline: \.\/regexp\.js/, 'still offline: imported again, and fails');
    offline();
    assert.equal(form.validate().valid, false, 'pending while it loads');
    await form.validatorReady;
    assert.deepEqual(
      form.allErrors().map((e) => e.path),
      ['/code'],
    );
    assert.notEqual(validationRuntime(withPattern), undefined);
  } finally {
    console.error = consoleError;
  }
});
