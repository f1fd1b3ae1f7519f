/**
 * A tiny assert that runs unchanged in Node and in the browser, so shared suites need neither
 * `node:assert` (no browser) nor chai (heavy in Node). Deep equality compares own enumerable keys
 * only, so a data key named `__proto__` is compared like any other.
 */

export class AssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function deepEqualAt(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return `at "${path}": ${show(a)} !== ${show(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `at "${path}": array vs object`;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k) => !Object.hasOwn(b, k))) {
    return `at "${path}": keys ${show(ka)} vs ${show(kb)}`;
  }
  for (const k of ka) {
    const diff = deepEqualAt((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}/${k}`);
    if (diff) return diff;
  }
  return undefined;
}

/** Declared as an interface because TypeScript only honours `asserts` on explicitly typed names. */
export interface Assert {
  ok(value: unknown, message?: string): asserts value;
  equal<T>(actual: T, expected: T, message?: string): void;
  deepEqual(actual: unknown, expected: unknown, message?: string): void;
  rejects<E extends Error>(promise: Promise<unknown>, type: ErrorClass<E>, message?: string): Promise<E>;
  eventually(condition: () => boolean, message: string, timeoutMs?: number): Promise<void>;
}

/** Any error class, including ones with private constructors (matched with `instanceof`). */
// `Function`, not a constructor type: a class with a private constructor is not `new`-able here.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ErrorClass<E extends Error> = Function & { prototype: E };

export const assert: Assert = {
  ok(value: unknown, message = 'expected a truthy value'): asserts value {
    if (!value) throw new AssertionError(message);
  },
  equal<T>(actual: T, expected: T, message?: string): void {
    if (!Object.is(actual, expected)) {
      throw new AssertionError(message ?? `expected ${show(expected)}, got ${show(actual)}`);
    }
  },
  deepEqual(actual: unknown, expected: unknown, message?: string): void {
    const diff = deepEqualAt(actual, expected, '');
    if (diff) throw new AssertionError(`${message ? message + ': ' : ''}not deep-equal ${diff}`);
  },
  /** Awaits `promise`, expects it to reject with an instance of `type`, and returns the error. */
  async rejects<E extends Error>(promise: Promise<unknown>, type: ErrorClass<E>, message?: string): Promise<E> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof type) return error as E;
      throw new AssertionError(`${message ? message + ': ' : ''}expected ${type.name}, got ${String(error)}`);
    }
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${type.name}, but it resolved`);
  },
  /** Polls `condition` until it holds or `timeoutMs` passes; for events that arrive asynchronously. */
  async eventually(condition: () => boolean, message: string, timeoutMs = 2000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > end) throw new AssertionError(`timed out waiting: ${message}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  },
};
