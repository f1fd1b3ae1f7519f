/**
 * The public surface of every package: what its root (`@kartochka/x`) exports is a reviewed list,
 * so a new root export is a decision made in review, not a side effect of an `export *`; no two
 * packages export the same name at their roots unless it is the same binding re-exported on
 * purpose (listed below) or a React wrapper named after the element class it wraps; and every
 * subpath is declared alike (source, types and built file side by side). Helpers the packages share
 * live in subpaths: `@kartochka/core/internal`, `@kartochka/storage/backend`,
 * `@kartochka/builder/model` (docs/adopting.md, "Public API and subpaths").
 *
 * A failure names what was added or removed: if it is meant, edit ROOTS (and the docs).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;

/** Each package root's exports, sorted; `type X` marks a type-only name. */
const ROOTS: Record<string, string> = {
  i18n: `
    fallbackChain formatMessage hasMessage loadTranslations plural registerTranslation registerTranslationLoader
    registeredLocales translate translationsLoaded
    type Catalogue type Locale type Message type MessageParams type RegisterOptions type Translation type TranslationDomains
    type TranslationLoader`,
  core: `
    ExpressionError FALLBACK_KEYWORD FieldAccess FormController FormulaPrintError ImportPlanner MAX_DEPTH MAX_FIELD_DEPTH
    NOT_APPLICABLE RANK RuleGraph SECTIONS_MODES SchemaCompileError VALIDATOR_CACHE_SIZE ValidationUnavailableError WidgetRegistry
    cardIndexed cardRecordFields cardSettingsOf cardTitle classifyPath clearValidatorCache collectReminderSpecs collectRules
    compileSchema convertCell createSchemaContext dataContext deepEqual defaultCardSettings defaultLayout defaultRegistry
    defaultValue defaultWidgets dependencies deref describeType detectHeader dueReminders effectiveSchema evaluate formatIs
    formulaMessages hasItemOptions hasOptions importFields isComputed isDynamic itemOptionsOf kindIs layoutMessages
    layoutSchema loadTranslations loadValidationRuntime localize mapPaths matchColumns matches metaSchemaErrors migrateRecord
    moveCardSettings optionsOf parseFormula printFormula rankWith registerTranslation registerTranslationLoader renderable
    resolveLayout roleLabel
    schemaDialect toFieldErrors toICalendar typeIs unplaced validate validateExpression validateLayout validationMessages
    validatorCacheStats walkExpression withCardSettings
    type AccessError type AccessRule type BranchOption type CardSettings type Cell type ChangeDetail type Conversion
    type ConvertErrorCode type Converted type Dependency type Deref type Dialect type Draft type EffectiveOptions
    type EffectiveSchema type ErrorSource type EvalContext type ExistingCard type Expression type ExpressionProblem
    type ExpressionVisitor type FieldError type FieldKind type FieldMessages type FieldNode type FieldState type FormOptions
    type FormulaErrorCode type FormulaField type FormulaMessages type FormulaParseResult type FormulaTextError
    type FormulaTextOptions type ICalendarOptions type ImportAction type ImportField type ImportFieldKind type ImportOption
    type ImportProblem type JsonObject type JsonPrimitive type JsonSchema type JsonSchemaObject type JsonValue
    type LayoutDocument type LayoutError type LayoutField type LayoutGroup type LayoutItem type LayoutMessages
    type LayoutRules type LayoutSection type LayoutValidationResult type Locale type MessageCatalogue type MigrationStep
    type PathSite type PlanOptions type PlannedRow type PrecompiledValidator type Reminder type ReminderConfig
    type ReminderPeriod type ReminderRecord type ReminderSpec type ReminderText type Renderability type ResolveLayoutOptions
    type ResolvedField type ResolvedGroup type ResolvedItem type ResolvedLayout type ResolvedSection type RestrictedField
    type RuleGraphOptions type RuleInstance type RuleKind type RuleProblem type RuleSpec type SchemaContext
    type SchemaOption type SectionsMode type StoredMigrations type Translation type TypeInfo type ValidateLayoutOptions
    type ValidationMode type ValidationResult type VarPath type VersionedSchema type WidgetContext type WidgetEntry
    type WidgetTester type XRules`,
  storage: `
    ConflictError DB_VERSION DuplicateError ForbiddenError IndexedDbAdapter MemoryAdapter NotFoundError QuotaExceededError
    RateLimitedError RestAdapter StorageError UnauthorizedError UnavailableError ValidationError acceptsFile asLocalFile
    blobOfDataUrl changedPaths diff formatStorageMessage isFileRef localFilesIn parseAccept replaceAt retryAfterMs sha256Hex
    storageMessages
    type CardRecord type Change type ChangeEvent type DeleteOptions type FileRef type FileUpload type IndexRange
    type IndexedDbAdapterOptions type IndexedValue type KartochkaDB type ListQuery type ListResult type LocalFile
    type MemoryAdapterOptions type NewOrUpdatedRecord type PublishSchemaInput type PutOptions type RequestOptions
    type RestAdapterOptions type Revision type SchemaInfo type SchemaSummary type SchemaVersion type SortField
    type StorageAdapter type StorageErrorCode type StorageFieldError type StorageMessageKey type UniqueMatch
    type WatchCallback`,
  templates: `
    b2bClientCard beautySalonCard loyaltyScale recordFields startFrom templateById
    templateCardSettings templates
    type B2BClientCard type B2BClientCardTypes type BeautySalonCard type BeautySalonCardTypes type CardTemplate type LocalizedText type TemplateLayout
    type TemplateLayoutGroup type TemplateLayoutItem type TemplateLayoutSection type TemplateListing`,
  elements: `
    DEFAULT_CURRENCIES DEFAULT_MAX_FILE_SIZE KcArrayField KcCalendar KcCalendarCloseEvent KcCard KcCardList
    KcCardSummary KcChangeEvent KcCheckbox KcComputedField KcDateField KcDatePickEvent KcDateTimeField KcDuplicates
    KcEmailField KcExportEvent KcFieldElement KcFieldView KcFileField KcFileRequestEvent KcHistory KcImportEvent
    KcInvalidEvent KcJsonField KcMoneyField KcMultiSelect KcNumberField KcObjectGroup KcOpenEvent KcPercentField
    KcPhoneField KcRadioGroup KcRating KcReminders KcSaveEvent KcSavedEvent KcSection KcSelect KcStorageStatusEvent
    KcSubmitEvent KcSwitch KcTableField KcTagsField KcTextField KcTextarea KcTimeField KcUrlField defineElement deleteView
    duplicateGroups formatComputed formatMoney formatScalar loadTranslations loadViews parseLocaleNumber registerTranslation
    registerTranslationLoader saveView
    uiStrings viewQuery viewsKey
    type CardListBulkField type CardListColumn type CardListFilter type CardListRange type CardMode type CardPersistence type CardTheme
    type DuplicateGroup type FileValue type KcChangeDetail type KcExportDetail type KcFileRequestDetail type KcOpenDetail
    type KcSaveDetail type KcStorageStatusDetail type Locale type PersistenceOptions type PersistenceStatus type SavedView
    type Translation type UiStrings`,
  builder: `
    BuilderStore KcBuilder KcBuilderCanvas KcBuilderChangeEvent KcBuilderInspector KcBuilderJson KcBuilderPalette
    KcBuilderPreview KcBuilderPublish KcPublishEvent builderStrings
    type BuilderStringKey type KcPublishDetail type PaletteDragData`,
  react: `
    KcArrayField KcCalendar KcCard KcCardExport KcCardList KcCardSummary KcCheckbox KcComputedField
    KcDateField KcDateTimeField KcDuplicates KcEmailField KcFieldView KcFileField KcHistory KcImport KcJsonField
    KcMoneyField KcMultiSelect KcNumberField KcObjectGroup KcPercentField KcPhoneField KcRadioGroup KcRating KcReminders
    KcSection KcSelect KcStoragePanel KcSwitch KcTableField KcTagsField KcTextField KcTextarea KcTimeField KcUrlField
    type KcCardElement`,
  vue: `isKartochkaElement`,
  server: `
    DEFAULT_BODY_LIMIT DEFAULT_CORS_ORIGINS PgCardStore SqliteCardStore bearerChecker createApp createServer migrate
    migrations openStore pgMigrations
    type AppOptions type CardStore type PutResult type RunningServer type ServerOptions type StoreListQuery
    type StoreListResult`,
  cli: `
    cliStrings lintCard main migrateRecords schemaToTypes typeNameOf
    type CliStrings type ExportedRecord type LintProblem type MigrationResult type PublishedVersion`,
};

