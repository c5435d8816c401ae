import { resolveStyleRulesForSlots } from '@griffel/core';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { griffelExtraction, sortCSSRules } from '../../scripts/vite-griffel-extract';

// What a Fluent package ships: styles precompiled by Griffel, the CSS as strings.
const FLUENT_ID = '/repo/node_modules/@fluentui/react-thing/lib/useThingStyles.styles.js';
const FLUENT = `'use client';
import { __styles, __resetStyles as reset, mergeClasses } from "@griffel/react";
const useBase = /*#__PURE__*/reset("rbase1", "rbase2", [".rbase1{margin:0;padding-left:4px;}", ".rbase2{margin:0;padding-right:4px;}"]);
const useStyles = /*#__PURE__*/__styles({
  root: { sj55zd: "fkept1", Bi91k9c: "fhover1" },
  gone: { sj55zd: "fgone1" }
}, {
  d: [".fkept1{color:red;}", ".fgone1{color:blue;}"],
  h: [".fhover1:hover{color:green;}"],
  m: [["@media (forced-colors: active){.fkept1{color:CanvasText;}}", { m: "(forced-colors: active)" }]]
});
export const useThing = () => mergeClasses(useBase({ dir: 'ltr' }), useStyles({ dir: 'ltr' }).root);
`;

// Ours: makeStyles with Fluent tokens, a module constant, a template string and a Griffel shorthand helper.
const OURS_ID = '/repo/src/app/features/x/components/x-page.tsx';
const OURS = `import { makeStyles, shorthands, tokens } from '@fluentui/react-components';
const gap = tokens.spacingVerticalL;
export const useStyles = makeStyles({
  page: { display: 'flex', gap, padding: \`\${gap} 0\`, ...shorthands.borderColor('red') },
});
export const Page = () => useStyles().page;
`;

type Transform = (code: string, id: string) => Promise<{ code: string } | null>;

function harness() {
  const plugin = griffelExtraction();
  const ctx = {
    parse: (code: string) => parseAst(code),
    error: (message: string) => {
      throw new Error(message);
    },
    warn: () => undefined,
  };
  (plugin.configResolved as (c: { base: string }) => void)({ base: '/tab/' });
  (plugin.buildStart as () => void).call(ctx);
  const transform: Transform = (code, id) =>
    (plugin.transform as unknown as (this: typeof ctx, c: string, i: string) => ReturnType<Transform>).call(
      ctx,
      code,
      id,
    );
  const generate = (bundle: Record<string, unknown>) => {
    const emitted: string[] = [];
    const gen = plugin.generateBundle as unknown as { handler: (o: unknown, b: unknown) => void };
    gen.handler.call(
      {
        ...ctx,
        emitFile: (f: { source: string }) => (emitted.push(f.source), 'ref'),
        getFileName: () => 'assets/griffel-abc.css',
      },
      {},
      bundle,
    );
    return emitted;
  };
  return { transform, generate };
}

describe('griffel extraction (scripts/vite-griffel-extract.ts)', () => {
  it("turns Fluent's precompiled calls into their class-name-only twins, lines kept", async () => {
    const { transform } = harness();
    const out = (await transform(FLUENT, FLUENT_ID))!.code;
    expect(out).toContain(
      'import { __css as __styles, __resetCSS as reset, mergeClasses } from "@griffel/react";',
    );
    expect(out).not.toContain('{color:red;}');
    expect(out).not.toContain('.rbase1{');
    // The class maps stay; the rules' lines are blank but still there (the source map holds).
    expect(out).toContain('"fkept1"');
    expect(out.split('\n').length).toBe(FLUENT.split('\n').length);
    expect(out.indexOf('export const useThing')).toBeGreaterThan(0);
  });

  it('compiles our makeStyles at build time to the classes the runtime would compute', async () => {
    const { transform } = harness();
    const out = (await transform(OURS, OURS_ID))!.code;
    const [classes] = resolveStyleRulesForSlots({
      page: {
        display: 'flex',
        gap: 'var(--spacingVerticalL)',
        padding: 'var(--spacingVerticalL) 0',
        borderTopColor: 'red',
        borderRightColor: 'red',
        borderBottomColor: 'red',
        borderLeftColor: 'red',
      },
    });
    expect(out).toContain(`__griffelCss(${JSON.stringify(classes)})`);
    expect(out).toMatch(/^import \{ __css as __griffelCss \} from '@fluentui\/react-components';/);
    expect(out).not.toMatch(/makeStyles\(/);
    expect(out.split('\n').length).toBe(OURS.split('\n').length);
  });

  it('stops the build on styles it cannot evaluate, naming the line', async () => {
    const { transform } = harness();
    const code = `import { makeStyles } from '@fluentui/react-components';
import { width } from './sizes';
export const useStyles = makeStyles({ root: { width } });
`;
    await expect(transform(code, OURS_ID)).rejects.toThrow(
      /x-page\.tsx:3:\d+: .*"width" comes from "\.\/sizes"/,
    );
  });

  it('writes one sorted stylesheet of the rules whose classes shipped, linked from index.html', async () => {
    const { transform, generate } = harness();
    await transform(FLUENT, FLUENT_ID);
    const html = { type: 'asset', source: '<html><head><title>t</title></head><body></body></html>' };
    const [css] = generate({
      'index.html': html,
      // The "gone" slot was tree-shaken away: its class is not in the shipped code.
      'assets/index.js': {
        type: 'chunk',
        code: 'const a={root:{sj55zd:"fkept1",Bi91k9c:"fhover1"}};b("rbase1","rbase2")',
        modules: { [FLUENT_ID]: { renderedLength: 100 } },
      },
    });
    expect(css).toBe(
      '.rbase1{margin:0;padding-left:4px;}.rbase2{margin:0;padding-right:4px;}' +
        '.fkept1{color:red;}.fhover1:hover{color:green;}' +
        '@media (forced-colors: active){.fkept1{color:CanvasText;}}',
    );
    expect(html.source).toContain('<link rel="stylesheet" crossorigin href="/tab/assets/griffel-abc.css">');
    expect(html.source.indexOf('griffel-abc.css')).toBeLessThan(html.source.indexOf('</head>'));
  });

  it('writes nothing of a module the bundle dropped', async () => {
    const { transform, generate } = harness();
    await transform(FLUENT, FLUENT_ID);
    const [css] = generate({
      'index.html': { type: 'asset', source: '<head></head>' },
      'assets/index.js': { type: 'chunk', code: '"fkept1"', modules: { [FLUENT_ID]: { renderedLength: 0 } } },
    });
    expect(css).toBe('');
  });

  it('orders rules as the runtime orders its style elements: bucket, then @media query, then priority', () => {
    const css = sortCSSRules([
      {
        m: [
          ['@media (min-width: 900px){.m2{}}', { m: '(min-width: 900px)' }],
          ['@media (min-width: 600px){.m1{}}', { m: '(min-width: 600px)' }],
        ],
        h: ['.h:hover{}'],
        d: ['.long{padding-left:0}', ['.short{padding:0}', { p: -1 }]],
        r: ['.reset{}'],
      },
      // A rule twice (two components share an atomic class) is written once, where first met.
      { d: ['.long{padding-left:0}', '.other{}'] },
    ]);
    expect(css).toBe(
      '.reset{}.short{padding:0}.long{padding-left:0}.other{}.h:hover{}' +
        '@media (min-width: 600px){.m1{}}@media (min-width: 900px){.m2{}}',
    );
  });
});
