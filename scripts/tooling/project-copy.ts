/**
 * A working copy of the project in another folder, built there exactly as `npm run build` builds
 * it: the code (src/, scripts/, public/, configuration, package.json), a content folder of one's
 * choice, and node_modules/ as a real folder of links to the project's packages, so that Astro's
 * and Vite's caches (.astro, .vite) stay in the copy. Used by the benchmark (scripts/bench/command.ts),
 * by the build test of an edited site (tests/build/edited-site.test.ts) and by the fixture site
 * (tests/fixture-site.ts).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The project's code, as a build needs it. */
const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** node_modules/ in `dir` as links to the packages of `project`, its caches left out. */
export function linkNodeModules(project: string, dir: string): void {
  const source = realpathSync(join(project, 'node_modules'));
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  for (const name of readdirSync(source)) {
    if (['.astro', '.vite', '.cache'].includes(name)) continue;
    symlinkSync(join(source, name), join(dir, 'node_modules', name));
  }
}

/** Copies the code of `project` into `dir`, with `content` (a folder) as its content/. */
export function copyProject(project: string, dir: string, content: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of CODE) {
    if (existsSync(join(project, entry))) cpSync(join(project, entry), join(dir, entry), { recursive: true });
  }
  cpSync(content, join(dir, 'content'), { recursive: true });
  linkNodeModules(project, dir);
}
