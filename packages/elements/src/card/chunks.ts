/**
 * What a card must have loaded before it renders, given its schema and mode. In a bundled page
 * that imports `@kartochka/elements/card` these are chunks of their own, fetched only by the cards
 * that need them. The package root has the field view up front; the matcher, the rules engine and
 * the layout validator are core's, fetched on demand in a bundle of the root too (most cards need
 * none of them). KcCard awaits them before each update (its `scheduleUpdate`), so it keeps its
 * last frame, or shows nothing yet, rather than a state it cannot show: fields that depend on a
 * conditional before the matcher can evaluate it, empty value boxes before the field view is
 * defined, fields a rule hides or formulas not computed yet, a layout not checked yet.
 *
 * One list for every such chunk: add a need here, not a wait of its own in the card.
 */
import { loadValidationRuntime, type JsonSchema, type LayoutDocument } from '@kartochka/core';
import {
  fieldAccessClass,
  layoutValidator,
  loadFieldAccess,
  loadLayoutValidator,
  loadRulesEngine,
  needsRulesEngine,
  rulesEngine,
  schemaNeedsMatcher,
  validationRuntime,
} from '@kartochka/core/internal';
import { loadTranslations, translationsLoaded, type Locale } from '@kartochka/i18n';
import { pendingWidget } from '../internal/widget-loaders.js';
import type { CardMode } from '../section/section.js';

/** What a card's needs depend on. */
export interface ChunkNeeds {
  readonly schema?: JsonSchema;
  readonly layout?: LayoutDocument;
  readonly roles?: readonly string[];
  readonly mode: CardMode;
  readonly locale?: Locale;
}

/** A chunk to load: its name (for the console, and asked for once per card) and how to load it. */
export type Chunk = readonly [name: string, load: () => Promise<unknown>];

/** The chunks `card` needs now and does not have. */
export function missingChunks(card: ChunkNeeds): Chunk[] {
  const out: Chunk[] = [];
  // A schema with conditionals or alternatives needs the run-time matcher (ajv) to build its
  // fields (a plain schema with a precompiled validator never does).
  if (needsMatcher(card)) {
    const schema = card.schema;
    out.push(['the run-time validator', () => loadValidationRuntime(schema)]);
  }
  // Rules and formulas (x-rules, x-formula, a layout's rules) decide what the first frame shows:
  // hidden fields, computed values. Most cards have none (core's rules/engine.ts).
  if (needsRules(card)) out.push(['the rules engine', loadRulesEngine]);
  // A layout document is validated when the form resolves it; the default layout needs no check.
  if (needsLayoutValidator(card)) out.push(['the layout validator', loadLayoutValidator]);
  // The card's language, when its catalogues are loaded on demand (German: registerTranslationLoader),
  // so the first frame in it, and the first after a switch to it, is in it, never English first.
  if (!translationsLoaded(card.locale)) {
    const locale = card.locale;
    out.push([`the "${locale}" catalogues`, () => loadTranslations(locale)]);
  }
  // Roles decide which fields show and which are read-only (`x-access`); most cards have none.
  if (needsFieldAccess(card)) out.push(['field access', loadFieldAccess]);
  // View and blank modes show values as text (kc-field-view); edit mode never does.
  if (card.mode !== 'edit') {
    const load = pendingWidget('kc-field-view');
    if (load) out.push(['the field view', load]);
  }
  return out;
}

const needsMatcher = (card: ChunkNeeds) => card.schema !== undefined && !validationRuntime() && schemaNeedsMatcher(card.schema);
const needsRules = (card: ChunkNeeds) => card.schema !== undefined && !rulesEngine() && needsRulesEngine(card.schema, card.layout);
const needsLayoutValidator = (card: ChunkNeeds) => card.schema !== undefined && !!card.layout && !layoutValidator();
const needsFieldAccess = (card: ChunkNeeds) => card.schema !== undefined && card.roles !== undefined && !fieldAccessClass();

/**
 * Whether the card's form can be built now: it has a schema, and what building it needs (the
 * matcher, the rules engine, the layout validator, field access for roles) is loaded. The field view is not such a need:
 * it only shows values.
 */
export function canBuildForm(card: ChunkNeeds): boolean {
  return card.schema !== undefined && !needsMatcher(card) && !needsRules(card) && !needsLayoutValidator(card) && !needsFieldAccess(card);
}
