/**
 * The layout document: how a card is arranged, kept apart from the schema (what the data is) so
 * the two version independently. Fields are named by JSON Pointer; see docs/layout.md.
 */
import type { Expression } from '../rules/expression.js';
import type { Locale } from '../types.js';

/** A text in several languages (`{"ru": "Общая информация", "en": "General"}`) or one plain string. */
export type LocalizedText = string | Partial<Record<Locale, string>>;

/** How a card can present its sections: tabs, accordion, steps, or plain (one after another). */
export const SECTIONS_MODES = ['tabs', 'accordion', 'steps', 'plain'] as const;
/** How the card presents its sections. */
export type SectionsMode = (typeof SECTIONS_MODES)[number];

/** Conditions (JSON Logic over JSON Pointers, as in `x-rules`) on a section, group or field. */
export interface LayoutRules {
  visible?: Expression;
  required?: Expression;
  readOnly?: Expression;
}

/** One field: the subtree at `pointer` (a leaf, an object group, or an array). */
export interface LayoutField {
  type: 'field';
  /** JSON Pointer of the data, through objects only (`/general/companyName`, `/a~1b`). */
  pointer: string;
  /** A widget name or tag for this field (`"radio"`, `"kc-textarea"`), ranked like `x-widget`. */
  widget?: string;
  /** Grid columns the field spans (1 by default). */
  span?: number;
  rules?: LayoutRules;
}

/** A titled group of items inside a section, with its own grid. */
export interface LayoutGroup {
  type: 'group';
  id?: string;
  title?: LocalizedText;
  columns?: number;
  span?: number;
  rules?: Pick<LayoutRules, 'visible' | 'readOnly'>;
  items: LayoutItem[];
}

/** A bare string is a field's pointer: `"/general/companyName"` ≡ `{"type": "field", "pointer": …}`. */
export type LayoutItem = string | LayoutField | LayoutGroup;

/** A tab, accordion panel, step, or titled block. */
export interface LayoutSection {
  type: 'section';
  /** Stable id (events, `kc-save` detail, DOM ids, tests). */
  id: string;
  /** Title; when absent, the message catalogue's label of `pointer`, or a humanised id. */
  title?: LocalizedText;
  description?: LocalizedText;
  /** The object this section stands for (its label and the home of unplaced fields under it). */
  pointer?: string;
  columns?: number;
  rules?: Pick<LayoutRules, 'visible' | 'readOnly'>;
  items: LayoutItem[];
}

/** The layout document (version 1). */
export interface LayoutDocument {
  $schema?: string;
  version: 1;
  sections?: SectionsMode;
  /** Default grid columns of every section. */
  columns?: number;
  /** Widget hints for places a field item cannot name, e.g. inside array rows (`/roles/people/*\/role`). */
  widgets?: Record<string, string>;
  items: LayoutSection[];
}

/** A problem with a layout, as data: `path` is a JSON Pointer into the layout document. */
export interface LayoutError {
  path: string;
  keyword: string;
  message: string;
  params?: Record<string, unknown>;
}

export interface LayoutValidationResult {
  valid: boolean;
  errors: LayoutError[];
}

// ---- the resolved tree the elements render ------------------------------------------------

export interface ResolvedField {
  type: 'field';
  pointer: string;
  span: number;
  /** True when the layout did not place the field and the resolver appended it. */
  appended?: boolean;
}

export interface ResolvedGroup {
  type: 'group';
  id: string;
  title?: LocalizedText;
  columns: number;
  span: number;
  items: ResolvedItem[];
}

export type ResolvedItem = ResolvedField | ResolvedGroup;

export interface ResolvedSection {
  type: 'section';
  id: string;
  title?: LocalizedText;
  description?: LocalizedText;
  pointer?: string;
  columns: number;
  /** The section's own `visible` condition (also applied to each of its fields through `rules`). */
  visible?: Expression;
  items: ResolvedItem[];
  /** Every field pointer placed in the section, groups flattened, in order. */
  pointers: string[];
}

export interface ResolvedLayout {
  sections: SectionsMode;
  items: ResolvedSection[];
  /** Widget hints by pointer template, for `FormOptions.widgetHints`. */
  widgetHints: Record<string, string>;
  /** Section, group and field conditions as rules on fields, for `FormOptions.rules`. */
  rules: RuleSpecLike[];
  /** What was wrong with the layout (the resolver worked around each problem). */
  errors: LayoutError[];
}

/** Structurally a core `RuleSpec` (kept here so the layout types stand alone). */
export interface RuleSpecLike {
  readonly target: string;
  readonly kind: 'visible' | 'required' | 'readOnly' | 'value';
  readonly expr: Expression;
  readonly source?: string;
}
