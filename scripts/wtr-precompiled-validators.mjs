// Serves validators precompiled by @kartochka/core/precompile to browser tests, generated when
// requested: GET /__kc_precompiled__/<name>.js compiles <fixtures>/<name>.schema.json. The strict-CSP
// tests need them (their page forbids the code generation ajv does at run time).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const PREFIX = '/__kc_precompiled__/';

export function precompiledValidatorsPlugin({ root, fixtures }) {
  let precompile;
  return {
    name: 'kc-precompiled-validators',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const name = context.path.slice(PREFIX.length).replace(/\.js$/, '');
      if (!/^[a-z0-9-]+$/.test(name)) return { status: 404, body: 'not found' };
      precompile ??= tsImport(pathToFileURL(path.join(root, 'packages/core/src/validation/precompile.ts')).href, import.meta.url);
      const { precompileValidator } = await precompile;
      const schema = JSON.parse(await readFile(path.join(root, fixtures, `${name}.schema.json`), 'utf8'));
      return { body: precompileValidator(schema), type: 'js' };
    },
  };
}
