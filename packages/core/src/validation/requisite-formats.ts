/**
 * The `ru-*` formats (ru-requisites.ts) one by one, under the names precompiled validators import
 * them by (precompile.ts, `formatExportName`: `ru-inn` → `ru_inn`); `@kartochka/core/formats`
 * re-exports them. A module apart from format-checks.ts, so a validator that checks dates does not
 * bring the requisites.
 */
import { ruRequisiteFormats } from './ru-requisites.js';

const requisite = (name: string) => ruRequisiteFormats[name]!;
export const ru_inn = /*#__PURE__*/ requisite('ru-inn');
export const ru_kpp = /*#__PURE__*/ requisite('ru-kpp');
export const ru_ogrn = /*#__PURE__*/ requisite('ru-ogrn');
export const ru_ogrnip = /*#__PURE__*/ requisite('ru-ogrnip');
export const ru_ogrn_any = /*#__PURE__*/ requisite('ru-ogrn-any');
export const ru_bik = /*#__PURE__*/ requisite('ru-bik');
export const ru_account = /*#__PURE__*/ requisite('ru-account');
