/**
 * The dependency graph of a card's rules: which rules to re-evaluate, in which order, when one
 * field changes. Rules are declared on pointer templates (`/roles/people/*\/email`) and
 * instantiated for concrete rows on demand, so the graph's size follows the schema, not the data.
 *
 * Lookups go through a trie of dependency templates: a change walks only the changed pointer's
 * own path (plus `*` branches), never the list of all rules.
 */
import { dependencyDetails, validateExpression } from './expression.js';
import type { Expression } from './expression.js';

/** What a rule decides: a condition of its target, or (`value`) the target's computed value. */
export type RuleKind = 'visible' | 'required' | 'readOnly' | 'value';

const KINDS: ReadonlySet<string> = new Set<RuleKind>(['visible', 'required', 'readOnly', 'value']);

/** A rule as declared: on a pointer template, with `*` for array items. */
export interface RuleSpec {
  /** Pointer template of the field, group or section the rule belongs to. */
  readonly target: string;
  readonly kind: RuleKind;
  readonly expr: Expression;
  /** Where the expression sits in the schema or layout, for messages (e.g. `/properties/a/x-formula`). */
  readonly source?: string;
}

/** A rule applied to one concrete location. */
export interface RuleInstance {
  /** Concrete pointer (the template's `*`s filled in). */
  readonly target: string;
  readonly kind: RuleKind;
  readonly expr: Expression;
  /** The declared rule this instance comes from. */
  readonly rule: RuleSpec;
}

/** Why a rule was disabled. Data, not an exception: one bad rule must not break the form. */
export interface RuleProblem {
  readonly code: 'invalid-expression' | 'unknown-field' | 'unknown-target' | 'unknown-kind' | 'cycle' | 'duplicate-formula';
  /** The rule's target template. */
  readonly target: string;
  /** Where to look: the expression's source (plus the path inside it) or the target. */
  readonly at: string;
  readonly message: string;
}

/** What the graph needs to know about the schema and the current data. */
export interface RuleGraphOptions {
  /**
   * Whether a pointer names a place the schema describes. Called with templates (`/a/*\/b`) and
   * with pointers that contain literal indices (`/history/sales/0/turnover`); both should count.
   */
  exists(template: string): boolean;
  /**
   * The concrete pointers of a template for the current data (`/rows/*\/x` → `/rows/0/x`,
   * `/rows/1/x`…), by array lengths; the leaf need not be present in the data.
   */
  expand(template: string): string[];
}

interface Rule {
  readonly id: number;
  readonly spec: RuleSpec;
  readonly targetTokens: readonly string[];
  readonly deps: readonly Dep[];
  rank: number;
}

interface Dep {
  readonly tokens: readonly string[];
  /** How many leading tokens target and dependency share, i.e. which `*`s of the target a match binds. */
  readonly bind: number;
}

interface Entry {
  readonly rule: Rule;
  readonly dep: Dep;
}

class TrieNode {
  readonly children = new Map<string, TrieNode>();
  readonly here: Entry[] = [];
  /** Entries at or below this node; filled once after construction. */
  below: Entry[] = [];
}

/** Raw (still escaped) reference tokens; matching on escaped tokens is exact and avoids re-escaping. */
const tokensOf = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/'));
const pointerOf = (tokens: readonly string[]): string => tokens.map((t) => '/' + t).join('');

/** Two templates overlap when one can be equal to, or an ancestor of, the other. */
function overlaps(a: readonly string[], b: readonly string[]): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i] && a[i] !== '*' && b[i] !== '*') return false;
  return true;
}

const describe = (kind: RuleKind) => (kind === 'value' ? 'the formula' : `the "${kind}" rule`);

/** See the module comment. Build once per schema (and rule list); reuse for every change. */
export class RuleGraph {
  /** Problems found while building; the rules involved are disabled. */
  readonly problems: readonly RuleProblem[];
  /** The active rules, in evaluation order (a formula before the rules that read it). */
  readonly rules: readonly RuleSpec[];

  private readonly active: Rule[];
  private readonly root = new TrieNode();
  private readonly expandFn: (template: string) => string[];

