/**
 * Build benchmark: times each build stage and measures what readers download. Prints figures,
 * asserts nothing (performance is measured here, not in timed tests). Run: `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stages: [string, string[]][] = [
  ['contrôle du contenu', ['scripts/check-content.ts']],
  ['astro build', ['node_modules/astro/bin/astro.mjs', 'build', '--silent']],
  ['index Pagefind', ['scripts/build-search.ts']],
];
const rows: [string, string][] = [];
for (const [name, args] of stages) {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  rows.push([name, `${((performance.now() - start) / 1000).toFixed(2)} s`]);
}

const dist = join(process.cwd(), 'dist');
const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => statSync(join(dist, f)).isFile());
const size = (list: string[]) => list.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
const kib = (n: number) => `${(n / 1024).toFixed(1)} Kio`;
const pages = files.filter((f) => f.endsWith('.html'));
const pageSizes = pages.map((p) => statSync(join(dist, p)).size).sort((a, b) => a - b);
const css = files.filter((f) => f.endsWith('.css') && !f.startsWith('pagefind'));
const actionPage = pages.find((p) => p.includes('/actions/'))!;
const scriptsOnActionPage = (readFileSync(join(dist, actionPage), 'utf8').match(/<script/g) ?? []).length;

rows.push(
  ['pages HTML', String(pages.length)],
  ['page médiane / la plus lourde', `${kib(pageSizes[Math.floor(pageSizes.length / 2)]!)} / ${kib(pageSizes.at(-1)!)}`],
  ['CSS (toutes pages)', kib(size(css))],
  ['balises <script> sur une page d\'action', String(scriptsOnActionPage)],
  ['index et code Pagefind (chargés à la recherche)', kib(size(files.filter((f) => f.startsWith('pagefind'))))],
  ['dossier dist/ complet', kib(size(files))],
);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
