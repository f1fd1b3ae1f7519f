/**
 * @kartochka/vue — Vue 3 support for Kartochka's elements:
 * - `isKartochkaElement`, for the template compiler's `isCustomElement` option, so Vue leaves every
 *   `kc-*` tag to the browser and binds `:schema`, `:value` as DOM properties;
 * - typed `GlobalComponents` for every tag (generated from the elements' manifest), so vue-tsc and
 *   Volar check `<kc-card :schema :locale @kc-change>` in templates;
 * - `v-model` works on `<kc-card>` and every widget: Vue binds `value` and listens to the `input`
 *   events the card lets out of its shadow root (docs/frameworks.md).
 */
import './components.js';

/** `true` for Kartochka's tags: `app.config.compilerOptions.isCustomElement = isKartochkaElement`. */
export function isKartochkaElement(tag: string): boolean {
  return tag.startsWith('kc-');
}
