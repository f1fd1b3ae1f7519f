/**
 * Test-only fault injection, mounted only when the server runs with `testHooks` (only the
 * test-only entry, test-support/test-cli.ts, sets it; the hooks then need their token).
 * `/__test/reset` wipes the data.
 *
 * `POST /__test/faults` with `{fail, failStatus, delay, delayMs, delayPhase, writesOnly}`:
 * the next `fail` API requests answer `failStatus` (default 500); the next `delay` API requests
 * (writes only when `writesOnly`) wait `delayMs` before the handler runs (`delayPhase: 'before'`)
 * or after it ran but before the answer is sent (`'after'`: the write is committed, the reply late).
 */
import type { MiddlewareHandler } from 'hono';

export interface FaultState {
  fail: number;
  failStatus: number;
  delay: number;
  delayMs: number;
  delayPhase: 'before' | 'after';
  writesOnly: boolean;
}

export const noFaults = (): FaultState => ({ fail: 0, failStatus: 500, delay: 0, delayMs: 0, delayPhase: 'before', writesOnly: false });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function faultMiddleware(state: FaultState): MiddlewareHandler {
  return async (c, next) => {
    if (state.fail > 0) {
      state.fail--;
      return c.json({ error: { code: 'unavailable', message: 'Injected fault (test hooks).', params: {} } }, state.failStatus as 500);
    }
    const write = c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS';
    if (state.delay > 0 && (write || !state.writesOnly)) {
      state.delay--;
      if (state.delayPhase === 'before') {
        await sleep(state.delayMs);
        await next();
      } else {
        await next();
        await sleep(state.delayMs);
      }
      return;
    }
    await next();
  };
}
