/**
 * Generated client cards for the benchmarks: a JSON Schema (2020-12) with `n` input fields of
 * mixed types, grouped in sections (nested objects, some two levels deep) plus one repeating group
 * (an array of objects with three items), and a value that is valid except where noted.
 *
 * Deterministic (no randomness), so every run and every page measures the same card.
 * `n` counts rendered inputs: each leaf of a section and each leaf of each array item.
 */

/** Field kinds, in the order they repeat through the card. */
const KINDS = ['text', 'email', 'integer', 'enum', 'date', 'boolean', 'number', 'text'];
const ENUM = ['lead', 'prospect', 'client', 'partner', 'former'];
const ARRAY_ITEMS = 3;
/** The repeating group's item: four fields. */
const ITEM_PROPS = {
  fullName: { type: 'string', title: 'Full name', maxLength: 120 },
  email: { type: 'string', format: 'email', title: 'Email' },
  role: { type: 'string', enum: ['owner', 'buyer', 'accountant', 'other'], title: 'Role' },
  primary: { type: 'boolean', title: 'Primary contact' },
};
const ITEM_VALUE = (i) => ({ fullName: `Person ${i}`, email: `person${i}@example.com`, role: 'buyer', primary: i === 0 });
const SECTION_SIZE = 10;

function leafSchema(kind, i) {
  const title = `Field ${i} (${kind})`;
  switch (kind) {
    case 'text':
      return i % 16 === 7 ? { type: 'string', title, maxLength: 200 } : { type: 'string', title };
    case 'email':
      return { type: 'string', format: 'email', title };
    case 'integer':
      return { type: 'integer', minimum: 0, maximum: 1000, title };
    case 'number':
      return { type: 'number', minimum: -1e6, maximum: 1e6, title };
    case 'enum':
      return { type: 'string', enum: ENUM, title };
    case 'date':
      return { type: 'string', format: 'date', title };
    case 'boolean':
      return { type: 'boolean', title };
  }
  throw new Error(`unknown kind ${kind}`);
}

function leafValue(kind, i) {
  switch (kind) {
    case 'text':
      return `Value ${i}`;
    case 'email':
      return `user${i}@example.com`;
    case 'integer':
      return i % 1000;
    case 'number':
      return i * 1.5;
    case 'enum':
      return ENUM[i % ENUM.length];
    case 'date':
      return `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    case 'boolean':
      return i % 2 === 0;
  }
  return undefined;
}

/**
 * @param {number} n number of input fields (≥ 24)
 * @returns {{schema: object, value: object, fields: {pointer: string, kind: string}[], typingField: string, emailFields: string[]}}
 */
export function generateCard(n) {
  const arrayLeaves = ARRAY_ITEMS * Object.keys(ITEM_PROPS).length;
  const leaves = n - arrayLeaves;
  if (leaves < 12) throw new Error('generateCard: n must be at least 24');
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: `Client card (${n} fields)`,
    properties: {},
    required: [],
  };
  const value = {};
  const fields = [];
  let i = 0;
  let s = 0;
  const middleSection = Math.floor(leaves / SECTION_SIZE / 2);
  let typingField = '';
  const emailFields = [];
  while (i < leaves) {
    const key = `section${s}`;
    const section = { type: 'object', title: `Section ${s}`, properties: {}, required: [] };
    const sectionValue = {};
    const count = Math.min(SECTION_SIZE, leaves - i);
    // Every third section keeps half its fields in a nested subsection (a second object level).
    const nested = s % 3 === 2 && count >= 4;
    let target = section;
    let targetValue = sectionValue;
    let base = `/${key}`;
    for (let j = 0; j < count; j++, i++) {
      if (nested && j === Math.floor(count / 2)) {
        const sub = { type: 'object', title: `Section ${s}, details`, properties: {}, required: [] };
        section.properties.details = sub;
        sectionValue.details = {};
        target = sub;
        targetValue = sectionValue.details;
        base = `/${key}/details`;
      }
      const kind = KINDS[i % KINDS.length];
      const name = `f${i}`;
      target.properties[name] = leafSchema(kind, i);
      if (j === 0) target.required.push(name);
      const pointer = `${base}/${name}`;
      fields.push({ pointer, kind });
      // The email fields used for the validation test start empty (so one typed letter is
      // invalid); everything else starts valid.
      const isEmailProbe = kind === 'email' && s >= middleSection && emailFields.length < 3 && j !== 0;
      if (isEmailProbe) emailFields.push(pointer);
      else targetValue[name] = leafValue(kind, i);
      if (!typingField && s === middleSection && kind === 'text' && j !== 0) typingField = pointer;
    }
    schema.properties[key] = section;
    if (s === 0) schema.required.push(key);
    value[key] = sectionValue;
    s++;
    // The repeating group sits after the first section.
    if (s === 1) {
      schema.properties.contacts = {
        type: 'array',
        title: 'Contacts',
        items: { type: 'object', title: 'Contact', properties: ITEM_PROPS, required: ['fullName'] },
      };
      value.contacts = Array.from({ length: ARRAY_ITEMS }, (_, k) => ITEM_VALUE(k));
      for (let k = 0; k < ARRAY_ITEMS; k++) {
        for (const [p, sch] of Object.entries(ITEM_PROPS)) {
          fields.push({
            pointer: `/contacts/${k}/${p}`,
            kind: sch.enum ? 'enum' : sch.type === 'boolean' ? 'boolean' : sch.format === 'email' ? 'email' : 'text',
          });
        }
      }
    }
  }
  for (const sec of Object.values(schema.properties)) if (sec.required && sec.required.length === 0) delete sec.required;
  if (emailFields.length === 0) throw new Error('generateCard: no email probe field');
  return { schema, value, fields, typingField, emailFields, size: n };
}
