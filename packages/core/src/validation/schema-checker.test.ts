/**
 * Compiling a schema checks it against its meta-schema without keeping the checker (its compiled
 * meta-schema validators were ~0.3 MB of a card page's JS heap for the page's life); the builder's
 * and the CLI's repeated checks (metaSchemaErrors) keep one and compiles then use it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema } from '../types.js';
import { compileSchema, metaSchemaErrors, schemaCheckerKept } from './compiler.js';

describe('the meta-schema checker', () => {
  it('a compile checks the schema and keeps no checker', () => {
    const validate = compileSchema({ type: 'object', properties: { email: { type: 'string', format: 'email' } } });
    assert.equal(validate({ email: 'a@b.ru' }), true);
    assert.equal(validate({ email: 'nope' }), false);
    assert.equal(schemaCheckerKept(), false);
    assert.throws(
      () => compileSchema({ type: 'object', properties: { n: { type: 'string', minLength: -1 } } }),
      /schema is invalid: .*minLength/,
    );
    assert.throws(() => compileSchema({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'strin' }), /schema is invalid/);
    assert.equal(schemaCheckerKept(), false, 'not after a refusal either');
  });

  it('metaSchemaErrors keeps one, and later compiles check with it', () => {
    assert.deepEqual(metaSchemaErrors({ type: 'string' }), []);
    assert.equal(schemaCheckerKept(), true);
    assert.equal(metaSchemaErrors({ type: 'string', maxLength: 'x' } as unknown as JsonSchema)[0]?.instancePath, '/maxLength');
    assert.throws(
      () => compileSchema({ type: 'object', properties: { n: { type: 'string', maxLength: -2 } } }),
      /schema is invalid: .*maxLength/,
    );
  });
});