  constructor(rules: readonly RuleSpec[], options: RuleGraphOptions) {
    this.expandFn = options.expand;
    const problems: RuleProblem[] = [];
    const candidates: Rule[] = [];
    const formulaTargets = new Map<string, Rule>();

    rules.forEach((spec, id) => {
      const where = spec.source ?? spec.target;
      const fail = (code: RuleProblem['code'], message: string, at = where) => problems.push({ code, target: spec.target, at, message });
      if (!KINDS.has(spec.kind))
        return fail(
          'unknown-kind',
          `Unknown rule kind "${String(spec.kind)}" on "${spec.target}": use visible, required, readOnly or a formula.`,
        );
      if (!options.exists(spec.target)) return fail('unknown-target', `Rule on unknown field "${spec.target}".`);
      const invalid = validateExpression(spec.expr, spec.source ?? '');
      if (invalid.length) {
        for (const p of invalid) fail('invalid-expression', `${p.message} (in ${describe(spec.kind)} of "${spec.target}")`, p.at || where);
        return;
      }
      const targetTokens = tokensOf(spec.target);
      const deps: Dep[] = [];
      let broken = false;
      for (const d of dependencyDetails(spec.expr, spec.target)) {
        if (d.error) {
          fail('unknown-field', `${d.error} (in ${describe(spec.kind)} of "${spec.target}")`);
          broken = true;
          continue;
        }
        if (d.pointer !== '' && !options.exists(d.pointer)) {
          fail('unknown-field', `Unknown field "${d.pointer}" in ${describe(spec.kind)} of "${spec.target}"`);
          broken = true;
          continue;
        }
        const tokens = tokensOf(d.pointer);
        let bind = 0;
        while (bind < tokens.length && bind < targetTokens.length && tokens[bind] === targetTokens[bind]) bind++;
        // A shifted index (`1-1/x`: the previous row) must not bind the target's row to the changed row.
        if (d.shifted) bind = Math.min(bind, tokens.lastIndexOf('*', bind - 1));
        deps.push({ tokens, bind: Math.max(0, bind) });
      }
      if (broken) return;
      const rule: Rule = { id, spec, targetTokens, deps, rank: 0 };
      if (spec.kind === 'value') {
        const other = formulaTargets.get(spec.target);
        if (other) return fail('duplicate-formula', `"${spec.target}" has two formulas; only the first is used.`);
        formulaTargets.set(spec.target, rule);
      }
      candidates.push(rule);
    });

    const cyclic = this.findCycles(
      candidates.filter((r) => r.spec.kind === 'value'),
      problems,
    );
    this.active = this.order(candidates.filter((r) => !cyclic.has(r)));
    for (const rule of this.active) for (const dep of rule.deps) this.insert(rule, dep);
    this.fillBelow(this.root);
    this.problems = problems;
    this.rules = this.active.map((r) => r.spec);
  }

  /**
   * The rule instances to re-evaluate after the data at `changed` (a concrete pointer) changed, in
   * evaluation order, including everything downstream of the formulas they recompute. A change
   * affects rules that read `changed`, anything below it or any ancestor of it.
   */
  affected(changed: string): RuleInstance[] {
    const found = new Map<string, { rule: Rule; target: string; seq: number }>();
    // Rules over a whole list are reached again from each recomputed row; expand each pattern once.
    const expanded = new Set<string>();
    const queue = [changed];
    let seq = 0;
    while (queue.length) {
      const tokens = tokensOf(queue.pop()!);
      const entries: Entry[] = [];
      this.match(this.root, tokens, 0, entries);
      for (const { rule, dep } of entries) {
        for (const target of this.instantiate(rule, dep, tokens, expanded)) {
          const key = `${rule.id}\u0000${target}`;
          if (found.has(key)) continue;
          found.set(key, { rule, target, seq: seq++ });
          if (rule.spec.kind === 'value') queue.push(target);
        }
      }
    }
    return [...found.values()]
      .sort((a, b) => a.rule.rank - b.rule.rank || a.seq - b.seq)
      .map(({ rule, target }) => ({ target, kind: rule.spec.kind, expr: rule.spec.expr, rule: rule.spec }));
  }

  /** Every rule instance for the current data, in evaluation order: for the first full evaluation. */
  all(): RuleInstance[] {
    const out: RuleInstance[] = [];
    for (const rule of this.active) {
      const { spec } = rule;
      const targets = rule.targetTokens.includes('*') ? this.expandFn(spec.target) : [spec.target];
      for (const target of targets) out.push({ target, kind: spec.kind, expr: spec.expr, rule: spec });
    }
    return out;
  }

  private insert(rule: Rule, dep: Dep): void {
    let node = this.root;
    for (const t of dep.tokens) {
      let next = node.children.get(t);
      if (!next) node.children.set(t, (next = new TrieNode()));
      node = next;
    }
    node.here.push({ rule, dep });
  }

  private fillBelow(node: TrieNode): Entry[] {
    const below = [...node.here];
    for (const child of node.children.values()) below.push(...this.fillBelow(child));
    node.below = below;
    return below;
  }

