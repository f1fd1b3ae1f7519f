/**
 * Where FormController finds FieldAccess (field-access.ts: which fields a set of roles may read
 * and write under `x-access`) without importing it, as it finds the rules engine (rules/engine.ts).
 * A form without `roles` never asks, and most cards have none, so the card entry does not load it
 * up front: a card given `roles` awaits `loadFieldAccess()` before it renders. The package root's
 * FormController registers it when used (registered.ts), in Node and in any bundle; importing
 * FieldAccess itself does not need this at all.
 */
import type { FieldAccess } from './field-access.js';
import { onDemand } from '../on-demand.js';

export type FieldAccessClass = typeof FieldAccess;

/** A form was given `roles` before FieldAccess was loaded (call `loadFieldAccess()` first). */
export class FieldAccessUnavailableError extends Error {
  constructor() {
    super(
      'A form with roles needs FieldAccess, which is not loaded: await loadFieldAccess() (@kartochka/core/internal) before building the form, or use FormController from @kartochka/core, which registers it.',
    );
    this.name = 'FieldAccessUnavailableError';
  }
}

const slot = onDemand<FieldAccessClass>(() => import('./field-access.js').then((m) => m.FieldAccess));

/** Called by registered.ts and by loadFieldAccess. */
export const registerFieldAccess = (c: FieldAccessClass): void => slot.register(c);
/** FieldAccess, when it has been loaded or registered. */
export const fieldAccessClass = (): FieldAccessClass | undefined => slot.get();
/** Loads FieldAccess (once, as a chunk of its own in a bundle) and resolves with it. */
export const loadFieldAccess = (): Promise<FieldAccessClass> => slot.load();
