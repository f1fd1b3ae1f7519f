/**
 * The formats a precompiled validator (precompile.ts) imports: ajv-formats' full set plus the
 * `phone`, `tel` and Russian requisites (`ru-inn`…, ru-requisites.ts) formats Kartochka adds, so a standalone validator checks formats exactly as
 * the run-time one does.
 */
import formatsModule from 'ajv-formats/dist/formats.js';
import { KARTOCHKA_FORMATS } from './kartochka-formats.js';

const full = ((formatsModule as unknown as { fullFormats?: Record<string, unknown> }).fullFormats ??
  (formatsModule as unknown as { default: { fullFormats: Record<string, unknown> } }).default.fullFormats) as Record<string, unknown>;

export const formats: Record<string, unknown> = { ...full, ...KARTOCHKA_FORMATS };
