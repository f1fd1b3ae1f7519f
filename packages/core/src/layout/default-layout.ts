/**
 * The layout a card gets when none is given: each top-level object becomes a section of its own,
 * the remaining top-level fields a first "main" section; tabs from three sections on.
 */
import type { JsonSchema } from '../types.js';
import { escapeToken } from '../pointer.js';
import { createSchemaContext, type SchemaContext } from '../schema/resolve.js';
import { isGroup, propertiesOf } from './schema-walk.js';
import type { LayoutDocument, LayoutSection } from './types.js';

/** Titles of the sections the default layout and the resolver invent. */
export const MAIN_TITLE = { en: 'Main', ru: 'Основное' } as const;
export const OTHER_TITLE = { en: 'Other', ru: 'Прочее' } as const;

const ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Makes section ids valid and unique (`a/b`, `__proto__` or `1st` keys get `s<n>`). */
export function uniqueId(wanted: string, taken: Set<string>, fallback: string): string {
  let id = ID.test(wanted) ? wanted : fallback;
  for (let n = 2; taken.has(id); n++) id = `${ID.test(wanted) ? wanted : fallback}-${n}`;
  taken.add(id);
  return id;
}

/** Derives a layout from the schema alone. */
export function defaultLayout(schema: JsonSchema, ctx: SchemaContext = createSchemaContext(schema)): LayoutDocument {
  const main: string[] = [];
  const groups: LayoutSection[] = [];
  const taken = new Set<string>(['main']);
  let n = 0;
  for (const [key, child] of propertiesOf(ctx, ctx.root)) {
    n++;
    const pointer = '/' + escapeToken(key);
    if (!isGroup(ctx, child)) {
      main.push(pointer);
      continue;
    }
    const items = [...propertiesOf(ctx, child).keys()].map((k) => `${pointer}/${escapeToken(k)}`);
    groups.push({ type: 'section', id: uniqueId(key, taken, `s${n}`), pointer, items });
  }
  const sections: LayoutSection[] = main.length
    ? [{ type: 'section', id: 'main', title: { ...MAIN_TITLE }, items: main }, ...groups]
    : groups;
  return { version: 1, sections: sections.length >= 3 ? 'tabs' : 'plain', items: sections };
}
