/**
 * The card loads the widgets its schema needs. `@kartochka/elements/card` defines the standard
 * ones (text, textarea, number, checkbox, select, group); the rest — lists and tables (with the
 * virtualizer), money, percent, rating, radio, multi-select, tags, file, computed and the raw
 * JSON editor — are imported the first time a field needs them, so a page whose schemas never use
 * them never downloads them. A custom element renders as soon as its module defines it (the
 * browser upgrades the tag in place), so nothing waits here.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'kc-text-field': () => import('../text-field/text-field.js'),
  'kc-email-field': () => import('../text-field/text-field.js'),
  'kc-phone-field': () => import('../text-field/text-field.js'),
  'kc-url-field': () => import('../text-field/text-field.js'),
  'kc-date-field': () => import('../text-field/text-field.js'),
  'kc-time-field': () => import('../text-field/text-field.js'),
  'kc-datetime-field': () => import('../text-field/text-field.js'),
  'kc-textarea': () => import('../textarea/textarea.js'),
  'kc-number-field': () => import('../number-field/number-field.js'),
  'kc-checkbox': () => import('../checkbox/checkbox.js'),
  'kc-switch': () => import('../checkbox/checkbox.js'),
  'kc-select': () => import('../select/select.js'),
  'kc-object-group': () => import('../object-group/object-group.js'),
  'kc-array-field': () => import('../array-field/array-field.js'),
  'kc-table-field': () => import('../array-field/array-field.js'),
  'kc-radio-group': () => import('../radio-group/radio-group.js'),
  'kc-multi-select': () => import('../multi-select/multi-select.js'),
  'kc-tags-field': () => import('../tags-field/tags-field.js'),
  'kc-rating': () => import('../rating/rating.js'),
  'kc-money-field': () => import('../money-field/money-field.js'),
  'kc-percent-field': () => import('../percent-field/percent-field.js'),
  'kc-computed-field': () => import('../computed-field/computed-field.js'),
  'kc-file-field': () => import('../file-field/file-field.js'),
  'kc-json-field': () => import('../json-field/json-field.js'),
};

/** Tags known to be defined (or being loaded): asked once each, not once per field. */
const seen = new Set<string>();

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
  });
}
