import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  cardRecordFields,
  withCardSettings,
  FieldAccess,
  FormController,
  collectReminderSpecs,
  compileSchema,
  dueReminders,
  validate,
  validateLayout,
  type JsonSchemaObject,
  type FieldNode,
  type FieldMessages,
  type LayoutDocument,
} from '@kartochka/core';
import {
  b2bClientCard,
  beautySalonCard,
  templates,
  recordFields,
  startFrom,
  templateCardSettings,
  type CardTemplate,
  type TemplateLayoutItem,
} from './index.js';

/** Every path of SEED-MAP.md's B2B card, as written there (`[]` marks an array of items). */
const SEED_PATHS = [
  'general.companyName',
  'general.legalForm',
  'general.activity.description',
  'general.activity.products',
  'general.activity.regions',
  'general.size.class',
  'general.size.turnover',
  'general.size.marketShare',
  'general.size.headcount',
  'general.size.branches',
  'general.size.marketCoverage',
  'general.size.exportCountries',
  'general.contacts.addresses[].kind',
  'general.contacts.addresses[].address',
  'general.contacts.phones[].label',
  'general.contacts.phones[].number',
  'general.contacts.emails[].label',
  'general.contacts.emails[].email',
  'general.requisites.bankAccounts[]',
  'general.requisites.codes',
  'general.requisites.registration.date',
  'general.requisites.registration.authority',
  'general.requisites.certificates[].name',
  'general.requisites.certificates[].number',
  'general.requisites.certificates[].validUntil',
  'general.geo.country',
  'general.geo.region',
  'general.geo.city',
  'general.responsibility.department',
  'general.responsibility.supervisor',
  'general.responsibility.manager',
  'category.segment',
  'category.priority',
  'category.clientType',
  'category.category',
  'category.conditions.package',
  'category.conditions.individual[].term',
  'category.conditions.individual[].value',
  'category.salesType',
  'category.salesKind',
  'category.planningType',
  'category.potential.unit',
  'category.potential.value',
  'category.potential.currency',
  'category.ourShare',
  ...[
    'fullName',
    'role',
    'position',
    'managementLevel',
    'phone',
    'email',
    'traits',
    'birthday',
    'maritalStatus',
    'motivators',
    'hobbies',
    'keyValues',
  ].map((k) => `roles.people[].${k}`),
  ...['period', 'turnover', 'margin', 'purchases', 'abcClass'].map((k) => `history.sales[].${k}`),
  ...['date', 'document', 'amount'].flatMap((k) => [`history.shipments[].${k}`, `history.payments[].${k}`]),
  'history.receivables.current',
  'history.receivables.overdue',
  'history.marketing.done[]',
  'history.marketing.inProgress[]',
  'history.marketing.costs[].period',
  'history.marketing.costs[].amount',
  'history.marketing.clientBrands[]',
  'history.marketing.loyaltyPrograms[]',
  ...['period', 'kind', 'type', 'cost'].map((k) => `history.service[].${k}`),
  ...['periodType', 'period', 'item', 'quantity', 'price'].map((k) => `plans.sales[].${k}`),
  ...['event', 'budget', 'materials', 'promo', 'dueDate'].map((k) => `plans.marketing[].${k}`),
  ...['action', 'dueDate', 'owner', 'status'].map((k) => `plans.actions[].${k}`),
  ...['service', 'date', 'notes'].map((k) => `plans.service[].${k}`),
  ...['at', 'channel', 'participants', 'result', 'nextContactAt'].map((k) => `relationship.interactions[].${k}`),
  'relationship.contactFrequency',
  'relationship.mailing.email',
  'relationship.mailing.sms',
  'relationship.loyalty.score',
  'relationship.loyalty.assessedAt',
  'relationship.satisfaction.lastScore',
  'relationship.satisfaction.survey',
  'relationship.satisfaction.remarks[].text',
  'relationship.satisfaction.remarks[].date',
  'relationship.satisfaction.remarks[].status',
  'relationship.satisfaction.resolvedPercent',
  'contract.number',
  'contract.signedAt',
  'contract.validUntil',
  'contract.file',
  'contract.renewalReminderDays',
];

