/**
 * The fixture site (issue 21): the engine's build-folder and browser tests run on the small,
 * fictional documents of tests/fixtures/site/ — every page template, two status scales, three
 * review rounds, a withdrawn and a merged action, a procedure, a foreign phrase, a replaced
 * document — so that they hold whatever a publisher puts in content/.
 *
 * `buildFixtureSite()` copies the project (scripts/tooling/project-copy.ts) into the git-ignored
 * folder .fixture-site/, with the fixture's content/ and its src/config.ts (a one-line re-export
 * of tests/fixtures/site/config.ts), and builds it as `npm run build` builds the real site, under
 * the same BASE_PATH. `node tests/fixture-site.ts` does it from the command line (scripts/tooling/test.sh).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyProject } from '../scripts/tooling/project-copy.ts';

const PROJECT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The fixture's sources: content/ (same layout as the project's) and config.ts. */
export const FIXTURE_SOURCES = join(PROJECT, 'tests/fixtures/site');
/** The working copy the fixture site is built in (git-ignored). */
export const FIXTURE_ROOT = join(PROJECT, '.fixture-site');
/** The fixture site's built folder, as dist/ is the real site's. */
export const FIXTURE_DIST = join(FIXTURE_ROOT, 'dist');
/** What the fixture site's build printed. */
export const FIXTURE_LOG = join(FIXTURE_ROOT, 'build.log');

/** Copies the project with the fixture's content and settings into FIXTURE_ROOT, then builds it. */
export function buildFixtureSite(): void {
  rmSync(FIXTURE_ROOT, { recursive: true, force: true });
  copyProject(PROJECT, FIXTURE_ROOT, join(FIXTURE_SOURCES, 'content'));
  // The settings stay at their own path in the copy, so that their import of the model resolves
  // there as it does here.
  const config = join(FIXTURE_ROOT, 'tests/fixtures/site/config.ts');
  mkdirSync(dirname(config), { recursive: true });
  cpSync(join(FIXTURE_SOURCES, 'config.ts'), config);
  // Its logo, beside the settings (which read it there) and where the site serves it from.
  for (const to of [join(dirname(config), 'public'), join(FIXTURE_ROOT, 'public')]) {
    cpSync(join(FIXTURE_SOURCES, 'public'), to, { recursive: true });
  }
  writeFileSync(join(FIXTURE_ROOT, 'src/config.ts'), "export { site } from '../tests/fixtures/site/config.ts';\n");
  const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: FIXTURE_ROOT, encoding: 'utf8', env: process.env });
  if (run.status !== 0) {
    throw new Error(`La construction du site d’essai (${FIXTURE_ROOT}) a échoué :\n${run.stdout}\n${run.stderr}`);
  }
  // The build's terminal, for tests/build/terminal.test.ts (BUILD_LOG) as the real build's.
  writeFileSync(FIXTURE_LOG, run.stdout + run.stderr);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildFixtureSite();
    console.log(`Site d’essai construit dans ${FIXTURE_DIST}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
