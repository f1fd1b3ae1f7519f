/**
 * Where FormController finds FieldAccess (field-access.ts: which fields a set of roles may read
 * and write under `x-access`) without importing it, as it finds the rules engine (rules/engine.ts).
 * A form without `roles` never asks, and most cards have none, so the card entry does not load it
 * up front: a card given `roles` awaits `loadFieldAccess()` before it renders. The package root's
 * FormController registers it when used (registered.ts), in Node and in any bundle; importing
 * FieldAccess itself does not need this at all.
 */
import type { FieldAccess } from './field-access.js';

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

let impl: FieldAccessClass | undefined;
let loading: Promise<FieldAccessClass> | undefined;

/** Called by registered.ts and by loadFieldAccess. */
export function registerFieldAccess(c: FieldAccessClass): void {
  impl ??= c;
}

/** FieldAccess, when it has been loaded or registered. */
export function fieldAccessClass(): FieldAccessClass | undefined {
  return impl;
}

/** Loads FieldAccess (once, as a chunk of its own in a bundle) and resolves with it. */
export function loadFieldAccess(): Promise<FieldAccessClass> {
  if (impl) return Promise.resolve(impl);
  // The module's export rather than a registration statement in it: bundlers drop the side
  // effects of a package that declares none.
  return (loading ??= import('./field-access.js').then((m) => {
    registerFieldAccess(m.FieldAccess);
    return impl!;
  }));
}
