import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { permissionsMarkdown } from './access-matrix-doc';

describe('docs/permissions.md', () => {
  it('is the matrix the code enforces (regenerate with npm run docs:permissions)', () => {
    expect(readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8')).toBe(
      permissionsMarkdown(),
    );
  });
});
