// Moved to src/testing/ (shipped as @kartochka/elements/testing); kept for the tests that import it here.
export * from '../testing/widget-conformance.js';