/** `general.contacts.addresses[].kind` → `/general/contacts/addresses/*\/kind`. */
const toTemplate = (p: string) => '/' + p.replace(/\[\]/g, '.*').split('.').join('/');

function deref(root: JsonSchemaObject, s: JsonSchemaObject): JsonSchemaObject {
  let cur = s;
  for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
    const { $ref, ...rest } = cur;
    const name = ($ref as string).replace('#/$defs/', '');
    cur = { ...((root.$defs as Record<string, JsonSchemaObject>)[name] ?? {}), ...rest };
  }
  return cur;
}

/** The schema at a pointer template, following local `$ref`s; `undefined` when absent. */
function schemaAt(root: JsonSchemaObject, template: string): JsonSchemaObject | undefined {
  let cur: JsonSchemaObject | undefined = deref(root, root);
  for (const token of template.split('/').slice(1)) {
    if (!cur) return undefined;
    if (token === '*')
      cur = cur.type === 'array' && cur.items && typeof cur.items === 'object' ? deref(root, cur.items as JsonSchemaObject) : undefined;
    else cur = (cur.properties as Record<string, JsonSchemaObject> | undefined)?.[token];
    if (cur) cur = deref(root, cur);
  }
  return cur;
}

/** Every pointer template the schema describes (arrays of scalars stop at the array). */
function templatesOf(root: JsonSchemaObject, s: JsonSchemaObject = root, at = ''): string[] {
  const r = deref(root, s);
  const out: string[] = at ? [at] : [];
  if (r.properties)
    for (const [k, sub] of Object.entries(r.properties as Record<string, JsonSchemaObject>))
      out.push(...templatesOf(root, sub, `${at}/${k}`));
  if (r.type === 'array' && r.items && typeof r.items === 'object') {
    const item = deref(root, r.items as JsonSchemaObject);
    if (item.type === 'object') out.push(...templatesOf(root, item, `${at}/*`).filter((t) => t !== `${at}/*`));
  }
  return out;
}

const entry = (m: CardTemplate<unknown>['messages'], locale: 'ru' | 'en', t: string): FieldMessages | undefined => {
  const e = m[locale]?.[t];
  return typeof e === 'string' ? { title: e } : e;
};

/** Walks every node a card would render for the data. */
function allNodes(c: FormController): FieldNode[] {
  const out: FieldNode[] = [];
  const walk = (n: FieldNode) => {
    out.push(n);
    if (n.kind === 'object' || n.kind === 'array') for (const child of c.children(n.pointer)) walk(child);
  };
  walk(c.root);
  return out;
}

function layoutPointers(items: readonly TemplateLayoutItem[]): string[] {
  return items.flatMap((i) => (typeof i === 'string' ? [i] : layoutPointers(i.items)));
}

