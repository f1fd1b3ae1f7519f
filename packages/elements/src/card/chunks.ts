/**
 * What a card must have loaded before it renders, given its schema and mode. In a bundled page
 * that imports `@kartochka/elements/card` these are chunks of their own, fetched only by the cards
 * that need them; the package root has them all up front, and then nothing here is missing.
 * KcCard awaits them before each update (its `scheduleUpdate`), so it keeps its last frame, or
 * shows nothing yet, rather than a state it cannot show: fields that depend on a conditional
 * before the matcher can evaluate it, empty value boxes before the field view is defined.
 *
 * One list for every such chunk: add a need here, not a wait of its own in the card.
 */
import { loadValidationRuntime, type JsonSchema } from '@kartochka/core';
import { schemaNeedsMatcher, validationRuntime } from '@kartochka/core/internal';
import { pendingWidget } from '../internal/widget-loaders.js';
import type { CardMode } from '../section/section.js';

/** What a card's needs depend on. */
export interface ChunkNeeds {
  readonly schema?: JsonSchema;
  readonly mode: CardMode;
}

/** A chunk to load: its name (for the console, and asked for once per card) and how to load it. */
export type Chunk = readonly [name: string, load: () => Promise<unknown>];

/** The chunks `card` needs now and does not have. */
export function missingChunks(card: ChunkNeeds): Chunk[] {
  const out: Chunk[] = [];
  // A schema with conditionals or alternatives needs the run-time matcher (ajv) to build its
  // fields (a plain schema with a precompiled validator never does).
  if (card.schema !== undefined && !validationRuntime() && schemaNeedsMatcher(card.schema)) {
    const schema = card.schema;
    out.push(['the run-time validator', () => loadValidationRuntime(schema)]);
  }
  // View and blank modes show values as text (kc-field-view); edit mode never does.
  if (card.mode !== 'edit') {
    const load = pendingWidget('kc-field-view');
    if (load) out.push(['the field view', load]);
  }
  return out;
}
