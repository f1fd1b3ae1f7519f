/**
 * What this Chromium does with a dynamic import whose file could not be fetched, on the card entry
 * as an app's bundler builds it (scripts/wtr-card-bundle.mjs: `__fail__` makes a file answer 503
 * until switched off; `__requests__` counts the requests for each file). It decides whether a card
 * can offer to try a failed part again (docs/elements.md, "A part that cannot be loaded").
 *
 * The HTML standard now says a failed fetch is not kept in the module map, so a later `import()`
 * fetches again (whatwg/html#10327). Chromium 156 keeps it: the failed import is failed for the
 * page, without a request. A new URL (`?retry`) helps only when the failed file is the one
 * imported; when it is a file that one imports (a shared chunk), the chunk's import of it is
 * fixed in its code, and it stays failed. If these tests fail, Chromium fetches again: a card
 * could then retry its failed parts (core's on-demand slots and loadValidationRuntime already
 * forget a failed load).
 */
import { expect } from '@open-wc/testing';

const BUNDLE = '/__kc_card_bundle__/';
let modulesOf: Record<string, string[]>;

/** The bundle's file that carries `module` (a path ending). */
const fileOf = (module: string) => Object.entries(modulesOf).find(([, modules]) => modules.some((m) => m.endsWith(module)))![0];
const requests = async (file: string) => ((await (await fetch(`${BUNDLE}__requests__`)).json()) as Record<string, number>)[file] ?? 0;
const switchFailure = (module: string, on: boolean) => fetch(`${BUNDLE}__fail__?module=${module}${on ? '' : '&off'}`);
/** Imports `url`: 'loaded', or the error's message. */
const attempt = (url: string) =>
  import(/* @vite-ignore */ url).then(
    () => 'loaded',
    (e: Error) => e.message,
  );

describe('a dynamic import whose file failed to load, imported again (this Chromium)', () => {
  before(async function () {
    this.timeout(120000); // the first request builds the bundle
    modulesOf = ((await import(/* @vite-ignore */ `${BUNDLE}modules.js`)) as { default: Record<string, string[]> }).default;
  });

  it('the same URL stays failed without a request, after the server is back; a new URL loads the file', async () => {
    const module = 'tags-field/tags-field.ts';
    const url = `${BUNDLE}${fileOf(module)}`;
    const before = await requests(fileOf(module)); // the server's count (another run's pages too)
    await switchFailure(module, true);
    try {
      expect(await attempt(url)).to.contain('Failed to fetch dynamically imported module');
      expect(await requests(fileOf(module)), 'the 503').to.equal(before + 1);
    } finally {
      await switchFailure(module, false);
    }
    expect(await (await fetch(url, { cache: 'no-store' })).text(), 'the server is back').to.contain('kc-tags-field');
    const fetchedBefore = await requests(fileOf(module));
    expect(await attempt(url), 'the same URL, imported again').to.contain('Failed to fetch dynamically imported module');
    expect(await requests(fileOf(module)), 'Chromium did not ask again (whatwg/html#10327 would)').to.equal(fetchedBefore);
    expect(await attempt(`${url}?retry=1`), 'a new URL').to.equal('loaded');
    expect(customElements.get('kc-tags-field'), 'defined once, by the retry').to.not.equal(undefined);
  });

  it('when the failed file is one the imported chunk imports, a new URL for the chunk does not help', async () => {
    // group-styles: a chunk of its own that only on-demand widgets (radio, multi-select…) import.
    const shared = 'internal/group-styles.ts';
    const url = `${BUNDLE}${fileOf('radio-group/radio-group.ts')}`;
    const before = await requests(fileOf(shared));
    await switchFailure(shared, true);
    try {
      expect(await attempt(url)).to.contain('Failed to fetch dynamically imported module');
      expect(await requests(fileOf(shared)), 'the 503').to.equal(before + 1);
    } finally {
      await switchFailure(shared, false);
    }
    expect(await attempt(url), 'the same URL').to.contain('Failed to fetch dynamically imported module');
    expect(await attempt(`${url}?retry=1`), 'a new URL for the chunk').to.contain('Failed to fetch dynamically imported module');
    expect(await requests(fileOf(shared)), 'the shared chunk is never asked for again').to.equal(before + 1);
    expect(customElements.get('kc-radio-group')).to.equal(undefined);
  });
});