for (const template of templates) {
  describe(`template ${template.id}`, () => {
    test('the schema compiles with ajv (2020-12) and the sample is valid', () => {
      assert.equal(template.schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.doesNotThrow(() => compileSchema(template.schema));
      const r = validate(template.schema, template.sample);
      assert.deepEqual(r.errors, [], JSON.stringify(r.errors, null, 2));
      assert.equal(r.valid, true);
    });

    test('every field has a label in Russian and English, every option too', () => {
      const missing: string[] = [];
      for (const t of templatesOf(template.schema)) {
        const s = schemaAt(template.schema, t)!;
        for (const locale of ['ru', 'en'] as const) {
          const e = entry(template.messages, locale, t);
          if (!e?.title) missing.push(`${locale} ${t}`);
          const values =
            (s.enum as string[] | undefined) ??
            (s.type === 'array' ? (deref(template.schema, s.items as JsonSchemaObject).enum as string[] | undefined) : undefined);
          for (const v of values ?? []) if (!e?.options?.[v]) missing.push(`${locale} ${t} option ${v}`);
        }
      }
      assert.deepEqual(missing, []);
    });

    test('the catalogue names no field the schema lacks', () => {
      // '' is the card itself (the title of a printed blank).
      const known = new Set(['', ...templatesOf(template.schema)]);
      for (const locale of ['ru', 'en'] as const) {
        assert.deepEqual(
          Object.keys(template.messages[locale] ?? {}).filter((t) => !known.has(t)),
          [],
          locale,
        );
      }
    });

    test('the layout names existing fields, each once, and every top-level field is placed', () => {
      const pointers = template.layout.items.flatMap((s) => layoutPointers(s.items));
      assert.deepEqual(
        pointers.filter((p) => !schemaAt(template.schema, p)),
        [],
      );
      assert.equal(new Set(pointers).size, pointers.length, 'a pointer appears twice');
      for (const section of Object.keys(template.schema.properties as object)) {
        assert.ok(
          pointers.some((p) => p === `/${section}` || p.startsWith(`/${section}/`)),
          `section /${section} is not in the layout`,
        );
      }
      for (const s of template.layout.items) assert.ok(s.title.ru && s.title.en, `section ${s.id} is titled in both languages`);
    });

    test('the layout is valid for the core layout format', () => {
      const layout: LayoutDocument = template.layout; // the template type is a stricter form of the core one
      assert.deepEqual(validateLayout(layout, template.schema).errors, []);
    });

    test('a FormController builds every node of the sample without the raw JSON editor, and no rule has problems', () => {
      for (const value of [template.sample, {}]) {
        const c = new FormController(template.schema, {
          value: structuredClone(value) as never,
          messages: template.messages,
          locale: 'ru',
        });
        assert.equal(c.schemaError, undefined);
        assert.deepEqual(c.ruleIssues, []);
        const fallbacks = allNodes(c).filter((n) => n.kind === 'fallback' || n.widget === 'kc-json-field');
        assert.deepEqual(
          fallbacks.map((n) => `${n.pointer}: ${n.fallbackReason}`),
          [],
        );
      }
    });

    test('the formulas leave the sample as it is (its computed values are right)', () => {
      const c = new FormController(template.schema, { value: structuredClone(template.sample) as never });
      assert.deepEqual(c.value, template.sample);
    });

    test('recordFields gives the title and the indexed values', () => {
      const r = recordFields(template, template.sample);
      assert.ok(r.title.length > 0);
      for (const [name, pointer] of Object.entries(template.listing.indexed))
        assert.ok(schemaAt(template.schema, pointer), `${name} → ${pointer}`);
    });
  });
}

describe('b2bClientCard', () => {
  const { schema, sample, messages } = b2bClientCard;

  test('every path of SEED-MAP.md is in the schema', () => {
    assert.deepEqual(
      SEED_PATHS.map(toTemplate).filter((t) => !schemaAt(schema, t)),
      [],
    );
  });

  test('the enums of SEED-MAP.md have its values', () => {
    const values = (t: string) => schemaAt(schema, t)?.enum;
    assert.deepEqual(values('/general/size/class'), ['small', 'medium', 'large', 'corporation']);
    assert.deepEqual(values('/category/priority'), ['A', 'B', 'C']);
    assert.deepEqual(values('/category/clientType'), ['potential', 'pencilled', 'active', 'passive']);
    assert.deepEqual(values('/category/salesType'), ['active', 'activePassive', 'passive']);
    assert.deepEqual(values('/category/salesKind'), ['qualitative', 'quantitative']);
    assert.deepEqual(values('/category/planningType'), ['targeted', 'statistical', 'byCategory']);
    assert.deepEqual(values('/roles/people/*/role'), ['P', 'KK', 'K']);
    assert.deepEqual(values('/history/service/*/kind'), ['warranty', 'postWarranty']);
    assert.deepEqual(values('/relationship/interactions/*/channel'), ['meeting', 'call', 'email', 'sms']);
    assert.deepEqual(values('/relationship/contactFrequency'), ['weekly', 'monthly', 'quarterly']);
    assert.deepEqual(values('/relationship/satisfaction/remarks/*/status'), ['open', 'done']);
    for (const t of ['/general/legalForm', '/category/segment', '/roles/people/*/role', '/category/category']) {
      assert.equal(schemaAt(schema, t)?.['x-editableOptions'], true, `${t} is editable`);
    }
  });

  test('widgets and formats the map asks for', () => {
    assert.equal(schemaAt(schema, '/relationship/loyalty/score')?.['x-widget'], 'rating');
    assert.equal(schemaAt(schema, '/contract/file')?.['x-widget'], 'file');
    assert.equal(schemaAt(schema, '/general/activity/products')?.['x-widget'], 'tags');
    assert.equal(schemaAt(schema, '/general/contacts/emails/*/email')?.format, 'email');
    assert.equal(schemaAt(schema, '/general/contacts/phones/*/number')?.format, 'phone');
    assert.equal(schemaAt(schema, '/roles/people/*/birthday')?.format, 'date');
    assert.equal(schemaAt(schema, '/relationship/interactions/*/at')?.format, 'date-time');
    assert.deepEqual(Object.keys(schemaAt(schema, '/general/size/turnover')!.properties as object), ['amount', 'currency']);
  });

  test('loyalty options carry the meaning of every score in both languages; 5 is the seed’s', () => {
    for (const locale of ['ru', 'en'] as const) {
      const o = entry(messages, locale, '/relationship/loyalty/score')!.options!;
      assert.deepEqual(Object.keys(o), ['1', '2', '3', '4', '5']);
    }
    assert.match(entry(messages, 'ru', '/relationship/loyalty/score')!.options!['5'], /продвигает и рекомендует/);
    assert.match(entry(messages, 'en', '/relationship/loyalty/score')!.options!['5'], /promotes and recommends/);
  });

  test('ourShare = actual ÷ potential × 100', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.getValue('/category/ourShare'), 35);
    c.setValue('/category/actualVolume', 1000000);
    assert.equal(c.getValue('/category/ourShare'), 8.3);
    c.setValue('/category/potential/value', 0);
    assert.equal(c.getValue('/category/ourShare'), undefined, 'no share of a zero potential');
  });

  test('resolvedPercent = done ÷ all remarks × 100, empty without remarks', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.getValue('/relationship/satisfaction/resolvedPercent'), 66.7);
    c.setValue('/relationship/satisfaction/remarks/2/status', 'done');
    assert.equal(c.getValue('/relationship/satisfaction/resolvedPercent'), 100);
    c.setValue('/relationship/satisfaction/remarks', []);
    assert.equal(c.getValue('/relationship/satisfaction/resolvedPercent'), undefined);
  });

  test('the survey average and the total turnover', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.getValue('/relationship/satisfaction/survey/averageScore'), 4.2);
    assert.equal(c.getValue('/history/totalTurnover'), 4200000);
    c.setValue('/relationship/satisfaction/survey/priceTerms', undefined);
    assert.equal(c.getValue('/relationship/satisfaction/survey/averageScore'), undefined, 'empty until every question is answered');
  });

  test('"other" legal form shows and requires the free-text field', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.state('/general/legalFormOther').visible, false);
    c.setValue('/general/legalForm', 'other');
    assert.equal(c.state('/general/legalFormOther').visible, true);
    assert.equal(c.state('/general/legalFormOther').required, true);
  });

  test('the money field, the rating and the computed share get their widgets', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.node('/general/size/turnover')?.widget, 'kc-money-field');
    assert.equal(c.node('/relationship/loyalty/score')?.widget, 'kc-rating');
    assert.equal(c.node('/contract/file')?.widget, 'kc-file-field');
    assert.equal(c.node('/category/ourShare')?.computed, true);
    assert.equal(c.node('/general/size/exportCountries')?.widget, 'kc-multi-select');
  });
});

