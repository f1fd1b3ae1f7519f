// What the custom-elements manifest says of our elements, read one way by everything generated from
// it: the editor data (custom-elements-manifest.config.mjs) and the React and Vue wrappers.

/** Every element (a declaration with a tag name) of a custom-elements manifest, by tag name. */
export function elementsOf(manifest) {
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** `kc-change` → `KcChange`. */
export const pascal = (name) => name.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());

/** The prop or listener a framework names an event by: `kc-change` → `onKcChange`. */
export const eventProp = (name) => `on${pascal(name)}`;
