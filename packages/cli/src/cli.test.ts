/**
 * The `kartochka` command as a user runs it: the real bin in a child process (from the sources,
 * through the @kartochka/source condition), its stdout, stderr and exit code.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { b2bClientCard } from '@kartochka/templates';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/bin/kartochka.js');
// Inside the repository, so a generated module's imports (ajv, @kartochka/core) resolve.
let dir: string;

function kartochka(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--conditions=@kartochka/source', '--import', 'tsx', bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const write = (name: string, value: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

before(() => {
  dir = mkdtempSync(join(root, 'packages/cli/.test-'));
  write('b2b-client-card.schema.json', b2bClientCard.schema);
  write('b2b.layout.json', b2bClientCard.layout);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('kartochka', () => {
  it('--help lists the commands; each command has its own --help', () => {
    const top = kartochka('--help');
    assert.equal(top.code, 0);
    for (const c of ['types', 'lint', 'migrate', 'precompile']) assert.match(top.stdout, new RegExp(`^  ${c} `, 'm'));
    for (const c of ['types', 'lint', 'migrate', 'precompile']) {
      const r = kartochka(c, '--help');
      assert.equal(r.code, 0, c);
      assert.match(r.stdout, new RegExp(`^Usage: kartochka ${c} `), c);
    }
  });

  it('usage errors exit 2 with a message that says what to do, in the asked language', () => {
    assert.equal(kartochka().code, 2);
    const unknown = kartochka('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "frobnicate"\. Run `kartochka --help`\./);
    const missing = kartochka('types', '--lang', 'ru');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Не указан schema\.json\. Запустите `kartochka types --help`\./);
    const badOption = kartochka('lint', 'x.json', '--frob');
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /--frob/);
    const notFound = kartochka('lint', 'nope.json', '--lang', 'de');
    assert.equal(notFound.code, 2);
    assert.match(notFound.stderr, /nope\.json kann nicht gelesen werden: ENOENT/);
    write('broken.json', '{"type": ');
    const broken = kartochka('lint', 'broken.json');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^broken\.json is not valid JSON: /);
  });

  it('types: the same types as the template ships (packages/templates/src/generated)', () => {
    const r = kartochka('types', 'b2b-client-card.schema.json', '--name', 'B2BClientCard', '--out', 'b2b.ts');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Wrote b2b\.ts\./);
    const shipped = readFileSync(join(root, 'packages/templates/src/generated/b2b-client-card.ts'), 'utf8');
    const body = (s: string) => s.slice(s.indexOf('export '));
    assert.equal(body(readFileSync(join(dir, 'b2b.ts'), 'utf8')), body(shipped));
    write('acme-client.schema.json', {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string' }, staff: { type: 'integer' } },
    });
    assert.match(
      kartochka('types', 'acme-client.schema.json').stdout,
      /export interface AcmeClient \{\n {2}name: string;\n {2}staff\?: number;\n\}/,
      'named after the file',
    );
  });

  it('lint: a good card passes (exit 0); schema, layout and rule problems are listed with pointers (exit 1)', () => {
    const good = kartochka('lint', 'b2b-client-card.schema.json', 'b2b.layout.json');
    assert.equal(good.code, 0, good.stdout + good.stderr);
    assert.match(good.stderr, /No problems/);

    write('bad-type.json', { type: 'object', properties: { a: { type: 'strnig' } } });
    const badType = kartochka('lint', 'bad-type.json');
    assert.equal(badType.code, 1);
    assert.match(badType.stdout, /^bad-type\.json \/properties\/a\/type {2}schema: /m);

    write('rules.json', {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        note: { type: 'string', 'x-rules': { visible: { '==': [{ var: '/nokind' }, 'x'] } } },
        total: { type: 'number', 'x-formula': { frobnicate: [1] } },
      },
    });
    write('layout.json', { version: 1, items: [{ type: 'section', id: 's', items: ['/kind', '/missing'] }] });
    const r = kartochka('lint', 'rules.json', 'layout.json', '--json');
    assert.equal(r.code, 1);
    const problems = JSON.parse(r.stdout) as { source: string; path: string; message: string }[];
    assert.ok(
      problems.some((p) => p.source === 'layout' && p.message === 'The schema has no field "/missing".'),
      r.stdout,
    );
    assert.ok(
      problems.some((p) => p.source === 'rule' && /nokind/.test(p.message)),
      r.stdout,
    );
    assert.ok(
      problems.some((p) => p.source === 'rule' && /frobnicate/.test(p.message)),
      r.stdout,
    );
  });

  it("migrate: exported records follow the published versions' stored steps", () => {
    write('versions.json', [
      { schemaId: 'c', version: 1, schema: { type: 'object', properties: { name: { type: 'string' }, staff: { type: 'integer' } } } },
      {
        schemaId: 'c',
        version: 2,
        schema: {
          type: 'object',
          properties: { companyName: { type: 'string' }, staff: { type: 'string' } },
          'x-kc-migrations': {
            from: 1,
            steps: [
              { from: '/name', to: '/companyName' },
              { at: '/staff', convert: 'numberToString' },
            ],
          },
        },
      },
    ]);
    write('records.json', [
      { id: 'a', schemaId: 'c', schemaVersion: 1, data: { name: 'Acme', staff: 12 } },
      { id: 'b', schemaId: 'c', schemaVersion: 2, data: { companyName: 'Beta' } },
    ]);
    const r = kartochka('migrate', 'records.json', '--versions', 'versions.json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [
      { id: 'a', schemaId: 'c', schemaVersion: 2, data: { companyName: 'Acme', staff: '12' } },
      { id: 'b', schemaId: 'c', schemaVersion: 2, data: { companyName: 'Beta' } },
    ]);
    assert.match(r.stderr, /1 record\(s\) migrated to version 2; 1 already there\./);
    const badTo = kartochka('migrate', 'records.json', '--versions', 'versions.json', '--to', '5');
    assert.equal(badTo.code, 2);
    assert.match(badTo.stderr, /--to must be a published version \(1–2\), not "5"\./);
    assert.equal(kartochka('migrate', 'records.json').code, 2, '--versions is required');
  });

  it('precompile: a module whose validator checks data without compiling anything at run time', async () => {
    const r = kartochka('precompile', 'b2b-client-card.schema.json', '--out', 'validator.mjs');
    assert.equal(r.code, 0, r.stderr);
    const mod = (await import(pathToFileURL(join(dir, 'validator.mjs')).href)) as { default: (d: unknown) => boolean };
    assert.equal(mod.default(b2bClientCard.sample), true);
    assert.equal(mod.default({ general: { companyName: 42 } }), false);
  });
});
