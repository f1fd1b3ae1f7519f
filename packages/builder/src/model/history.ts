/**
 * Undo and redo as a stack of document snapshots. Documents are immutable and operations copy only
 * what they change, so a snapshot costs the changed path, not the whole card.
 */
import type { BuilderDocument } from './types.js';

export interface History {
  readonly past: readonly BuilderDocument[];
  readonly present: BuilderDocument;
  readonly future: readonly BuilderDocument[];
  /** The coalescing key of the last commit (typing in one box makes one undo step). */
  readonly lastKey?: string;
}

/** How many steps are kept. */
export const HISTORY_LIMIT = 200;

export function createHistory(doc: BuilderDocument): History {
  return { past: [], present: doc, future: [] };
}

/**
 * Records a new present. With `coalesce`, a commit with the same key as the previous one replaces
 * the present instead of adding a step (so "Н", "На", "Наз"… is one undo). An unchanged document
 * is not a step.
 */
export function commit(h: History, doc: BuilderDocument, coalesce?: string): History {
  if (doc === h.present) return h;
  if (coalesce !== undefined && coalesce === h.lastKey && h.past.length)
    return { past: h.past, present: doc, future: [], lastKey: coalesce };
  const past = [...h.past, h.present];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { past, present: doc, future: [], lastKey: coalesce };
}

/** Ends the current coalescing run (e.g. when a text box loses focus). */
export function seal(h: History): History {
  return h.lastKey === undefined ? h : { ...h, lastKey: undefined };
}

export const canUndo = (h: History): boolean => h.past.length > 0;
export const canRedo = (h: History): boolean => h.future.length > 0;

export function undo(h: History): History {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
