/**
 * Griffel CSS extraction for the tab's production build (issue #5): the CSS of every Fluent component and of our
 * own `makeStyles` leaves the JavaScript for one cacheable stylesheet, linked from index.html.
 *
 * Fluent v9 ships its styles precompiled: `__styles(classesBySlot, cssRulesByBucket)` and
 * `__resetStyles(ltr, rtl, cssRules)`, the CSS as strings the runtime inserts into `<style>` elements on first
 * render. Griffel's own extraction (@griffel/webpack-extraction-plugin, webpack only; @griffel/vite-plugin does the
 * ahead-of-time step only) rewrites those calls to `__css(classesBySlot)` / `__resetCSS(ltr, rtl)`, which only
 * compute class names, and writes the rules into a CSS file sorted the way the runtime orders its `<style>`
 * elements. This plugin does the same in Vite:
 * - Fluent's modules: the call keeps its classes, loses its rules (blanked in place: lines and columns stay, so
 *   the source map stays right), and its import is switched to the `__css`/`__resetCSS` twin.
 * - Our modules: `makeStyles({...})` / `makeResetStyles({...})` are evaluated at build time (their values are
 *   literals, Fluent's `tokens` — CSS variables — and module constants) and compiled with @griffel/core, what
 *   the runtime would do on first render. Ours must be extracted too: runtime-inserted rules would all come after
 *   the stylesheet, and win over Fluent rules the runtime orders after them (a Fluent longhand over our
 *   shorthand, a Fluent `@media` rule over our default). A style the build cannot evaluate stops the build.
 * - One stylesheet for every chunk, sorted as the runtime sorts buckets (reset, default, link, visited,
 *   focus-within, focus, focus-visible, hover, active, …, @media by query), each by priority (shorthands before
 *   longhands). Split per chunk, a later chunk's rules could not be placed in the order. Only rules whose class
 *   survived tree-shaking are written.
 * Themes are CSS variables on FluentProvider (not part of these rules): light, dark and contrast share the file.
 */
import {
  defaultCompareMediaQueries,
  normalizeCSSBucketEntry,
  resolveResetStyleRules,
  resolveStaticStyleRules,
  resolveStyleRulesForSlots,
  styleBucketOrdering,
  type CSSRulesByBucket,
  type StyleBucketName,
} from '@griffel/core';
import type { Plugin } from 'vite';

type Node = { type: string; start: number; end: number; [k: string]: unknown };

/** The precompiled calls and the twin that only computes class names. */
const PRECOMPILED: Record<string, string> = {
  __styles: '__css',
  __resetStyles: '__resetCSS',
  __staticStyles: '__staticCSS',
};
const AT_RUNTIME = ['makeStyles', 'makeResetStyles', 'makeStaticStyles'];
/** Where those functions are imported from (Fluent re-exports Griffel's). */
const GRIFFEL_SOURCES = new Set(['@griffel/react', '@griffel/core', '@fluentui/react-components']);
/** Packages our styles may take values from at build time (tokens, typographyStyles, shorthands, …). */
const EVALUABLE_SOURCES = new Set([
  '@fluentui/react-components',
  '@fluentui/react-theme',
  '@fluentui/tokens',
  '@griffel/react',
  '@griffel/core',
]);
const NODE_MODULES = /[\\/]node_modules[\\/]/;

/** The rules of one styles call, and the class names they belong to (to keep only what the bundle uses). */
interface Extracted {
  classes: Set<string>;
  rules: CSSRulesByBucket;
}

/** Words of CSS or JavaScript: a rule's class names (`.f1abc2d`), the class names a chunk ships. */
const classTokens = (css: string) => css.match(/[A-Za-z_][\w-]*/g) ?? [];

function classNamesOf(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    for (const c of value.split(' ')) if (c) into.add(c);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) classNamesOf(v, into);
  }
  return into;
}

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof (v as Node).type === 'string') out.push(v as Node);
    } else if (value && typeof (value as Node).type === 'string') out.push(value as Node);
  }
  return out;
}

function walk(node: Node, visit: (n: Node, parent: Node | undefined) => void, parent?: Node): void {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
}

/** Overwrites [start, end) with spaces, newlines kept: what follows stays on its line and column. */
const blank = (code: string, start: number, end: number) =>
  code.slice(0, start) + code.slice(start, end).replace(/[^\n]/g, ' ') + code.slice(end);

