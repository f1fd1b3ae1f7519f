/**
 * The page's side of the dry run: the planner (core) run over a table in slices of a few
 * milliseconds between tasks, so 10,000 rows never make a long task; the stored cards looked up by
 * key once; and a plan turned into the job the writer keeps and writes.
 */
import {
  ImportPlanner,
  cardRecordFields,
  type CardSettings,
  type JsonSchema,
  type Cell,
  type ExistingCard,
  type JsonValue,
  type PlanOptions,
  type PlannedRow,
} from '@kartochka/core';
import { getAt, keyOf, templateOf } from '@kartochka/core/internal';
import type { StorageAdapter } from '@kartochka/storage';
import { storeIdOf, type ImportJob } from './write.js';

/** Lets the page paint and take input: `scheduler.yield()` where there is one, else a task. */
export const yieldToPage = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return s?.yield ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

export interface PlanTableOptions extends PlanOptions {
  /** Header rows above the data. */
  depth: number;
  /** Milliseconds of work between yields (default 8). */
  sliceMs?: number;
  signal?: AbortSignal;
  onProgress?: (planned: number, total: number) => void;
}

/** The plan of every data row of `rows` (below the header), computed in slices. */
export async function planTable(rows: readonly (readonly Cell[])[], options: PlanTableOptions): Promise<PlannedRow[]> {
  const planner = new ImportPlanner(options);
  const out: PlannedRow[] = [];
  const slice = options.sliceMs ?? 8;
  const total = rows.length - options.depth;
  let deadline = performance.now() + slice;
  for (let i = options.depth; i < rows.length; i++) {
    if (options.signal?.aborted) break;
    out.push(planner.plan(rows[i], i + 1));
    if (performance.now() > deadline) {
      options.onProgress?.(out.length, total);
      await yieldToPage();
      deadline = performance.now() + slice;
    }
  }
  options.onProgress?.(out.length, total);
  return out;
}

/** Stored cards of `schemaId` by their key's value (compared as `compare`, default core's {@link keyOf}), for updates. */
export async function existingByKey(
  storage: StorageAdapter,
  schemaId: string,
  key: string,
  compare: (v: JsonValue | undefined) => string | undefined = keyOf,
): Promise<Map<string, ExistingCard>> {
  const out = new Map<string, ExistingCard>();
  const page = 500;
  for (let offset = 0; ; offset += page) {
    const { items, total } = await storage.list<JsonValue>({
      schemaId,
      sort: { field: 'createdAt', direction: 'asc' },
      offset,
      limit: page,
    });
    for (const r of items) {
      const k = compare(getAt(r.data, key));
      if (k !== undefined && !out.has(k)) out.set(k, { id: r.id, revision: r.revision, data: r.data });
    }
    if (offset + page >= total || !items.length) break;
    await yieldToPage();
  }
  return out;
}

/**
 * How the values of key field `pointer` compare: as its `x-unique` rule normalises them (email case,
 * phone numbers to E.164, text folded: `@kartochka/core/unique`, loaded only for such schemas), else
 * core's {@link keyOf}.
 */
export async function keyComparer(schema: JsonSchema, pointer: string): Promise<(v: JsonValue | undefined) => string | undefined> {
  const raw = JSON.stringify(schema);
  if (!raw.includes('"x-unique"')) return keyOf;
  const { uniqueRules, normaliseUniqueValue } = await import('@kartochka/core/unique');
  const rule = uniqueRules(schema).find((r) => r.fields.length === 1 && r.fields[0] === templateOf(pointer));
  return rule ? (v) => normaliseUniqueValue(v, rule.kinds[0]) : keyOf;
}

/** The job of a plan's creates and updates, titled and indexed as the card type's settings say (computed in slices). */
export async function jobFromPlan(
  plan: readonly PlannedRow[],
  o: { storage: StorageAdapter; schemaId: string; schemaVersion: number; settings: CardSettings; author?: string; file: string },
): Promise<ImportJob> {
  const items: ImportJob['items'] = [];
  let deadline = performance.now() + 8;
  for (const r of plan) {
    if ((r.action !== 'create' && r.action !== 'update') || !r.id || r.data === undefined) continue;
    items.push({
      line: r.line,
      id: r.id,
      data: r.data,
      ...cardRecordFields(o.settings, r.data),
      expectedRevision: r.action === 'create' ? 0 : r.revision!,
    });
    if (performance.now() > deadline) {
      await yieldToPage();
      deadline = performance.now() + 8;
    }
  }
  return {
    id: `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    store: storeIdOf(o.storage),
    user: o.storage.user ?? '',
    schemaId: o.schemaId,
    schemaVersion: o.schemaVersion,
    author: o.author,
    file: o.file,
    items,
    createdAt: new Date().toISOString(),
  };
}
