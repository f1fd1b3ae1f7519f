/**
 * A Vite plugin that precompiles card schemas' validators at build time, so a built app ships no
 * ajv compiler and compiles nothing at run time (and works under a CSP without `unsafe-eval`).
 *
 * ```js
 * // vite.config.js
 * import { kartochkaValidators } from '@kartochka/core/vite';
 * export default { plugins: [kartochkaValidators()] };
 * // app.js
 * import validator from './client.schema.json?kc-validator';
 * card.validator = validator; card.schema = schema;
 * ```
 *
 * The module is core's precompileValidator output (ajv standalone, the same options, formats,
 * RE2 patterns and keywords as the run-time path), so errors and messages are identical.
 * Node only (it runs inside Vite); it imports nothing from Vite, so core does not depend on it.
 */
import { readFile } from 'node:fs/promises';
import { precompileValidator, type PrecompileOptions } from './precompile.js';

/** The query that asks for a schema's validator instead of its JSON. */
export const VALIDATOR_QUERY = '?kc-validator';
// A virtual id: Vite's JSON plugin would otherwise treat `….json?kc-validator` as JSON.
const PREFIX = '\0kc-validator:';
const SUFFIX = '.validator.js';

/** The part of Vite's (and Rollup's) plugin interface this plugin uses. */
export interface KartochkaValidatorsPlugin {
  name: string;
  enforce: 'pre';
  resolveId(this: PluginThis, source: string, importer: string | undefined): Promise<string | null>;
  load(this: PluginThis, id: string): Promise<string | null>;
}
interface PluginThis {
  resolve(source: string, importer?: string, options?: { skipSelf?: boolean }): Promise<{ id: string } | null>;
  addWatchFile(file: string): void;
}

/**
 * `import validator from './x.schema.json?kc-validator'` gives the precompiled validator of that
 * schema (default export; also `validate`). Options are precompileValidator's.
 */
export function kartochkaValidators(options: PrecompileOptions = {}): KartochkaValidatorsPlugin {
  return {
    name: 'kartochka-validators',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(VALIDATOR_QUERY)) return null;
      const resolved = await this.resolve(source.slice(0, -VALIDATOR_QUERY.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id + SUFFIX : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      this.addWatchFile(file);
      return precompileValidator(JSON.parse(await readFile(file, 'utf8')), options);
    },
  };
}

export { precompileValidator, type PrecompileOptions };
