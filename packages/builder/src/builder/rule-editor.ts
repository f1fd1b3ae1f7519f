/** The pick-list rule editor: "<kind> when all/any of: field · operator · value". */
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonPrimitive, Locale } from '@kartochka/core';
import {
  CONDITION_OPERATORS,
  UNARY,
  draftToLogic,
  fieldById,
  logicToDraft,
  optionsOf,
  ruleFields,
  ruleOf,
  setRule,
  type BuilderDocument,
  type Condition,
  type NodeRef,
  type RuleDraft,
  type RuleGroup,
} from '../model/index.js';
import { nodeName } from './actions.js';
import type { FormulaEditor } from './formula-editor.js';
import type { BuilderStore } from './store.js';
import { s } from './strings.js';

export type RuleKind = 'visible' | 'required' | 'readOnly';
const LEGEND = { visible: 'ruleVisible', required: 'ruleRequired', readOnly: 'ruleReadOnly' } as const;

/** Turns the text of a value box into JSON: numbers for number fields, booleans for yes/no. */
function parseValue(doc: BuilderDocument, field: string, raw: string): JsonPrimitive {
  const f = [...ruleFields(doc)].find((x) => x.pointer === field);
  if (f && (f.type === 'number' || f.type === 'integer' || f.type === 'percent' || f.type === 'rating' || f.type === 'computed')) {
    const n = Number(raw.replace(',', '.'));
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (f && (f.type === 'checkbox' || f.type === 'switch')) return raw === 'true';
  return raw;
}

/**
 * A rule's editor: pick-lists, with the rule in words (the formula syntax) as the advanced view; a
 * rule the pick-lists can't show is edited in words only.
 */
export function ruleEditor(store: BuilderStore, ref: NodeRef, kind: RuleKind, uid: string, formulas?: FormulaEditor): TemplateResult {
  const doc = store.doc;
  const locale: Locale = store.locale;
  const t = (k: Parameters<typeof s>[1], p?: Record<string, string | number>) => s(locale, k, p);
  const expr = ruleOf(doc, ref, kind);
  const draft = logicToDraft(expr);
  const self = ref.kind === 'field' ? fieldById(doc, ref.id)?.pointer : undefined;
  const fields = ruleFields(doc).filter((f) => f.pointer !== self);
  const id = `${uid}-rule-${kind}`;
  const inWords = (open: boolean) => {
    if (!formulas) return nothing;
    const at = self ?? (ref.kind === 'section' ? (doc.layout.items.find((x) => x.id === ref.id)?.pointer ?? '') : '');
    const box = formulas.box({
      key: `rule:${ref.kind}:${ref.id}:${kind}`,
      label: t('ruleFormula', { rule: t(LEGEND[kind]) }),
      name: `rule-${kind}`,
      stored: expr ?? null,
      at,
      commit: (e) => store.edit((x) => setRule(x, ref, kind, e === null ? undefined : e), { coalesce: `${id}-words` }),
    });
    return open ? box : html`<details class="kcb-advanced"><summary>${t('ruleAsFormula')}</summary>${box}</details>`;
  };
  if (!draft) {
    return html`<fieldset><legend>${t(LEGEND[kind])}</legend><p class="kcb-hint">${t('ruleCustom')}</p>
      ${formulas ? inWords(true) : html`<code>${JSON.stringify(expr)}</code>`}</fieldset>`;
  }
  const commit = (d: RuleDraft, coalesce?: string) => store.edit((x) => setRule(x, ref, kind, draftToLogic(d)), { coalesce });
  const groups = draft.groups ?? [];
  /** The draft with group `g` (or the rule's own conditions, `g` = -1) replaced. */
  const withGroup = (g: number, next: RuleGroup | undefined): RuleDraft => {
    if (g < 0) return { ...draft, conditions: next!.conditions };
    const list = groups.flatMap((x, j) => (j !== g ? [x] : next ? [next] : []));
    return list.length ? { ...draft, groups: list } : { combine: draft.combine, conditions: draft.conditions };
  };
  const fieldName = (pointer: string) => {
    const f = fields.find((x) => x.pointer === pointer);
    return f ? nodeName(doc, { kind: 'field', id: f.id }, locale) : pointer;
  };
  const fresh = (): Condition => ({ field: fields[0]!.pointer, op: 'eq', value: '' });
  /** The rows of one set of conditions; `n` numbers them for labels ("2" or "1.2" inside group 1). */
  const rows = (group: RuleGroup, g: number) => {
    const update = (i: number, patch: Partial<Condition>, coalesce?: string) =>
      commit(withGroup(g, { ...group, conditions: group.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) }), coalesce);
    const n = (i: number) => (g < 0 ? `${i + 1}` : `${g + 1}.${i + 1}`);
    const valueInput = (c: Condition, i: number) => {
      if (UNARY.has(c.op)) return html`<span></span>`;
      const f = fields.find((x) => x.pointer === c.field);
      const label = t('conditionValue', { n: n(i) });
      if (f && (f.type === 'select' || f.type === 'radio' || f.type === 'multiSelect')) {
        return html`<select aria-label=${label} @change=${(e: Event) => update(i, { value: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${c.value === '' || c.value === undefined}></option>
          ${optionsOf(doc, f.id).map((o) => html`<option value=${o.value} ?selected=${c.value === o.value}>${o.labels[locale] ?? o.value}</option>`)}
        </select>`;
      }
      if (f && (f.type === 'checkbox' || f.type === 'switch')) {
        return html`<select aria-label=${label} @change=${(e: Event) => update(i, { value: (e.target as HTMLSelectElement).value === 'true' })}>
          <option value="true" ?selected=${c.value === true}>${t('yes')}</option>
          <option value="false" ?selected=${c.value !== true}>${t('no')}</option>
        </select>`;
      }
      return html`<input
        aria-label=${label}
        .value=${c.value === undefined || c.value === null ? '' : String(c.value)}
        @input=${(e: Event) => update(i, { value: parseValue(doc, c.field, (e.target as HTMLInputElement).value) }, `${id}-v${n(i)}`)}
        @change=${() => store.seal()}
      />`;
    };
    return group.conditions.map(
      (c, i) => html`<div class="kcb-condition">
        <select aria-label=${t('conditionField', { n: n(i) })} @change=${(e: Event) => update(i, { field: (e.target as HTMLSelectElement).value, value: '' })}>
          ${fields.some((f) => f.pointer === c.field) ? nothing : html`<option selected value=${c.field}>${c.field}</option>`}
          ${fields.map((f) => html`<option value=${f.pointer} ?selected=${f.pointer === c.field}>${fieldName(f.pointer)}</option>`)}
        </select>
        <select aria-label=${t('conditionOp', { n: n(i) })} @change=${(e: Event) => update(i, { op: (e.target as HTMLSelectElement).value as Condition['op'] })}>
          ${CONDITION_OPERATORS.map((op) => html`<option value=${op} ?selected=${op === c.op}>${t(`op_${op}`)}</option>`)}
        </select>
        ${valueInput(c, i)}
        <button type="button" aria-label=${t('removeCondition', { n: n(i) })}
          @click=${() => {
            const left = group.conditions.filter((_, j) => j !== i);
            commit(withGroup(g, g >= 0 && left.length === 0 ? undefined : { ...group, conditions: left }));
          }}>✕</button>
      </div>`,
    );
  };
  const combineSelect = (value: 'all' | 'any', label: string, set: (v: 'all' | 'any') => void) =>
    html`<label>${label}
      <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value as 'all' | 'any')}>
        <option value="all" ?selected=${value === 'all'}>${t('ruleAll')}</option>
        <option value="any" ?selected=${value === 'any'}>${t('ruleAny')}</option>
      </select></label
    >`;
  return html`<fieldset>
    <legend>${t(LEGEND[kind])}</legend>
    ${draft.conditions.length + groups.length > 1 ? combineSelect(draft.combine, t('ruleCombine'), (v) => commit({ ...draft, combine: v })) : nothing}
    ${rows(draft, -1)}
    ${groups.map(
      (group, g) => html`<div class="kcb-rule-group" role="group" aria-label=${t('ruleGroup', { n: g + 1 })}>
        <p class="kcb-hint">${t('ruleGroup', { n: g + 1 })}</p>
        ${group.conditions.length > 1 ? combineSelect(group.combine, t('groupCombine', { n: g + 1 }), (v) => commit(withGroup(g, { ...group, combine: v }))) : nothing}
        ${rows(group, g)}
        <div class="kcb-actions">
          <button type="button" @click=${() => commit(withGroup(g, { ...group, conditions: [...group.conditions, fresh()] }))}>+ ${t('addCondition')}</button>
          <button type="button" @click=${() => commit(withGroup(g, undefined))}>${t('removeGroup', { n: g + 1 })}</button>
        </div>
      </div>`,
    )}
    ${
      fields.length
        ? html`<div class="kcb-actions">
          <button type="button" @click=${() => commit({ ...draft, conditions: [...draft.conditions, fresh()] })}>+ ${t('addCondition')}</button>
          <button type="button" @click=${() => commit({ ...draft, groups: [...groups, { combine: draft.combine === 'all' ? 'any' : 'all', conditions: [fresh()] }] })}>+ ${t('addGroup')}</button>
        </div>`
        : html`<p class="kcb-hint">${t('noRuleFields')}</p>`
    }
    ${inWords(false)}
  </fieldset>`;
}
