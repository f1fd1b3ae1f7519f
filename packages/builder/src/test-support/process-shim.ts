// @atlaskit/pragmatic-drag-and-drop reads `process.env.NODE_ENV`, which bundlers (Vite, Storybook)
// replace at build time; the test runner serves it unbundled, so tests define it.
const g = globalThis as { process?: { env: Record<string, string> } };
g.process ??= { env: { NODE_ENV: 'development' } };
export {};
