/**
 * `@kartochka/elements/testing`: the widget conformance suite every built-in widget passes, for
 * an app's own widgets (docs/widgets.md), and the helpers it drives cards with. It registers mocha
 * tests and asserts with `@open-wc/testing` (a peer dependency of this entry only): run it in a
 * browser test runner such as @web/test-runner.
 */
export {
  runWidgetConformance,
  drivers,
  pressKey,
  typeText,
  type ConformanceOptions,
  type DriverContext,
  type WidgetDriver,
} from './widget-conformance.js';
export { allFields, controlOf, fieldAt, mount, settle, typeInto, unmountAll } from './helpers.js';
