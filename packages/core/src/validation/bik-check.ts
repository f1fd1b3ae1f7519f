/**
 * A bank account checked against its bank's BIK (ru-requisites.ts accountProblemWithBik): the one
 * requisite check that needs two fields, so no `format` can do it. The account field names its
 * BIK with `x-bik`, a pointer (relative ones such as `"1/bik"` from the account field, as in the
 * rules), or `{"bik": "1/bik", "kind": "correspondent"}` for a correspondent account:
 *
 * ```json
 * "account": {"type": "string", "format": "ru-account", "x-bik": "1/bik"}
 * ```
 *
 * FormController and validate() add its error after ajv's, so a precompiled validator and the
 * run-time one report the same.
 */
import type { FieldError, JsonSchema, Locale } from '../types.js';
import { expandTemplate, getAt } from '../pointer.js';
import { resolveRelative } from '../rules/relative.js';
import { keywordSites } from '../schema/keyword-sites.js';
import { validationMessage } from '../i18n/validation-messages.js';
import { accountProblem, accountProblemWithBik, bikProblem } from './ru-requisites.js';

export interface BikCheck {
  /** The account field's pointer template. */
  readonly template: string;
  /** Where its BIK is: absolute, or relative to the account field. */
  readonly bik: string;
  readonly kind: 'settlement' | 'correspondent';
}

const cache = new WeakMap<object, readonly BikCheck[]>();

/** The schema's `x-bik` checks (cached per schema object). Throws on a malformed `x-bik`, naming where. */
export function collectBikChecks(schema: JsonSchema): readonly BikCheck[] {
  if (typeof schema !== 'object' || schema === null) return [];
  let checks = cache.get(schema);
  if (!checks) {
    checks = keywordSites(schema, 'x-bik').map(({ template, source, value }) => {
      const v = typeof value === 'string' ? { bik: value } : (value as { bik?: unknown; kind?: unknown } | null);
      if (!v || typeof v.bik !== 'string' || (v.kind !== undefined && v.kind !== 'settlement' && v.kind !== 'correspondent')) {
        throw new TypeError(
          `Invalid x-bik at "${source}": give the BIK field's pointer, e.g. "1/bik", or {"bik": "1/bik", "kind": "correspondent"}.`,
        );
      }
      return { template, bik: v.bik, kind: (v.kind as BikCheck['kind'] | undefined) ?? 'settlement' };
    });
    cache.set(schema, checks);
  }
  return checks;
}

/**
 * An error on each account that does not match its BIK. Only when both are otherwise well formed:
 * a short account or a foreign BIK already has its own message.
 */
export function bikCheckErrors(checks: readonly BikCheck[], data: unknown, locale: Locale): FieldError[] {
  const out: FieldError[] = [];
  for (const check of checks) {
    for (const { pointer } of expandTemplate(data, check.template, { present: true })) {
      const account = getAt(data, pointer);
      const where = check.bik.startsWith('/')
        ? check.bik
        : (() => {
            const r = resolveRelative(check.bik, pointer);
            return r && 'pointer' in r ? r.pointer : undefined;
          })();
      const bik = where === undefined ? undefined : getAt(data, where);
      if (typeof account !== 'string' || typeof bik !== 'string' || accountProblem(account) || bikProblem(bik)) continue;
      if (accountProblemWithBik(account, bik, check.kind) !== 'checksum') continue;
      const params = { format: 'ru-account', problem: 'checksum' };
      out.push({ path: pointer, keyword: 'format', message: validationMessage(locale, 'format', params), source: 'schema', params });
    }
  }
  return out;
}
