import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildAppPackage } from '../src/server/app-package/build-package';
import { loadPackageSources, REPO_ROOT } from '../src/server/app-package/sources';
import { formatIssues, validateAppPackage } from '../src/server/app-package/validate';
import { zipAppPackage } from '../src/server/app-package/zip';
import { ConfigError, loadConfig } from '../src/server/config';

/**
 * `npm run package`: builds the Teams app package for the configuration in the environment (local mode when nothing
 * is set) and writes build/stagemap-teams-app.zip, but only after the package passed validation.
 * `--out <file>` writes elsewhere (the tests use it so they never touch build/).
 */
const DEFAULT_OUTPUT = join(REPO_ROOT, 'build', 'stagemap-teams-app.zip');

function outputPath(argv: string[]): string {
  const i = argv.indexOf('--out');
  const value = i >= 0 ? argv[i + 1] : undefined;
  return value ? resolve(value) : DEFAULT_OUTPUT;
}

function main(argv: string[]): number {
  const output = outputPath(argv);
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`No app package was built.\n${error.message}`);
      return 1;
    }
    throw error;
  }
  // The app's version follows the repository's, so each release can be uploaded as an update.
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const built = buildAppPackage(config, loadPackageSources(), { appVersion: version });
  const issues = validateAppPackage(built.files, { expected: config });
  if (issues.length > 0) {
    console.error(`The app package is not valid (${issues.length} problem(s)); nothing was written.`);
    console.error(formatIssues(issues));
    return 1;
  }
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, zipAppPackage(built.files));
  console.log(`Wrote ${output} (${config.mode} mode, ${config.publicUrl}, app version ${version})`);
  for (const name of Object.keys(built.files).sort()) console.log(`  ${name}`);
  if (config.mode === 'local') {
    console.log(
      "Local mode: the ids are the emulator's; set the production variables to package for a real tenant.",
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
