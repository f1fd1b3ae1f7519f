/** Layout documents: how a card is arranged (sections, groups, columns), apart from its schema. */
export type {
  LocalizedText,
  SectionsMode,
  LayoutRules,
  LayoutField,
  LayoutGroup,
  LayoutItem,
  LayoutSection,
  LayoutDocument,
  LayoutError,
  LayoutValidationResult,
  ResolvedField,
  ResolvedGroup,
  ResolvedItem,
  ResolvedSection,
  ResolvedLayout,
} from './types.js';
export { SECTIONS_MODES } from './types.js';
export { layoutSchema } from './layout-schema.js';
export { validateLayout, templateExists, type ValidateLayoutOptions } from './validate-layout.js';
export { defaultLayout, MAIN_TITLE, OTHER_TITLE } from './default-layout.js';
// resolveLayout: the package root's (registered.ts) finds the layout validator and the rules engine registered.
export { unplaced, type ResolveLayoutOptions } from './resolve-layout.js';
export { layoutMessage, layoutMessages, type LayoutMessages } from './messages.js';
export { localize } from './localize.js';
