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

describe('schema patterns in the browser', () => {
  it('run on RE2 (linear time): a catastrophic-backtracking pattern answers at once', async () => {
    const { validate } = await import('./validator.js');
    const errors = validate({ type: 'string', pattern: '^(a+)+$' }, `${'a'.repeat(40)}!`).errors;
    expect(errors.map((e) => e.keyword)).to.deep.equal(['pattern']);
    expect(validate({ type: 'string', pattern: '^[\\p{L} ]+$' }, 'Ромашка').valid).to.equal(true);
  });
});
