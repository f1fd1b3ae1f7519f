/**
 * The package root's FormController and resolveLayout: the very class and function of
 * form/controller.ts and layout/resolve-layout.ts, with the rules engine (rules/engine.ts), the
 * layout validator (layout/validator-runtime.ts) and FieldAccess (access/access-runtime.ts) registered on first use — in Node and in any
 * bundle — so a form built from the root applies its rules and checks its layout at once, as it
 * always has. The registration is in the bindings themselves, not a statement of its own, because
 * bundlers drop the side effects of a package that declares none.
 *
 * The card imports the bare controller (`@kartochka/core/internal`) and loads them on demand: most
 * cards have no rules, no layout document and no roles.
 */
import { FormController as BareFormController } from './form/controller.js';
import { rulesEngineImpl } from './form/rules-runtime.js';
import { registerRulesEngine } from './rules/engine.js';
import { validateLayout } from './layout/validate-layout.js';
import { registerLayoutValidator } from './layout/validator-runtime.js';
import { FieldAccess } from './access/field-access.js';
import { registerFieldAccess } from './access/access-runtime.js';
import { resolveLayout as bareResolveLayout, type ResolveLayoutOptions } from './layout/resolve-layout.js';
import type { LayoutDocument, ResolvedLayout } from './layout/types.js';
import type { JsonSchema } from './types.js';

function registerAll(): void {
  registerRulesEngine(rulesEngineImpl);
  registerLayoutValidator(validateLayout);
  registerFieldAccess(FieldAccess);
}

/**
 * The form engine: a form's value, dirty and touched fields, errors, rules and structure, with
 * notifications per JSON Pointer (form/controller.ts; docs/elements.md "Advanced: the controller").
 */
export const FormController: typeof BareFormController = (registerAll(), BareFormController);
export type FormController = BareFormController;

/** Resolves `layout` against `schema`; without a layout, the default one. */
export function resolveLayout(schema: JsonSchema, layout?: LayoutDocument | null, options: ResolveLayoutOptions = {}): ResolvedLayout {
  registerAll();
  return bareResolveLayout(schema, layout, options);
}