describe('b2bClientCard reminders', () => {
  const specs = collectReminderSpecs(b2bClientCard.schema);
  const rec = { id: 'c-1', title: 'Волжская керамика', data: b2bClientCard.sample };

  test('birthdays of key people, certificates, actions, next contacts and the contract renewal', () => {
    assert.deepEqual(specs.map((s) => s.template).sort(), [
      '/contract/validUntil',
      '/general/requisites/certificates/*/validUntil',
      '/plans/actions/*/dueDate',
      '/relationship/interactions/*/nextContactAt',
      '/roles/people/*/birthday',
    ]);
  });

  test('the sample in the first half of 2027', () => {
    const r = dueReminders([rec], specs, { from: '2027-01-01', to: '2027-06-30' });
    const by = (p: string) => r.filter((x) => x.pointer === p).map((x) => [x.dueDate, x.who, x.title.ru]);
    assert.deepEqual(by('/contract/validUntil'), [
      ['2027-03-16', 'Петров Андрей Сергеевич', 'Продлить договор ДП-2025/015 (Волжская керамика)'],
    ]);
    assert.deepEqual(by('/roles/people/0/birthday'), [
      ['2027-02-25', 'Петров Андрей Сергеевич', 'День рождения: Соколов Игорь Николаевич (Волжская керамика)'],
    ]);
    assert.deepEqual(by('/roles/people/2/birthday'), [
      ['2027-06-27', 'Петров Андрей Сергеевич', 'День рождения: Лебедев Максим Олегович (Волжская керамика)'],
    ]);
    assert.deepEqual(by('/plans/actions/1/dueDate'), [
      ['2027-01-20', 'Кузнецова Ольга Викторовна', 'Срок: Провести обучение продавцов (Волжская керамика)'],
    ]);
    assert.deepEqual(
      by('/general/requisites/certificates/0/validUntil').map((x) => x[0]),
      ['2027-01-29'],
    );
  });
});

