/**
 * The import's worker: parses a file (parse.ts) or writes a workbook off the page's thread, so a
 * file of 10,000 rows never freezes the page. One request, one answer: `{id, ok, table | bytes | error}`.
 */
import { parseTable, writeXlsx } from './parse.js';
import type { Cell } from '@kartochka/core';

type Request = { id: number; op: 'parse'; bytes: Uint8Array } | { id: number; op: 'xlsx'; rows: Cell[][]; sheet: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(m: unknown, transfer?: Transferable[]): void;
};
scope.onmessage = async (e) => {
  const req = e.data;
  try {
    if (req.op === 'parse') scope.postMessage({ id: req.id, ok: true, table: await parseTable(req.bytes) });
    else {
      const bytes = await writeXlsx(req.rows, req.sheet);
      scope.postMessage({ id: req.id, ok: true, bytes }, [bytes.buffer]);
    }
  } catch (error) {
    scope.postMessage({ id: req.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
