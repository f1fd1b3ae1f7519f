import { expect } from '@open-wc/testing';
import { Ajv2020, AjvDraft07, addFormats } from './ajv.js';

describe('ajv in the browser', () => {
  it('compiles a 2020-12 schema with formats', () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile({ type: 'string', format: 'email' });
    expect(validate('a@b.co')).to.equal(true);
    expect(validate('nope')).to.equal(false);
  });
  it('compiles a draft-07 schema', () => {
    const ajv = new AjvDraft07();
    expect(ajv.compile({ type: 'integer' })(1.5)).to.equal(false);
  });
});
