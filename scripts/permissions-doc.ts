import { writeFileSync } from 'node:fs';
import { permissionsMarkdown } from '../src/domain/access-matrix-doc';

writeFileSync(new URL('../docs/permissions.md', import.meta.url), permissionsMarkdown());
console.log('wrote docs/permissions.md');
