/**
 * The widgets `@kartochka/elements/card` does not define up front, each imported the first time a
 * field needs it (internal/widget-loaders.ts): a chunk of its own in a bundled app.
 */
import { registerWidgetLoaders } from '../internal/widget-loaders.js';

registerWidgetLoaders({
  'kc-date-field': () => import('../date-field/date-field.js'),
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
  // Values as text (view and blank modes): a card in edit mode never shows one (card/chunks.ts).
  'kc-field-view': () => import('../view/field-view.js'),
});
