import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { griffelExtraction } from './scripts/vite-griffel-extract.js';

const repo = fileURLToPath(new URL('.', import.meta.url));

/**
 * react-router ships as one large module. Its components the tab never uses (Link, NavLink, Form, …) survived
 * tree-shaking in the first screen's JavaScript only because of `X.displayName = "X"` statements (a property
 * write counts as a side effect) and `forwardRef`/`memo` calls without a pure annotation. The names serve React's
 * developer tools only; without them, and with the calls marked pure, unused components are dropped (~4 KB gzip).
 * Lines stay where they were, for the source map.
 */
function treeShakeReactRouter(): Plugin {
  return {
    name: 'stagemap:tree-shake-react-router',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]react-router[\\/]dist[\\/]production[\\/]/.test(id)) return null;
      return {
        code: code
          .replace(/^[A-Za-z_$][\w$]*\.displayName = "[^"\n]*";$/gm, '')
          .replace(/= (React\d*\.(?:forwardRef|memo|createContext)\()/g, '= /* @__PURE__ */ $1'),
        map: null,
      };
    },
  };
}

// The tab's languages (src/domain/i18n.ts; the config does not import app code, see Vite's native config loader).
const LOCALES = ['nl', 'fr', 'de', 'en'];

/** The language of a module id loaded with `?locale=…` (see messagesInOneLanguage). */
const localeOf = (id: string | undefined) => {
  const locale = id?.match(/[?&]locale=([a-z]+)(?:&|$)/)?.[1];
  return locale && LOCALES.includes(locale) ? locale : undefined;
};

/**
 * `…/first-screen.ts?locale=nl` (src/app/i18n): the first screen's messages modules with only that language's
 * texts, so a first visit does not download them in all four languages. Relative imports of a module loaded with
 * `?locale=` carry the same query; in a `messages.ts` loaded so, the exported object keyed by the four languages
 * keeps one key. The other keys are blanked in place (same lines and columns: the source map stays right).
 */
function messagesInOneLanguage(): Plugin[] {
  const resolve: Plugin = {
    name: 'stagemap:messages-in-one-language:resolve',
    // Before Vite's own resolver, which would answer without the query.
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const locale = localeOf(importer);
      if (!locale || !source.startsWith('.') || source.includes('?')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external) return null;
      return { ...resolved, id: `${resolved.id}?locale=${locale}` };
    },
  };
  const trim: Plugin = {
    name: 'stagemap:messages-in-one-language:trim',
    // After TypeScript is stripped (a normal plugin): the code parses as JavaScript.
    transform(code, id) {
      const locale = localeOf(id);
      if (!locale || !/[\\/]messages\.ts\?/.test(id)) return null;
      type Node = { type: string; start: number; end: number; [k: string]: unknown };
      let trimmed = 0;
      let out = code;
      for (const statement of this.parse(code).body as unknown as Node[]) {
        const declaration = statement.declaration as Node | null | undefined;
        if (statement.type !== 'ExportNamedDeclaration' || declaration?.type !== 'VariableDeclaration')
          continue;
        for (const declarator of declaration.declarations as Node[]) {
          const init = declarator.init as Node | null;
          const props = init?.type === 'ObjectExpression' ? (init.properties as Node[]) : [];
          const keys = props.map(
            (p) => ((p.key as Node | undefined)?.name ?? (p.key as Node | undefined)?.value) as string,
          );
          if (props.length !== LOCALES.length || !LOCALES.every((l) => keys.includes(l))) continue;
          props.forEach((p, i) => {
            if (keys[i] === locale) return;
            // The property and the comma right after it, if any.
            const end = p.end + (/^\s*,/.exec(code.slice(p.end))?.[0].length ?? 0);
            out = out.slice(0, p.start) + out.slice(p.start, end).replace(/[^\n]/g, ' ') + out.slice(end);
          });
          trimmed++;
        }
      }
      if (trimmed === 0)
        this.error(`${id}: no exported object keyed by the four languages to keep "${locale}" of`);
      return { code: out, map: null };
    },
  };
  return [resolve, trim];
}

// One config: the tab's build (root src/app → dist/app, served by the server under /tab/) and Vitest (repo root).
export default defineConfig(({ command }) => ({
  root: 'src/app',
  base: '/tab/',
  // griffelExtraction: Fluent's and our styles' CSS in one stylesheet instead of the JavaScript (builds only).
  plugins: [react(), ...messagesInOneLanguage(), treeShakeReactRouter(), griffelExtraction()],
  resolve: {
    // react-router's package exports point at its development build in every mode (remix-run/react-router#12532,
    // #14102): dev-only warnings and checks in the first screen. Builds take its production build.
    alias:
      command === 'build'
        ? [
            {
              find: /^react-router$/,
              replacement: `${repo}node_modules/react-router/dist/production/index.mjs`,
            },
          ]
        : [],
  },
  build: {
    outDir: `${repo}dist/app`,
    emptyOutDir: true,
    sourcemap: true,
    // The first screen is one chunk on purpose (below); bench/tab.bench.ts watches its size in gzip. A test build
    // (NODE_ENV=test: React's development build) is about 1 MB.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically is needed by every first visit: one chunk compresses better than
        // the dozen shared chunks the automatic splitting made of it (~10 KB gzip less), and is one request.
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    root: repo,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Emulator tests start real servers on loopback ports; files run in parallel worker processes.
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
}));
