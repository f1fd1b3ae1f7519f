/**
 * The setup every builder browser test repeated: a `<kc-builder>` in the page with a fresh store,
 * a record of page errors that fails the test, and small finders. `useBuilder()` registers the
 * mocha hooks (once per `describe`, or per test with `each`) and hands back a fixture whose
 * getters read the current builder.
 */
import './process-shim.js';
import { expect } from '@open-wc/testing';
import 'axe-core';
import type { AxeResults, RunOptions } from 'axe-core';
import { IndexedDbAdapter, MemoryAdapter, type StorageAdapter } from '@kartochka/storage';
import '../index.js';
import type { KcBuilder } from '../index.js';
import { settle } from './interact.js';

export interface BuilderOptions {
  /** The builder's UI language (default `ru`). */
  readonly locale?: string;
  /** `'indexeddb'` (default: a new database per mount) or `'memory'`. */
  readonly storage?: 'indexeddb' | 'memory';
  /** Default: a name unique to the mount. */
  readonly schemaId?: string;
  /** The builder's CSS width (its columns follow its own width; below 1000 px they stack). */
  readonly width?: string;
  /** Whether `settle` waits for the preview card too (default false: most tests don't look at it). */
  readonly preview?: boolean;
  /** Also count `console.error` as a page error. */
  readonly consoleErrors?: boolean;
  /** A fresh builder for each test (`beforeEach`), not one for the whole `describe`. */
  readonly each?: boolean;
}

export interface BuilderFixture {
  readonly el: KcBuilder;
  readonly storage: StorageAdapter;
  /** Page errors (and, with `consoleErrors`, console errors) since the builder was mounted. */
  readonly errors: string[];
  /** The element for `selector` inside the builder; throws (naming it) when there is none. */
  $<T extends Element = HTMLElement>(selector: string): T;
  /** Waits until the builder and its parts have rendered (see `settle`). */
  settle(): Promise<void>;
  /** Clicks the palette's button for `what` (a field type, `section` or `group`) and settles. */
  palette(what: string): Promise<void>;
}

let mounts = 0;

export function useBuilder(options: BuilderOptions = {}): BuilderFixture {
  const { locale = 'ru', storage: kind = 'indexeddb', preview = false, each = false } = options;
  let el: KcBuilder | undefined;
  let storage: StorageAdapter | undefined;
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(String(e.reason));
  const consoleError = console.error;

  const fixture: BuilderFixture = {
    get el() {
      if (!el) throw new Error('useBuilder: no builder outside a test');
      return el;
    },
    get storage() {
      if (!storage) throw new Error('useBuilder: no storage outside a test');
      return storage;
    },
    errors,
    $<T extends Element = HTMLElement>(selector: string): T {
      const found = fixture.el.querySelector<T>(selector);
      if (!found) throw new Error(`Not found in the builder: ${selector}`);
      return found;
    },
    settle: () => settle(fixture.el, { preview }),
    async palette(what: string) {
      fixture.$<HTMLButtonElement>(`kc-builder-palette button[data-what="${what}"]`).click();
      await fixture.settle();
    },
  };

  const mount = async () => {
    errors.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    if (options.consoleErrors) {
      console.error = (...args: unknown[]) => {
        errors.push(args.map(String).join(' '));
        consoleError(...args);
      };
    }
    const n = ++mounts;
    storage =
      kind === 'memory'
        ? new MemoryAdapter()
        : await IndexedDbAdapter.open({ name: `kc-builder-test-${Date.now()}-${n}-${Math.random()}` });
    el = document.createElement('kc-builder') as KcBuilder;
    el.locale = locale;
    el.storage = storage;
    el.schemaId = options.schemaId ?? `builder-test-${n}`;
    if (options.width) el.style.width = options.width;
    document.body.append(el);
    await fixture.settle();
  };
  const unmount = async () => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.error = consoleError;
    el?.remove();
    await storage?.close();
    el = undefined;
    storage = undefined;
    expect(errors, 'no page errors').to.deep.equal([]);
  };
  if (each) {
    beforeEach(mount);
    afterEach(unmount);
  } else {
    before(mount);
    after(unmount);
  }
  return fixture;
}

const axe = (window as unknown as { axe: { run(ctx: Element, opts: RunOptions): Promise<AxeResults> } }).axe;

/** axe-core's violations inside `el`, one line each (rule: first nodes). */
export async function violations(el: Element): Promise<string[]> {
  const r = await axe.run(el, { resultTypes: ['violations'] });
  return r.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}
