import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints source text as if it lived at a path in src/, with the project's own eslint.config.js,
// so the layer rules are checked exactly as `npm run lint` checks them.
async function lintAt(filePath: string, code: string) {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter(
    (m) =>
      m.ruleId?.startsWith('boundaries/') ||
      m.ruleId === 'no-restricted-syntax' ||
      m.ruleId === 'no-restricted-imports',
  );
}

describe('layer boundaries are enforced by lint', () => {
  it('refuses domain → graph', async () => {
    const msgs = await lintAt(
      'src/domain/probe.ts',
      "import { graphLayer } from '../graph/placeholder';\nexport const x = graphLayer;\n",
    );
    expect(msgs.map((m) => m.ruleId)).toContain('boundaries/dependencies');
  });

  it('refuses app → graph, app → server, app → emulator', async () => {
    for (const target of ['../graph/placeholder', '../server/auth/token-validator', '../emulator/server']) {
      const msgs = await lintAt('src/app/probe.ts', `import * as m from '${target}';\nexport const x = m;\n`);
      expect(
        msgs.map((m) => m.ruleId),
        target,
      ).toContain('boundaries/dependencies');
    }
  });

  it('allows graph → domain and server → graph', async () => {
    expect(
      await lintAt(
        'src/graph/probe.ts',
        "import { fixedClock } from '../domain/clock';\nexport const x = fixedClock;\n",
      ),
    ).toEqual([]);
    expect(
      await lintAt(
        'src/server/probe.ts',
        "import { graphLayer } from '../graph/placeholder';\nexport const x = graphLayer;\n",
      ),
    ).toEqual([]);
  });

  it('refuses a clock read and I/O inside the domain', async () => {
    const msgs = await lintAt(
      'src/domain/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const t = Date.now();\nexport const r = readFileSync;\n",
    );
    expect(msgs.map((m) => m.ruleId).sort()).toEqual(['no-restricted-imports', 'no-restricted-syntax']);
  });
});
