/**
 * The card loads the widgets its schema needs. `@kartochka/elements/card` defines the standard
 * ones (text, textarea, number, checkbox, select, group) and registers loaders for the rest
 * (card/lazy-widgets.ts): dates (with the calendar), lists and tables (with the virtualizer), money, percent, rating, radio,
 * multi-select, tags, file, computed and the raw JSON editor are imported the first time a field
 * needs them, so a page whose schemas never use them never downloads them. A custom element renders as soon as its module defines it (the
 * browser upgrades the tag in place), so nothing waits here.
 */
/** Tag → the module that defines it; registered by the card entry (card/lazy-widgets.ts). */
const loaders: Record<string, () => Promise<unknown>> = {};

/**
 * Registers on-demand loaders. Only `@kartochka/elements/card` does: the package root defines
 * every element up front, and a bundler warns about dynamic imports of modules it also imports
 * statically, so the root's graph has none.
 */
export function registerWidgetLoaders(map: Record<string, () => Promise<unknown>>): void {
  Object.assign(loaders, map);
}

/** Tags known to be defined (or being loaded): asked once each, not once per field. */
const seen = new Set<string>();

/**
 * Says which widget's module could not be loaded (`detail`: its tag), so a card that shows one can
 * tell its user instead of leaving the field blank (card.ts). A module-level target: the loader
 * does not know which cards render the tag.
 */
export const widgetLoadFailures = new EventTarget();

/** Starts loading the module that defines `tag` when it is one of ours and not defined yet. */
export function loadWidget(tag: string): void {
  if (seen.has(tag)) return;
  seen.add(tag);
  if (customElements.get(tag)) return;
  const load = loaders[tag];
  if (!load) return; // an app's own widget: the app defines it
  load().catch((e: unknown) => {
    seen.delete(tag); // a later render may try again (a network blip)
    console.error(`kc-card: the widget <${tag}> could not be loaded`, e);
    widgetLoadFailures.dispatchEvent(new CustomEvent('failed', { detail: tag }));
  });
}

/**
 * How to load the module that defines `tag`, for what must be there before a render
 * (card/chunks.ts); undefined when it is defined already, or when no loader is registered (the
 * package root defines every element up front).
 */
export function pendingWidget(tag: string): (() => Promise<unknown>) | undefined {
  return customElements.get(tag) ? undefined : loaders[tag];
}
