/**
 * Runs every benchmark of the project (bench/*.bench.ts), prints one line per figure and writes them all to
 * bench-results.json at the repo root, so runs can be compared.
 *
 * A bench file default-exports `async () => BenchFigure[]`. `npm run bench -- <filter>` runs only the files
 * whose name contains <filter>.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchFigure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = (await readdir(here)).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();

const all: BenchFigure[] = [];
for (const file of files) {
  const started = performance.now();
  console.log(`# ${file}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    default: () => Promise<BenchFigure[]>;
  };
  const figures = await mod.default();
  for (const f of figures) {
    console.log(`${f.name}: ${f.value} ${f.unit}${f.goal ? ` (goal ${f.goal})` : ''}`);
    all.push(f);
  }
  console.log(`# ${file} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// A filtered run replaces its own figures and keeps the others', so the file always holds a whole picture.
const out = join(here, '..', 'bench-results.json');
let merged = all;
if (filter) {
  const before = JSON.parse(await readFile(out, 'utf8').catch(() => '[]')) as BenchFigure[];
  const fresh = new Map(all.map((f) => [f.name, f]));
  merged = [
    ...before.map((f) => fresh.get(f.name) ?? f),
    ...all.filter((f) => !before.some((b) => b.name === f.name)),
  ];
}
await writeFile(out, JSON.stringify(merged, null, 2) + '\n');
console.log(`wrote ${all.length} figures to bench-results.json (${merged.length} in all)`);