class NotEvaluable extends Error {
  constructor(
    readonly node: Node,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A build-time value of an expression in a styles call: literals, objects, arrays, template strings, `+ - * /`,
 * module constants and exports of EVALUABLE_SOURCES (e.g. `tokens.colorNeutralForeground2`, which is the string
 * `var(--colorNeutralForeground2)` in the browser too).
 */
function evaluator(program: Node, load: (source: string) => Record<string, unknown>) {
  const constants = new Map<string, Node>();
  const imports = new Map<string, { source: string; name: string | '*' }>();
  for (const statement of program.body as Node[]) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' ? (statement.declaration as Node | null) : statement;
    if (declaration?.type === 'VariableDeclaration' && declaration.kind === 'const')
      for (const d of declaration.declarations as Node[]) {
        const id = d.id as Node;
        if (id.type === 'Identifier' && d.init) constants.set(id.name as string, d.init as Node);
      }
    if (statement.type === 'ImportDeclaration' && statement.importKind !== 'type') {
      const source = (statement.source as Node).value as string;
      for (const s of statement.specifiers as Node[]) {
        const local = (s.local as Node).name as string;
        if (s.type === 'ImportNamespaceSpecifier') imports.set(local, { source, name: '*' });
        else if (s.type === 'ImportDefaultSpecifier') imports.set(local, { source, name: 'default' });
        else {
          const imported = s.imported as Node;
          imports.set(local, { source, name: (imported.name ?? imported.value) as string });
        }
      }
    }
  }
  const cache = new Map<string, unknown>();
  const fail = (node: Node, why: string): never => {
    throw new NotEvaluable(node, why);
  };

  const identifier = (node: Node): unknown => {
    const name = node.name as string;
    if (name === 'undefined') return undefined;
    if (cache.has(name)) return cache.get(name);
    let value: unknown;
    const imported = imports.get(name);
    if (imported) {
      if (!EVALUABLE_SOURCES.has(imported.source))
        fail(node, `"${name}" comes from "${imported.source}", which the build does not evaluate`);
      const mod = load(imported.source);
      value = imported.name === '*' ? mod : mod[imported.name];
    } else if (constants.has(name)) value = evaluate(constants.get(name)!);
    else fail(node, `"${name}" is not a module constant`);
    cache.set(name, value);
    return value;
  };

  const evaluate = (node: Node): unknown => {
    switch (node.type) {
      case 'Literal':
        if (node.regex) fail(node, 'a regular expression');
        return node.value;
      case 'TemplateLiteral': {
        const quasis = node.quasis as Node[];
        const expressions = node.expressions as Node[];
        return quasis
          .map(
            (q, i) =>
              (q.value as { cooked: string }).cooked +
              (i < expressions.length ? String(evaluate(expressions[i]!)) : ''),
          )
          .join('');
      }
      case 'Identifier':
        return identifier(node);
      case 'ParenthesizedExpression':
        return evaluate(node.expression as Node);
      case 'MemberExpression': {
        const object = evaluate(node.object as Node) as Record<string, unknown> | null | undefined;
        const property = node.computed
          ? String(evaluate(node.property as Node))
          : ((node.property as Node).name as string);
        if (object === null || object === undefined) {
          if (node.optional) return undefined;
          return fail(node, 'a property of nothing');
        }
        return object[property];
      }
      case 'ObjectExpression': {
        const out: Record<string, unknown> = {};
        for (const p of node.properties as Node[]) {
          if (p.type === 'SpreadElement') Object.assign(out, evaluate(p.argument as Node));
          else {
            if (p.kind !== 'init' || p.method) fail(p, 'a getter, setter or method');
            const key = p.key as Node;
            const name = p.computed ? String(evaluate(key)) : ((key.name ?? key.value) as string);
            out[name] = evaluate(p.value as Node);
          }
        }
        return out;
      }
      case 'ArrayExpression':
        return (node.elements as (Node | null)[]).flatMap((e) =>
          e === null
            ? [undefined]
            : e.type === 'SpreadElement'
              ? [...(evaluate(e.argument as Node) as unknown[])]
              : [evaluate(e)],
        );
      case 'UnaryExpression': {
        const v = evaluate(node.argument as Node) as number;
        if (node.operator === '-') return -v;
        if (node.operator === '+') return +v;
        if (node.operator === '!') return !v;
        return fail(node, `the operator ${String(node.operator)}`);
      }
      case 'BinaryExpression': {
        const a = evaluate(node.left as Node) as number;
        const b = evaluate(node.right as Node) as number;
        if (node.operator === '+') return a + b;
        if (node.operator === '-') return a - b;
        if (node.operator === '*') return a * b;
        if (node.operator === '/') return a / b;
        return fail(node, `the operator ${String(node.operator)}`);
      }
      case 'ConditionalExpression':
        return evaluate(node.test as Node)
          ? evaluate(node.consequent as Node)
          : evaluate(node.alternate as Node);
      case 'CallExpression': {
        // Helpers of the evaluable packages only (shorthands.padding(…), createFocusOutlineStyle(…), …).
        const callee = node.callee as Node;
        const root = callee.type === 'MemberExpression' ? (callee.object as Node) : callee;
        if (root.type !== 'Identifier' || !imports.has(root.name as string))
          fail(node, 'a call of something not imported from Fluent or Griffel');
        const fn = evaluate(callee);
        if (typeof fn !== 'function') return fail(node, 'a call of something that is not a function');
        const self = callee.type === 'MemberExpression' ? evaluate(callee.object as Node) : undefined;
        return (fn as (...a: unknown[]) => unknown).apply(
          self,
          (node.arguments as Node[]).map((a) => evaluate(a)),
        );
      }
      default:
        return fail(node, `a ${node.type}`);
    }
  };
  return evaluate;
}

/** The stylesheet order of the runtime's `<style>` elements (@griffel/core getStyleSheetForBucket). */
export function sortCSSRules(sets: CSSRulesByBucket[]): string {
  const order = new Map(styleBucketOrdering.map((b, i) => [b, i]));
  const unique = new Map<string, { bucket: number; query: string; priority: number; queried: boolean }>();
  for (const set of sets)
    for (const [bucket, entries] of Object.entries(set) as [StyleBucketName, CSSRulesByBucket['d']][]) {
      for (const entry of entries ?? []) {
        const [css, meta] = normalizeCSSBucketEntry(entry);
        if (unique.has(css)) continue;
        const m = meta as { m?: string; x?: string; p?: number } | undefined;
        unique.set(css, {
          bucket: order.get(bucket) ?? styleBucketOrdering.length,
          // "@media" and "@container" rules have a sheet per condition, sorted by it.
          queried: bucket === 'm' || bucket === 'x',
          query: bucket === 'm' ? (m?.m ?? '') : bucket === 'x' ? (m?.x ?? '') : '',
          priority: m?.p ?? 0,
        });
      }
    }
  return [...unique]
    .sort(
      ([, a], [, b]) =>
        a.bucket - b.bucket ||
        (a.queried ? defaultCompareMediaQueries(a.query, b.query) : 0) ||
        a.priority - b.priority,
    )
    .map(([css]) => css)
    .join('');
}

/** The Vite plugin (production builds only; the dev server and Vitest keep Griffel's runtime insertion). */
export function griffelExtraction(): Plugin {
  // Per module id, its calls in source order.
  const extracted = new Map<string, Extracted[]>();
  let base = '/';
  const modules = new Map<string, Record<string, unknown>>();
  const loading = new Map<string, Promise<void>>();
  const preload = async (sources: Iterable<string>) => {
    for (const source of sources) {
      if (modules.has(source) || !EVALUABLE_SOURCES.has(source)) continue;
      if (!loading.has(source))
        loading.set(
          source,
          import(source).then((m: Record<string, unknown>) => void modules.set(source, m)),
        );
      await loading.get(source);
    }
  };

  return {
    name: 'stagemap:griffel-extraction',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      extracted.clear();
    },
    async transform(code, id) {
      if (/[\\/]node_modules[\\/]@griffel[\\/]/.test(id)) return null;
      const ours = !NODE_MODULES.test(id);
      // A package calling makeStyles at runtime is reported: its rules would be inserted after the stylesheet.
      const names = ours ? AT_RUNTIME : [...Object.keys(PRECOMPILED), ...AT_RUNTIME];
      if (!names.some((n) => code.includes(n))) return null;
      const program = this.parse(code) as unknown as Node;

      // Local name → imported name, for the functions of interest imported from Griffel (or Fluent).
      const locals = new Map<string, string>();
      const specifiers: Node[] = [];
      for (const statement of program.body as Node[]) {
        if (statement.type !== 'ImportDeclaration') continue;
        if (!GRIFFEL_SOURCES.has((statement.source as Node).value as string)) continue;
        for (const s of statement.specifiers as Node[]) {
          if (s.type === 'ImportNamespaceSpecifier' && names.some((n) => code.includes(`.${n}(`)))
            this.error(
              `${id}: a namespace import of Griffel's styles functions is not extracted; import them by name`,
            );
          if (s.type !== 'ImportSpecifier') continue;
          const imported = (s.imported as Node).name as string;
          if (!names.includes(imported)) continue;
          locals.set((s.local as Node).name as string, imported);
          specifiers.push(s);
        }
      }
      if (locals.size === 0) return null;

      const calls: { node: Node; kind: string }[] = [];
      const callees = new Set<Node>();
      walk(program, (n) => {
        if (n.type !== 'CallExpression') return;
        const callee = n.callee as Node;
        if (callee.type === 'Identifier' && locals.has(callee.name as string)) {
          calls.push({ node: n, kind: locals.get(callee.name as string)! });
          callees.add(callee);
        }
      });
      walk(program, (n, parent) => {
        if (n.type !== 'Identifier' || !locals.has(n.name as string) || callees.has(n)) return;
        if (parent?.type === 'ImportSpecifier') return;
        // A property name that happens to be the same word: `x.makeStyles`, `{ makeStyles: … }`.
        if (parent?.type === 'MemberExpression' && parent.property === n && !parent.computed) return;
        if (parent?.type === 'Property' && parent.key === n && !parent.computed && !parent.shorthand) return;
        this.error(`${id}: ${String(n.name)} is used other than called; its styles cannot be extracted`);
      });
      if (ours && calls.length > 0) {
        const sources = (program.body as Node[])
          .filter((s) => s.type === 'ImportDeclaration')
          .map((s) => (s.source as Node).value as string);
        await preload(sources);
      }

      const evaluate = evaluator(program, (source) => modules.get(source)!);
      const value = (node: Node) => {
        try {
          return evaluate(node);
        } catch (e) {
          if (!(e instanceof NotEvaluable)) throw e;
          const before = code.slice(0, e.node.start);
          const line = before.split('\n').length;
          const column = e.node.start - before.lastIndexOf('\n');
          return this.error(
            `${id}:${line}:${column}: styles the build cannot evaluate (${e.message}). Griffel's CSS is extracted ` +
              'at build time (scripts/vite-griffel-extract.ts): use literals, Fluent tokens and module constants.',
          );
        }
      };

      const found: Extracted[] = [];
      const edits: { start: number; end: number; text: string }[] = [];
      for (const { node, kind } of calls) {
        const args = node.arguments as Node[];
        if (!ours && AT_RUNTIME.includes(kind)) {
          this.warn(`${id}: ${kind} at runtime; its CSS is not extracted and may be ordered wrongly`);
          continue;
        }
        if (!ours) {
          // __styles(classes, rules) · __resetStyles(ltr, rtl, rules) · __staticStyles(rules)
          const at = kind === '__styles' ? 1 : kind === '__resetStyles' ? 2 : 0;
          if (args.length !== at + 1) this.error(`${id}: ${kind} called with ${args.length} arguments`);
          const rules = value(args[at]!);
          found.push({
            classes: classNamesOf(
              args.slice(0, at).map((a) => value(a)),
              new Set(),
            ),
            rules: (Array.isArray(rules) ? { r: rules } : rules) as CSSRulesByBucket,
          });
          edits.push({ start: at === 0 ? args[0]!.start : args[at - 1]!.end, end: args[at]!.end, text: '' });
          continue;
        }
        if (args.length !== 1) this.error(`${id}: ${kind} called with ${args.length} arguments`);
        const styles = value(args[0]!);
        const lines = '\n'.repeat(code.slice(node.start, node.end).split('\n').length - 1);
        if (kind === 'makeStyles') {
          const [classes, rules] = resolveStyleRulesForSlots(
            styles as Parameters<typeof resolveStyleRulesForSlots>[0],
          );
          found.push({ classes: classNamesOf(classes, new Set()), rules });
          edits.push({
            start: node.start,
            end: node.end,
            text: `__griffelCss(${JSON.stringify(classes)})${lines}`,
          });
        } else if (kind === 'makeResetStyles') {
          const [ltr, rtl, rules] = resolveResetStyleRules(
            styles as Parameters<typeof resolveResetStyleRules>[0],
          );
          found.push({
            classes: classNamesOf([ltr, rtl], new Set()),
            rules: (Array.isArray(rules) ? { r: rules } : rules) as CSSRulesByBucket,
          });
          edits.push({
            start: node.start,
            end: node.end,
            text: `__griffelResetCss(${JSON.stringify(ltr)}, ${JSON.stringify(rtl)})${lines}`,
          });
        } else {
          const rules = resolveStaticStyleRules(
            (Array.isArray(styles) ? styles : [styles]) as Parameters<typeof resolveStaticStyleRules>[0],
          );
          found.push({ classes: new Set(), rules: { d: rules } });
          edits.push({ start: node.start, end: node.end, text: `__griffelStaticCss()${lines}` });
        }
      }
      extracted.set(id, found);

      let out = code;
      if (!ours)
        // The import takes the twin under the old local name: `__css as __styles`.
        for (const s of specifiers) {
          const imported = s.imported as Node;
          const local = s.local as Node;
          const twin = PRECOMPILED[imported.name as string];
          if (!twin) continue;
          edits.push(
            imported.start === local.start
              ? { start: s.start, end: s.end, text: `${twin} as ${String(local.name)}` }
              : { start: imported.start, end: imported.end, text: twin },
          );
        }
      for (const e of edits.sort((a, b) => b.start - a.start))
        out = e.text === '' ? blank(out, e.start, e.end) : out.slice(0, e.start) + e.text + out.slice(e.end);
      if (ours) {
        const used = new Set(calls.map((c) => c.kind));
        // On the first line, not a new one: the lines below keep their numbers for the source map.
        const fluent = [
          ...(used.has('makeStyles') ? ['__css as __griffelCss'] : []),
          ...(used.has('makeResetStyles') ? ['__resetCSS as __griffelResetCss'] : []),
        ];
        if (fluent.length > 0)
          out = `import { ${fluent.join(', ')} } from '@fluentui/react-components'; ${out}`;
        if (used.has('makeStaticStyles'))
          out = `import { __staticCSS as __griffelStaticCss } from '@griffel/react'; ${out}`;
      }
      return { code: out, map: null };
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Class names the shipped JavaScript still carries (a styles call tree-shaken away leaves none).
        const shipped = new Set<string>();
        const order: string[] = [];
        for (const output of Object.values(bundle)) {
          if (output.type !== 'chunk') continue;
          for (const token of classTokens(output.code)) shipped.add(token);
          for (const [id, info] of Object.entries(output.modules))
            if (info.renderedLength > 0 && extracted.has(id)) order.push(id);
        }
        const sets: CSSRulesByBucket[] = [];
        for (const id of order)
          for (const call of extracted.get(id)!) {
            const used = call.classes.size === 0 || [...call.classes].some((c) => shipped.has(c));
            if (!used) continue;
            const kept: CSSRulesByBucket = {};
            for (const [bucket, entries] of Object.entries(call.rules) as [
              StyleBucketName,
              CSSRulesByBucket['d'],
            ][]) {
              kept[bucket] = (entries ?? []).filter((entry) => {
                const own = classTokens(normalizeCSSBucketEntry(entry)[0]).filter((t) => call.classes.has(t));
                return own.length === 0 || own.some((c) => shipped.has(c));
              });
            }
            sets.push(kept);
          }
        const css = sortCSSRules(sets);
        const ref = this.emitFile({ type: 'asset', name: 'griffel.css', source: css });
        const html = bundle['index.html'];
        if (html?.type !== 'asset') return this.error('griffel extraction: no index.html in the bundle');
        const link = `<link rel="stylesheet" crossorigin href="${base}${this.getFileName(ref)}">`;
        const source = String(html.source);
        if (!source.includes('</head>')) return this.error('griffel extraction: index.html has no </head>');
        html.source = source.replace('</head>', `  ${link}\n  </head>`);
      },
    },
  };
}
