/** Reading the command's JSON inputs with errors that name the file and say what is wrong. */
import { readFile, writeFile } from 'node:fs/promises';
import type { Locale } from '@kartochka/i18n';
import { CliError, message } from './messages.js';

export async function readJson(file: string, locale: Locale): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new CliError(message(locale, 'cannotRead', { file, detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message }));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CliError(message(locale, 'notJson', { file, detail: (e as Error).message }));
  }
}

export async function readJsonObject(file: string, locale: Locale): Promise<Record<string, unknown>> {
  const value = await readJson(file, locale);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(message(locale, 'notObject', { file }));
  return value as Record<string, unknown>;
}

export async function readJsonArray(file: string, locale: Locale): Promise<unknown[]> {
  const value = await readJson(file, locale);
  if (!Array.isArray(value)) throw new CliError(message(locale, 'notArray', { file }));
  return value;
}

/** Writes `text` to `out`, or to stdout without one. */
export async function output(text: string, out: string | undefined, locale: Locale, log: (line: string) => void): Promise<void> {
  if (!out) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  await writeFile(out, text);
  log(message(locale, 'wrote', { file: out }));
}
