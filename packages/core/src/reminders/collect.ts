/**
 * Finds the `x-reminder`s of a schema. A reminder sits on a date field:
 *
 * ```json
 * "validUntil": {"type": "string", "format": "date",
 *   "x-reminder": {"offsetDays": -30, "offsetFrom": "/contract/renewalReminderDays",
 *                  "who": "/general/responsibility/manager",
 *                  "title": {"ru": "Продлить договор", "en": "Renew the contract"}}}
 * ```
 */
import type { JsonSchema } from '../types.js';
import { keywordSites } from '../schema/keyword-sites.js';

/** Text in each language of the card; a plain string serves every language. */
export type ReminderText = string | Partial<Record<string, string>>;

/** The `x-reminder` keyword as written in a schema. */
export interface ReminderConfig {
  /** Days from the date to the reminder: `-30` is 30 days before, `0` the day itself. Default 0. */
  offsetDays?: number;
  /**
   * A pointer to a number of days **before** the date, read from the card's data; when it holds a
   * number it replaces `offsetDays` (as `-n`). Absolute (`/contract/renewalReminderDays`) or
   * relative to the date field (`1/leadDays`).
   */
  offsetFrom?: string;
  /** Who is reminded: a role name (`"manager"`) or a pointer to it in the data (absolute or relative). */
  who?: string;
  /**
   * The reminder's text. `{record}` is the card's title; `{/pointer}` and relative `{1/fullName}`
   * (from the date field) insert values from the data.
   */
  title?: ReminderText;
  /** `yearly`: the date recurs every year (birthdays, anniversaries). */
  repeat?: 'yearly';
}

/** A reminder found in a schema, at the pointer template of its date field. */
export interface ReminderSpec extends ReminderConfig {
  /** The date field's pointer template, `*` for array items (`/roles/people/*\/birthday`). */
  template: string;
  /** Where the keyword is in the schema, for messages (`/properties/contract/properties/validUntil/x-reminder`). */
  source: string;
}

/**
 * Every `x-reminder` in the schema, walking `properties`, `items` and `allOf` and following `$ref`s
 * (each schema once per path, so recursive schemas stop). Throws on a malformed `x-reminder`
 * (a misuse of the schema, named by its location), never on anything else.
 */
export function collectReminderSpecs(schema: JsonSchema): ReminderSpec[] {
  return keywordSites(schema, 'x-reminder').map((site) => ({
    ...checkConfig(site.value, site.source),
    template: site.template,
    source: site.source,
  }));
}

function checkConfig(r: unknown, at: string): ReminderConfig {
  const fail = (what: string): never => {
    throw new TypeError(`Invalid x-reminder at "${at}": ${what}.`);
  };
  if (!r || typeof r !== 'object' || Array.isArray(r)) fail('it must be an object such as {"offsetDays": -30}');
  const c = r as Record<string, unknown>;
  if (c.offsetDays !== undefined && !Number.isInteger(c.offsetDays)) fail('"offsetDays" must be a whole number of days');
  if (c.offsetFrom !== undefined && typeof c.offsetFrom !== 'string') fail('"offsetFrom" must be a JSON Pointer string');
  if (c.who !== undefined && typeof c.who !== 'string') fail('"who" must be a role name or a JSON Pointer');
  if (c.repeat !== undefined && c.repeat !== 'yearly') fail('"repeat" can only be "yearly"');
  if (c.title !== undefined && typeof c.title !== 'string' && (typeof c.title !== 'object' || c.title === null))
    fail('"title" must be a string or {"ru", "en"}');
  return c as ReminderConfig;
}
