/**
 * Every format a Kartochka validator knows, in one record: ajv-formats' full set plus the `phone`,
 * `tel` and Russian requisites (`ru-inn`…, ru-requisites.ts) formats Kartochka adds. Whoever
 * imports it gets ajv-formats whole; precompiled validators import single checks from
 * format-checks.ts instead.
 */
import formatsModule from 'ajv-formats/dist/formats.js';
import { KARTOCHKA_FORMATS } from './kartochka-formats.js';

const full = ((formatsModule as unknown as { fullFormats?: Record<string, unknown> }).fullFormats ??
  (formatsModule as unknown as { default: { fullFormats: Record<string, unknown> } }).default.fullFormats) as Record<string, unknown>;

export const formats: Record<string, unknown> = { ...full, ...KARTOCHKA_FORMATS };
