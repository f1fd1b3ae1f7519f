/**
 * Reads a file into rows in a Web Worker (table-worker.ts), so parsing a big file never blocks the
 * page; where a worker cannot start (a page whose policy forbids workers), in the page itself.
 */
import type { Cell } from '@kartochka/core';
import type { ParsedTable } from './parse.js';

export type { ParsedTable } from './parse.js';

let worker: Worker | undefined;
let workerFailed = false;
let seq = 0;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function tableWorker(): Worker | undefined {
  if (workerFailed || typeof Worker === 'undefined') return undefined;
  if (!worker) {
    try {
      worker = new Worker(new URL('./table-worker.js', import.meta.url), { type: 'module', name: 'kartochka-import' });
      worker.onmessage = (e: MessageEvent<{ id: number; ok: boolean; error?: string }>) => {
        const w = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        if (!w) return;
        if (e.data.ok) w.resolve(e.data);
        else w.reject(new Error(e.data.error));
      };
      worker.onerror = (e) => {
        // The worker script did not load: answer what waits in the page instead, and from now on.
        e.preventDefault();
        workerFailed = true;
        worker = undefined;
        for (const [, w] of waiting) w.reject(new WorkerUnavailable());
        waiting.clear();
      };
    } catch {
      workerFailed = true;
      return undefined;
    }
  }
  return worker;
}

class WorkerUnavailable extends Error {}

async function ask<T>(
  message: Record<string, unknown>,
  transfer: Transferable[],
  inPage: () => Promise<T>,
  pick: (answer: Record<string, unknown>) => T,
): Promise<T> {
  const w = tableWorker();
  if (!w) return inPage();
  const id = ++seq;
  try {
    const answer = await new Promise<unknown>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ ...message, id }, transfer);
    });
    return pick(answer as Record<string, unknown>);
  } catch (e) {
    if (e instanceof WorkerUnavailable) return inPage();
    throw e;
  }
}

/** The rows of a CSV or XLSX file (or its bytes). */
export async function readTable(file: Blob | ArrayBuffer | Uint8Array): Promise<ParsedTable> {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file instanceof ArrayBuffer ? file : await file.arrayBuffer());
  const copy = bytes.slice();
  return ask<ParsedTable>(
    { op: 'parse', bytes: copy },
    [copy.buffer],
    async () => ({ ...(await (await import('./parse.js')).parseTable(bytes)), parsedIn: 'page' as const }),
    (a) => ({ ...(a.table as ParsedTable), parsedIn: 'worker' as const }),
  );
}

/** An XLSX workbook of `rows`, written in the worker. */
export async function xlsxBytes(rows: Cell[][], sheet: string): Promise<Uint8Array> {
  return ask(
    { op: 'xlsx', rows, sheet },
    [],
    async () => (await import('./parse.js')).writeXlsx(rows, sheet),
    (a) => a.bytes as Uint8Array,
  );
}
