/**
 * A part of core that a bundled card loads only when its form needs it — the rules engine, the
 * layout document's validator, FieldAccess, the Russian requisite checks — found through a slot
 * instead of an import, so the card entry's bundle does not carry it. The package root registers
 * each part up front or on first use (registered.ts), in Node and in any bundle; a card awaits
 * `load()` for the parts its schema, layout and roles need (elements' card/chunks.ts).
 */
export interface OnDemand<T> {
  /** The part, once it has been loaded or registered. */
  get(): T | undefined;
  /** Makes the part available; the first registration wins. */
  register(part: T): void;
  /** Loads the part once (a chunk of its own in a bundle) and resolves with it; a failed load may be tried again. */
  load(): Promise<T>;
}

/**
 * A slot for a part that `importPart` loads. `importPart` returns the module's export rather than
 * relying on a registration statement in the module: bundlers drop the side effects of a package
 * that declares none. `onRegister` runs once, with the part that won.
 */
export function onDemand<T>(importPart: () => Promise<T>, onRegister?: (part: T) => void): OnDemand<T> {
  let part: T | undefined;
  let loading: Promise<T> | undefined;
  const register = (p: T): void => {
    if (part !== undefined) return;
    part = p;
    onRegister?.(p);
  };
  return {
    get: () => part,
    register,
    load() {
      if (part !== undefined) return Promise.resolve(part);
      return (loading ??= importPart().then(
        (p) => {
          register(p);
          return part!;
        },
        (e: unknown) => {
          loading = undefined;
          throw e;
        },
      ));
    },
  };
}