describe('beautySalonCard', () => {
  const { schema, sample } = beautySalonCard;

  test('the anamnesis is for masters (read and write) and the owner (read) only', () => {
    assert.deepEqual(schemaAt(schema, '/anamnesis')?.['x-access'], { read: ['master', 'admin'], write: ['master'] });
    const reception = new FieldAccess(schema, ['editor']);
    assert.equal(reception.readable('/anamnesis/allergies'), false);
    assert.equal(reception.readable('/personal/fullName'), true);
    assert.equal(new FieldAccess(schema, ['admin']).writable('/anamnesis/allergies'), false);
    assert.equal(new FieldAccess(schema, ['editor', 'master']).writable('/anamnesis/allergies'), true);
  });

  test('the anamnesis and its fields are marked sensitive', () => {
    assert.equal(schemaAt(schema, '/anamnesis')?.['x-sensitive'], true);
    for (const k of ['chronicConditions', 'allergies', 'medications', 'pregnancyOrLactation', 'contraindications']) {
      assert.equal(schemaAt(schema, `/anamnesis/${k}`)?.['x-sensitive'], true, k);
    }
  });

  test('visits count and total spent are computed', () => {
    const c = new FormController(schema, { value: structuredClone(sample) as never });
    assert.equal(c.getValue('/loyalty/visitsCount'), 2);
    assert.equal(c.getValue('/loyalty/totalSpent'), 12500);
  });

  test('the next visit has a reminder', () => {
    assert.equal((schemaAt(schema, '/visits/*/nextVisit')?.['x-reminder'] as { offsetDays: number }).offsetDays, -1);
  });
});

test('startFrom gives an independent copy', () => {
  const copy = startFrom(b2bClientCard, 'my-card');
  assert.equal(copy.id, 'my-card');
  (copy.schema.properties as Record<string, unknown>).extra = { type: 'string' };
  assert.equal((b2bClientCard.schema.properties as Record<string, unknown>).extra, undefined);
});

describe('templateCardSettings', () => {
  test('a template declares its card settings from its listing: columns, filters with options, chips', () => {
    const s = templateCardSettings(b2bClientCard as CardTemplate<unknown>);
    assert.equal(s.title, '/general/companyName');
    assert.ok(s.columns.includes('/category/segment'));
    assert.ok(s.filters.includes('/category/segment'), 'segment has named options, so it filters');
    assert.deepEqual(s.summary, b2bClientCard.listing.summary);
    const { title, indexed } = cardRecordFields(s, b2bClientCard.sample);
    assert.equal(title, recordFields(b2bClientCard as CardTemplate<unknown>, b2bClientCard.sample).title);
    assert.equal(indexed['/category/segment'], (b2bClientCard.sample as { category: { segment: string } }).category.segment);
  });
  test('a schema that carries x-card wins over the listing', () => {
    const own = { title: '{/general/companyName} ({/general/inn})', columns: [], filters: [], summary: [] };
    const t = { ...b2bClientCard, schema: withCardSettings(b2bClientCard.schema, own) } as CardTemplate<unknown>;
    assert.deepEqual(templateCardSettings(t), own);
  });
});
