/**
 * @kartochka/builder — `<kc-builder>`, the visual editor admins shape their own client card with,
 * and the builder's store and strings. Importing this module defines the elements. Its UI-free
 * model (immutable operations over `{schema, layout, messages}`, undo/redo, version diffs, impact
 * on stored cards and migrations) is `@kartochka/builder/model`, which loads no element.
 */
export { KcBuilder } from './builder/builder.js';
export { KcBuilderPalette, type PaletteDragData } from './builder/palette.js';
export { KcBuilderCanvas } from './builder/canvas.js';
export { KcBuilderInspector } from './builder/inspector.js';
export { KcBuilderPreview } from './builder/preview.js';
export { KcBuilderJson } from './builder/json-view.js';
export { KcBuilderPublish } from './builder/publish.js';
export { KcPublishEvent, KcBuilderChangeEvent, type KcPublishDetail } from './builder/events.js';
export { BuilderStore } from './builder/store.js';
export { builderStrings, type BuilderStringKey } from './builder/strings.js';