  /** Collects entries whose dependency is an ancestor of, equal to, or below `tokens`. */
  private match(node: TrieNode, tokens: readonly string[], i: number, out: Entry[]): void {
    if (i === tokens.length) {
      out.push(...node.below);
      return;
    }
    out.push(...node.here);
    const exact = node.children.get(tokens[i]);
    if (exact) this.match(exact, tokens, i + 1, out);
    const star = tokens[i] === '*' ? undefined : node.children.get('*');
    if (star) this.match(star, tokens, i + 1, out);
  }

  /** Fills the target's `*`s bound by the match; the rest come from the current data. */
  private instantiate(rule: Rule, dep: Dep, changed: readonly string[], expanded: Set<string>): string[] {
    const t = rule.targetTokens;
    if (!t.includes('*')) return [rule.spec.target];
    const bound = t.slice();
    const n = Math.min(dep.bind, changed.length);
    for (let i = 0; i < n; i++) if (bound[i] === '*') bound[i] = changed[i];
    const pointer = pointerOf(bound);
    if (!bound.includes('*')) return [pointer];
    const key = `${rule.id}\u0000${pointer}`;
    if (expanded.has(key)) return [];
    expanded.add(key);
    return this.expandFn(pointer);
  }

  /** Tarjan's strongly connected components over formula → formula edges; reports and returns cyclic rules. */
  private findCycles(formulas: readonly Rule[], problems: RuleProblem[]): Set<Rule> {
    const feeds = new Map<Rule, Rule[]>(formulas.map((r) => [r, []]));
    for (const reader of formulas) {
      for (const writer of formulas) {
        const reads = reader.deps.some((d) =>
          writer === reader
            ? // A formula may read an ancestor of its own field (a row, a list); reading its own value is a cycle.
              d.tokens.length >= writer.targetTokens.length && overlaps(d.tokens, writer.targetTokens)
            : overlaps(d.tokens, writer.targetTokens),
        );
        if (reads) feeds.get(writer)!.push(reader);
      }
    }
    const index = new Map<Rule, number>();
    const low = new Map<Rule, number>();
    const stack: Rule[] = [];
    const onStack = new Set<Rule>();
    const cyclic = new Set<Rule>();
    let counter = 0;
    const connect = (v: Rule): void => {
      index.set(v, counter);
      low.set(v, counter++);
      stack.push(v);
      onStack.add(v);
      for (const w of feeds.get(v)!) {
        if (!index.has(w)) {
          connect(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) !== index.get(v)) return;
      const component: Rule[] = [];
      let w: Rule;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length === 1 && !feeds.get(v)!.includes(v)) return;
      const members = new Set(component);
      const path = cyclePath(v, members, feeds);
      const names = path.map((r) => `"${r.spec.target}"`).join(' → ');
      for (const r of component) {
        cyclic.add(r);
        problems.push({ code: 'cycle', target: r.spec.target, at: r.spec.source ?? r.spec.target, message: `Formula cycle: ${names}` });
      }
    };
    for (const r of formulas) if (!index.has(r)) connect(r);
    return cyclic;
  }

  /** Topological order (Kahn, ties in declaration order): formulas by their edges, then the conditions. */
  private order(rules: readonly Rule[]): Rule[] {
    const formulas = rules.filter((r) => r.spec.kind === 'value');
    const indegree = new Map<Rule, number>(formulas.map((r) => [r, 0]));
    const feeds = new Map<Rule, Rule[]>(formulas.map((r) => [r, []]));
    for (const reader of formulas) {
      for (const writer of formulas) {
        if (writer !== reader && reader.deps.some((d) => overlaps(d.tokens, writer.targetTokens))) {
          feeds.get(writer)!.push(reader);
          indegree.set(reader, indegree.get(reader)! + 1);
        }
      }
    }
    const out: Rule[] = [];
    const ready = formulas.filter((r) => indegree.get(r) === 0);
    while (ready.length) {
      ready.sort((a, b) => a.id - b.id);
      const next = ready.shift()!;
      out.push(next);
      for (const reader of feeds.get(next)!) {
        const d = indegree.get(reader)! - 1;
        indegree.set(reader, d);
        if (d === 0) ready.push(reader);
      }
    }
    out.push(...rules.filter((r) => r.spec.kind !== 'value'));
    out.forEach((r, i) => (r.rank = i));
    return out;
  }
}

/** A shortest cycle through `start` inside one strongly connected component (BFS), for the message. */
function cyclePath(start: Rule, members: ReadonlySet<Rule>, feeds: ReadonlyMap<Rule, Rule[]>): Rule[] {
  const prev = new Map<Rule, Rule>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of feeds.get(v)!) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x: Rule | undefined = v; x && x !== start; x = prev.get(x)) path.splice(1, 0, x);
        path.push(start);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