/**
 * Names more than one root exports as the same binding, on purpose: the message registry's entry
 * points, so an app that installs only core or only the elements can add a language
 * (docs/i18n.md). Each is checked to be one binding, not two things under one name.
 */
const SAME_BINDING: Record<string, string[]> = {
  registerTranslation: ['i18n', 'core', 'elements'],
  registerTranslationLoader: ['i18n', 'core', 'elements'],
  loadTranslations: ['i18n', 'core', 'elements'],
  Locale: ['i18n', 'core', 'elements'],
  Translation: ['i18n', 'core', 'elements'],
};

/**
 * `@kartochka/react` names each component after the element class it wraps (`KcCard` wraps the
 * element `KcCard`; the element's own type is `KcCardElement` there), as React wrappers of web
 * components do. An app imports one or the other, not both.
 */
const WRAPPERS = { package: 'react', wraps: 'elements' };

const packageDirs = readdirSync(join(root, 'packages')).filter((d) => existsSync(join(root, 'packages', d, 'package.json')));
type Exports = Record<string, string | Record<string, string>>;
const manifest = (dir: string): { name: string; exports: Exports } =>
  JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
const rootSource = (dir: string): string =>
  join(root, 'packages', dir, (manifest(dir).exports['.'] as Record<string, string>)['@kartochka/source']);

