/**
 * The test-only entry of the server CLI: the same `cli.ts`, with the test hooks (`/__test/reset`,
 * `/__test/faults`) mounted behind `KARTOCHKA_TEST_HOOKS_TOKEN`. A normal start cannot mount them:
 * no flag or environment variable of cli.ts does. Used by process.ts; not part of the build.
 */
const token = process.env.KARTOCHKA_TEST_HOOKS_TOKEN;
if (!token) {
  console.error('test-cli: KARTOCHKA_TEST_HOOKS_TOKEN must be set');
  process.exit(1);
}
(globalThis as Record<symbol, unknown>)[Symbol.for('kartochka.server.testHooks')] = token;
await import('../cli.js');
export {};
