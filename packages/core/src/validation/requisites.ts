/**
 * The Russian requisite checks and their messages as one module: a chunk of its own in a bundled
 * app, which requisites-runtime.ts loads when a schema uses a `ru-*` format or `x-bik`.
 */
import { requisiteProblem } from './ru-requisites.js';
import { bikCheckErrors, collectBikChecks } from './bik-check.js';
import { registerRequisiteMessages } from '../i18n/requisite-messages.js';
import type { RequisiteChecks } from './requisites-runtime.js';

export const requisiteChecksImpl: RequisiteChecks = {
  requisiteProblem,
  collectBikChecks,
  bikCheckErrors,
  registerMessages: registerRequisiteMessages,
};