interface Exported {
  name: string;
  type: boolean;
  symbol: ts.Symbol;
}

/** Whether an export reaches its declaration through an `export type`/`import type` on the way. */
function typeOnly(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  for (let s: ts.Symbol | undefined = symbol; s && s.flags & ts.SymbolFlags.Alias; s = checker.getImmediateAliasedSymbol(s)) {
    if (s.declarations?.some((d) => ts.isTypeOnlyImportOrExportDeclaration(d))) return true;
  }
  return false;
}

describe('the public surface', () => {
  const roots = new Map<string, Exported[]>();

  before(() => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.check.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )!;
    const program = ts.createProgram(packageDirs.map(rootSource), { ...config.options, noEmit: true });
    const checker = program.getTypeChecker();
    for (const dir of packageDirs) {
      const file = program.getSourceFile(rootSource(dir))!;
      const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).map((e) => {
        const symbol = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
        return { name: e.name, type: !(symbol.flags & ts.SymbolFlags.Value) || typeOnly(checker, e), symbol };
      });
      roots.set(dir, exported);
    }
  });

  it('every package root is in the reviewed list', () => {
    assert.deepEqual(Object.keys(ROOTS).sort(), [...packageDirs].sort(), 'ROOTS names every package');
  });

  for (const dir of Object.keys(ROOTS)) {
    it(`@kartochka/${dir} exports at its root exactly the reviewed names`, () => {
      const actual = roots.get(dir)!.map((e) => (e.type ? `type ${e.name}` : e.name));
      const reviewed = ROOTS[dir]!.replace(/\btype\s+/g, 'type:')
        .trim()
        .split(/\s+/)
        .map((n) => n.replace('type:', 'type '));
      const added = actual.filter((n) => !reviewed.includes(n)).sort();
      const removed = reviewed.filter((n) => !actual.includes(n)).sort();
      assert.deepEqual(
        { added, removed },
        { added: [], removed: [] },
        `@kartochka/${dir}'s root changed. A root export is public API (docs/adopting.md): export a helper from a subpath (core/internal, storage/backend, builder/model), or add the name to ROOTS here.`,
      );
    });
  }

  it('no two package roots export the same name, except the same binding on purpose and the React wrappers', () => {
    const owners = new Map<string, Exported[]>();
    const dirOf = new Map<Exported, string>();
    for (const [dir, list] of roots) {
      for (const e of list) {
        owners.set(e.name, [...(owners.get(e.name) ?? []), e]);
        dirOf.set(e, dir);
      }
    }
    const clashes: string[] = [];
    for (const [name, list] of owners) {
      if (list.length < 2) continue;
      const dirs = list.map((e) => dirOf.get(e)!).sort();
      const allowed = SAME_BINDING[name];
      if (allowed) {
        assert.deepEqual(dirs, [...allowed].sort(), `${name} is exported by ${dirs.join(', ')}; SAME_BINDING says ${allowed.join(', ')}`);
        assert.equal(
          new Set(list.map((e) => e.symbol)).size,
          1,
          `${name}: the roots of ${dirs.join(', ')} export different bindings under one name`,
        );
        continue;
      }
      const isWrapper =
        dirs.length === 2 &&
        dirs.includes(WRAPPERS.package) &&
        dirs.includes(WRAPPERS.wraps) &&
        /^Kc[A-Z]/.test(name) &&
        list.every((e) => !e.type);
      if (!isWrapper) clashes.push(`${name} (${dirs.join(', ')})`);
    }
    assert.deepEqual(clashes, [], 'names exported by more than one package root');
    for (const name of Object.keys(SAME_BINDING)) assert.ok(owners.has(name), `SAME_BINDING lists ${name}, which no root exports any more`);
  });

  it('every subpath is declared alike: its source, its types and its built file side by side', () => {
    for (const dir of packageDirs) {
      const { name, exports } = manifest(dir);
      for (const [subpath, target] of Object.entries(exports)) {
        if (typeof target === 'string') continue; // ./package.json, data files
        const source = target['@kartochka/source'];
        assert.ok(source && existsSync(join(root, 'packages', dir, source)), `${name} ${subpath}: no source file ${source}`);
        assert.deepEqual(Object.keys(target)[0], '@kartochka/source', `${name} ${subpath}: the source condition comes first`);
        const built = source.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '');
        assert.equal(target.import, `${built}.js`, `${name} ${subpath}: "import"`);
        if (target.types !== undefined) assert.equal(target.types, `${built}.d.ts`, `${name} ${subpath}: "types"`);
      }
    }
  });

  it('the shared helpers are subpaths of their own', () => {
    assert.equal((manifest('core').exports['./internal'] as Record<string, string>)['@kartochka/source'], './src/internal.ts');
    assert.equal((manifest('storage').exports['./backend'] as Record<string, string>)['@kartochka/source'], './src/backend.ts');
    assert.equal((manifest('builder').exports['./model'] as Record<string, string>)['@kartochka/source'], './src/model/index.ts');
  });
});
