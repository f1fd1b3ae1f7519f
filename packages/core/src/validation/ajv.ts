/**
 * The one place that imports ajv. ajv and ajv-formats are CommonJS: depending on the bundler the
 * default import is the class itself or a namespace with `.default`, so normalise it here.
 */
import AjvDraft07Import from 'ajv';
import Ajv2020Import from 'ajv/dist/2020.js';
import addFormatsImport from 'ajv-formats';

type AnyCtor = new (opts?: Record<string, unknown>) => import('ajv').default;
const unwrap = <T>(mod: unknown): T => ((mod as { default?: T }).default ?? mod) as T;

export const AjvDraft07 = unwrap<AnyCtor>(AjvDraft07Import);
export const Ajv2020 = unwrap<AnyCtor>(Ajv2020Import);
export const addFormats = unwrap<(ajv: import('ajv').default) => unknown>(addFormatsImport);
export type Ajv = import('ajv').default;
