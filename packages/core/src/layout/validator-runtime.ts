/**
 * Where resolveLayout (and so FormController and the card) finds the layout document's validator
 * (validate-layout.ts: its precompiled shape check, 43 KB minified, the semantic checks and their
 * messages) without importing it, as the card finds the run-time compiler (validation/runtime.ts).
 * A card without a layout document uses the default layout derived from its schema, which needs no
 * validating, so the card entry does not load it up front: a card given a `layout` awaits
 * `loadLayoutValidator()` before building its form, and so reports the layout's problems from the
 * first frame. The package root's FormController and resolveLayout register it when used
 * (registered.ts), as does importing `validateLayout` itself.
 */
import type { validateLayout } from './validate-layout.js';
import { onDemand } from '../on-demand.js';

export type LayoutValidator = typeof validateLayout;

/** A layout document was resolved before its validator was loaded (call `loadLayoutValidator()` first). */
export class LayoutValidatorUnavailableError extends Error {
  constructor() {
    super(
      'A layout document needs its validator, which is not loaded: await loadLayoutValidator() (@kartochka/core/internal) before building the form, or use FormController and resolveLayout from @kartochka/core, which register it.',
    );
    this.name = 'LayoutValidatorUnavailableError';
  }
}

const slot = onDemand<LayoutValidator>(() => import('./validate-layout.js').then((m) => m.validateLayout));

/** Called by registered.ts, by validate-layout.ts's users and by loadLayoutValidator. */
export const registerLayoutValidator = (v: LayoutValidator): void => slot.register(v);
/** The layout validator, when it has been loaded or registered. */
export const layoutValidator = (): LayoutValidator | undefined => slot.get();
/** Loads the layout validator (once, as a chunk of its own in a bundle) and resolves with it. */
export const loadLayoutValidator = (): Promise<LayoutValidator> => slot.load();
