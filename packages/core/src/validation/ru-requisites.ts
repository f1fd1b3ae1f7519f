/**
 * Russian company requisites with their check digits: INN, KPP, OGRN / OGRNIP, BIK and bank
 * accounts. Each check returns *why* a value is wrong (a reason code), or undefined when it is
 * right, so one function serves both ajv (the `ru-*` formats, valid = no reason) and the message
 * (validation-messages.ts words the reason: "ИНН должен содержать 10 или 12 цифр"). No ajv here:
 * formats.ts hands these to precompiled validators, validator.ts to the run-time compiler.
 */

/** Why a requisite is wrong: its length/characters, its check digit, or (BIK) not a Russian bank. */
export type RequisiteProblem = 'length' | 'checksum' | 'country';

const digitsOf = (s: string) => Array.from(s, Number);
const weighted = (d: readonly number[], w: readonly number[]) => w.reduce((sum, x, i) => sum + x * d[i]!, 0);

// INN check digits (Federal Tax Service order): a weighted sum, mod 11, mod 10.
const INN10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** INN: 10 digits (a company) or 12 (a person or sole proprietor). */
export function innProblem(v: string): RequisiteProblem | undefined {
  if (!/^(\d{10}|\d{12})$/.test(v)) return 'length';
  const d = digitsOf(v);
  const check = (w: readonly number[]) => (weighted(d, w) % 11) % 10;
  if (d.length === 10) return check(INN10) === d[9] ? undefined : 'checksum';
  return check(INN11) === d[10] && check(INN12) === d[11] ? undefined : 'checksum';
}

/** KPP: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits. No check digit. */
export function kppProblem(v: string): RequisiteProblem | undefined {
  return /^\d{4}[\dA-Z]{2}\d{3}$/.test(v) ? undefined : 'length';
}

// OGRN: the number without its last digit, mod 11 (13 digits) or mod 13 (OGRNIP, 15), mod 10.
// Both fit a double exactly (< 2^53).
function registrationNumberProblem(v: string, length: 13 | 15): RequisiteProblem | undefined {
  if (v.length !== length || !/^\d+$/.test(v)) return 'length';
  const body = Number(v.slice(0, -1));
  return (body % (length === 13 ? 11 : 13)) % 10 === Number(v.at(-1)) ? undefined : 'checksum';
}

/** OGRN of a company: 13 digits. */
export const ogrnProblem = (v: string) => registrationNumberProblem(v, 13);
/** OGRNIP of a sole proprietor: 15 digits. */
export const ogrnipProblem = (v: string) => registrationNumberProblem(v, 15);
/** Either: a field that takes an OGRN or an OGRNIP ("ОГРН / ОГРНИП"). */
export function ogrnAnyProblem(v: string): RequisiteProblem | undefined {
  return v.length === 15 ? ogrnipProblem(v) : v.length === 13 ? ogrnProblem(v) : 'length';
}

/** BIK: 9 digits; Russian banks' begin with 04 (the country code). */
export function bikProblem(v: string): RequisiteProblem | undefined {
  if (!/^\d{9}$/.test(v)) return 'length';
  return v.startsWith('04') ? undefined : 'country';
}

/** A bank account number on its own: 20 digits (its check digit needs the BIK: accountProblemWithBik). */
export function accountProblem(v: string): RequisiteProblem | undefined {
  return /^\d{20}$/.test(v) ? undefined : 'length';
}

const ACCOUNT_WEIGHTS = Array.from({ length: 23 }, (_, i) => [7, 1, 3][i % 3]!);

/**
 * An account's check digit, which the Bank of Russia computes over 23 digits: the BIK's last three
 * and the account for a settlement account (at that bank); "0" and the BIK's 5th–6th digits and the
 * account for a correspondent account (at the Bank of Russia's settlement centre).
 */
export function accountProblemWithBik(
  account: string,
  bik: string,
  kind: 'settlement' | 'correspondent' = 'settlement',
): RequisiteProblem | undefined {
  const own = accountProblem(account);
  if (own || bikProblem(bik)) return own;
  const prefix = kind === 'settlement' ? bik.slice(6) : `0${bik.slice(4, 6)}`;
  return weighted(digitsOf(prefix + account), ACCOUNT_WEIGHTS) % 10 === 0 ? undefined : 'checksum';
}

/** The `ru-*` formats, by name: each names the problem with a string (non-strings are another keyword's business). */
export const RU_REQUISITE_CHECKS: Readonly<Record<string, (v: string) => RequisiteProblem | undefined>> = {
  'ru-inn': innProblem,
  'ru-kpp': kppProblem,
  'ru-ogrn': ogrnProblem,
  'ru-ogrnip': ogrnipProblem,
  'ru-ogrn-any': ogrnAnyProblem,
  'ru-bik': bikProblem,
  'ru-account': accountProblem,
};

/** The same as ajv formats: valid when there is no problem. */
export const ruRequisiteFormats: Record<string, (v: string) => boolean> = Object.fromEntries(
  Object.entries(RU_REQUISITE_CHECKS).map(([name, problem]) => [name, (v: string) => problem(v) === undefined]),
);

/** Why `value` fails format `format`, when the format is one of ours and can tell; else undefined. */
export function requisiteProblem(format: unknown, value: unknown): RequisiteProblem | undefined {
  const check = typeof format === 'string' ? RU_REQUISITE_CHECKS[format] : undefined;
  return check && typeof value === 'string' ? check(value) : undefined;
}
