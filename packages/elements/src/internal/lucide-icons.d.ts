// Lucide's per-icon modules ship no types of their own (the package types its index only).
declare module 'lucide/dist/esm/icons/*.mjs' {
  const node: readonly (readonly [string, Readonly<Record<string, string | number | undefined>>])[];
  export default node;
}
