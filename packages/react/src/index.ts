/**
 * @kartochka/react — React components for every Kartochka element, generated from the elements'
 * custom-elements manifest with @lit/react: `<KcCard schema={…} value={…} onKcChange={…} ref={…}>`.
 * Props are set as element properties (objects and arrays stay objects), each `kc-*` event is an
 * `on…` prop typed with its event class, and a ref is the element itself. Importing this module
 * defines the elements.
 */
export * from './components.js';
export type { KcCard as KcCardElement } from '@kartochka/elements';
