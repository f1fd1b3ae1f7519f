/**
 * @kartochka/templates — ready cards, each `{schema, layout, messages: {ru, en}, sample}`:
 * the B2B client card of the seed and a beauty-salon client card.
 */
export type {
  CardTemplate,
  LocalizedText,
  TemplateLayout,
  TemplateLayoutGroup,
  TemplateLayoutItem,
  TemplateLayoutSection,
  TemplateListing,
} from './types.js';
export { b2bClientCard, loyaltyScale } from './b2b/index.js';
export { beautySalonCard } from './salon/index.js';
export { templates, templateById } from './templates.js';
export { recordFields, startFrom, templateCardSettings } from './records.js';
export type { B2BClientCard } from './generated/b2b-client-card.js';
export type * as B2BClientCardTypes from './generated/b2b-client-card.js';
export type { BeautySalonCard } from './generated/beauty-salon-card.js';
export type * as BeautySalonCardTypes from './generated/beauty-salon-card.js';
