/** The compile-first hand-written baseline (baseline-form.js): ajv compiled before the DOM is built. */
import { installBaseline } from './baseline-form.js';

installBaseline({ paintFirst: false });
