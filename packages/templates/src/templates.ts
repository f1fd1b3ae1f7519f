/** Every ready card, for pickers ("start from a template") and for tools that walk them all. */
import type { CardTemplate } from './types.js';
import { b2bClientCard } from './b2b/index.js';
import { beautySalonCard } from './salon/index.js';

export const templates: readonly CardTemplate<unknown>[] = [b2bClientCard, beautySalonCard];

/** A template by id; `undefined` when there is none. */
export function templateById(id: string): CardTemplate<unknown> | undefined {
  return templates.find((t) => t.id === id);
}
