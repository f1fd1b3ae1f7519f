/**
 * The formats Kartochka adds to ajv-formats' set, in one place: the run-time compiler
 * (validator.ts), precompiled validators (formats.ts) and the schema matcher that picks
 * conditional branches (schema/matcher.ts) all register exactly these.
 */
import { PHONE_PATTERN } from './phone.js';
import { ruRequisiteFormats } from './ru-requisites.js';

export const KARTOCHKA_FORMATS: Readonly<Record<string, RegExp | ((v: string) => boolean)>> = {
  phone: PHONE_PATTERN,
  tel: PHONE_PATTERN,
  ...ruRequisiteFormats,
};
