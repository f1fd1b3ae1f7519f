/** Pure list operations of the repeating group, kept apart so they are tested without a DOM. */
import type { JsonValue } from '@kartochka/core';

/** A copy of `list` with the item at `from` moved to index `to` (the others keep their order). */
export function moveItem(list: readonly JsonValue[], from: number, to: number): JsonValue[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}
