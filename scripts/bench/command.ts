/**
 * Build benchmark (issue 9): builds this project and a plain-Astro reference on the same
 * synthetic corpus, at one or more sizes, and prints each stage's time, peak memory and pages per
 * second, the ratios between the two sites and how each grows with the corpus, then what readers
 * download (page weights). Prints figures, asserts nothing: performance is measured here, not in
 * timed tests. Run: `npm run bench` (1,000 and 5,000 actions), `npm run bench -- --actions 2000`,
 * `npm run bench -- --actions 1000,5000 --rounds 2` (rounds interleave: ours, reference, ours…).
 *
 * How: scripts/bench/corpus.ts writes the corpus; the project (src/, scripts/, public/, config,
 * package.json) is copied into a temporary folder beside that content, so the build runs exactly
 * as `npm run build` does (its stages are read from package.json) without touching the working
 * copy. Its log holds the build's French summary, whose last line gives the search index's own
 * time. The reference (scripts/bench/reference.ts) is an Astro site with no integrations, a
 * one-line layout and one page per entry, indexed by the Pagefind CLI. Each temporary folder has
 * its own node_modules/ made of links to the project's packages, so that Astro's and Vite's caches
 * stay in it; every build starts cold (dist/, .astro/ and those caches removed).
 *
 * Peak memory: the highest sum of VmRSS over the stage's process tree, read from /proc every
 * 100 ms (a spike shorter than that can be missed). Linux only. CPU time (user + system of the
 * stage and all its descendants) comes from GNU time when /usr/bin/time exists, or from the same
 * /proc samples when they see more (a descendant killed without being waited for): on a shared
 * machine it moves much less than the wall-clock time, which other processes inflate.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeCorpus, type CorpusSummary } from './corpus.ts';
import { writeReference } from './reference.ts';
import { copyProject, linkNodeModules } from '../tooling/project-copy.ts';
import { readCommandLine, usageError } from '../cli.ts';

const projectRoot = process.cwd();

// ---------------------------------------------------------------------------------------------
// Arguments.

const USAGE = `Usage : npm run bench -- [options]

Options :
  --actions <n,n…>   tailles du corpus synthétique, en actions (par défaut : 1000,5000 ; chacune ≥ 4)
  --rounds <n>       nombre de passages de chaque construction (par défaut : 1)
  --seed <n>         graine du corpus (par défaut : 1)
  --keep             garde les dossiers de travail
  --aide             affiche cette aide`;

function readOptions(argv: string[]) {
  const { values } = readCommandLine(
    {
      usage: USAGE,
      options: {
        actions: { type: 'string', default: '1000,5000' },
        rounds: { type: 'string', default: '1' },
        seed: { type: 'string', default: '1' },
        keep: { type: 'boolean', default: false },
      },
    },
    argv,
  );
  const opts = {
    actions: values.actions.split(',').map(Number),
    rounds: Number(values.rounds),
    seed: Number(values.seed),
    keep: values.keep,
  };
  if (opts.actions.some((n) => !Number.isInteger(n) || n < 4) || !(opts.rounds >= 1)) {
    usageError(USAGE, '--actions attend des entiers ≥ 4 séparés par des virgules, --rounds un entier ≥ 1.');
  }
  return opts;
}

// ---------------------------------------------------------------------------------------------
// Processes and their memory.

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/**
 * Sum of VmRSS (bytes) over a process and all its descendants; records in `cpuTicks` the CPU
 * ticks (user + system) each of them has used so far.
 */
function treeRss(root: number, cpuTicks: Map<number, number>): number {
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
      // Fields after the command name: state is field 3, utime 14 and stime 15.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks.set(pid, Number(fields[11]) + Number(fields[12]));
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return total;
}

interface StageResult {
  seconds: number;
  peakRss: number;
  /** User + system CPU seconds of the stage's process tree (GNU time, or /proc samples if higher). */
  cpu?: number;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** Runs one shell command as `npm run` would (node_modules/.bin first on PATH), timing it and polling its memory. */
function runStage(cwd: string, command: string, log: string): Promise<StageResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(cwd, 'node_modules/.bin')}:${process.env.PATH}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // The corpus is built at the root, whatever the caller's environment says.
  delete env.BASE_PATH;
  delete env.SITE_URL;
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const shell = ['sh', '-c', `${command} >> "${log}" 2>&1`];
    const timeFile = `${log}.time`;
    const child = hasGnuTime
      ? spawn(GNU_TIME, ['-f', '%U %S', '-o', timeFile, ...shell], { cwd, env, stdio: 'ignore' })
      : spawn(shell[0]!, shell.slice(1), { cwd, env, stdio: 'ignore' });
    let peakRss = 0;
    const cpuTicks = new Map<number, number>();
    const poll = () => {
      if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid, cpuTicks));
    };
    const timer = setInterval(poll, 100);
    poll();
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - start) / 1000;
      // GNU time counts only the descendants that were waited for (a process killed without being
      // waited for, as Pagefind's Node API does with its binary): the /proc samples catch those,
      // minus their last 100 ms.
      let cpu = [...cpuTicks.values()].reduce((n, t) => n + t, 0) / CLOCK_TICKS;
      if (hasGnuTime) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpu = Math.max(cpu, (user ?? 0) + (system ?? 0));
      }
      if (code === 0) resolvePromise({ seconds, peakRss, cpu });
      else {
        const tail = readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
        reject(new Error(`« ${command} » a échoué (code ${code}) dans ${cwd} :\n${tail}`));
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Working folders.

function clean(dir: string) {
  for (const d of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, d), { recursive: true, force: true });
}

/**
 * The stages of `npm run build`, read from package.json: today one, `astro build`, whose
 * integration also makes the search index (src/integration/site-build.ts); a chain
 * ("… && …") would be timed stage by stage.
 */
function buildStages(dir: string): [string, string][] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const names: [RegExp, string][] = [
    [/check-content/, 'contrôle du contenu'],
    [/astro build/, 'astro build (index compris)'],
    [/pagefind/, 'index de recherche'],
  ];
  return pkg.scripts
    .build!.split('&&')
    .map((c) => c.trim())
    .map((c) => [names.find(([re]) => re.test(c))?.[1] ?? c, c]);
}

/** The search index's own time, from the last line of our build's French summary (src/integration/terminal.ts). */
function indexSeconds(log: string): number | undefined {
  const m = /^Index de recherche : .*, en (\d+,\d) s\.$/m.exec(readFileSync(log, 'utf8'));
  return m ? Number(m[1]!.replace(',', '.')) : undefined;
}

function htmlPages(dist: string): string[] {
  return (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind'));
}

// ---------------------------------------------------------------------------------------------
// Figures.

interface SiteRun {
  stages: ({ name: string } & StageResult)[];
  pages: number;
}

const s = (x: number) => `${x.toFixed(1)} s`;
const mib = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} Gio` : `${Math.round(n / 1024 ** 2)} Mio`);
const kib = (n: number) => `${(n / 1024).toFixed(1)} Kio`;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const total = (run: SiteRun) => run.stages.reduce((n, st) => n + st.seconds, 0);
const cpuTotal = (run: SiteRun) => run.stages.reduce((n, st) => n + (st.cpu ?? NaN), 0);
const cpuText = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : s(x));
const peak = (run: SiteRun) => Math.max(...run.stages.map((st) => st.peakRss));

/** Median of the rounds, stage by stage (peak memory: the highest of the rounds). */
function combine(runs: SiteRun[]): SiteRun {
  return {
    pages: runs[0]!.pages,
    stages: runs[0]!.stages.map((st, i) => ({
      name: st.name,
      seconds: median(runs.map((r) => r.stages[i]!.seconds)),
      peakRss: Math.max(...runs.map((r) => r.stages[i]!.peakRss)),
      cpu: median(runs.map((r) => r.stages[i]!.cpu ?? NaN)),
    })),
  };
}

function table(rows: string[][], alignRight: number[] = []) {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, c) => (alignRight.includes(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
        .join('  ')
        .trimEnd(),
    );
}

/** What readers download: page sizes of our build (raw and gzip), the heaviest, the action pages. */
function pageWeights(dist: string) {
  const files = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => statSync(join(dist, f)).isFile());
  const size = (list: string[]) => list.reduce((n, f) => n + statSync(join(dist, f)).size, 0);
  const pages = htmlPages(dist).map((f) => {
    const buf = readFileSync(join(dist, f));
    return { f, raw: buf.length, gz: gzipSync(buf).length };
  });
  const byRaw = [...pages].sort((a, b) => a.raw - b.raw);
  const byGz = [...pages].sort((a, b) => a.gz - b.gz);
  const actions = pages.filter((p) => /\/actions\/[^/]+\/index\.html$/.test(p.f) && !p.f.startsWith('actions/'));
  const over = pages.filter((p) => p.gz > 100 * 1024);
  const css = files.filter((f) => f.endsWith('.css') && !f.startsWith('pagefind'));
  const actionPage = actions[0]?.f;
  const scripts = actionPage ? (readFileSync(join(dist, actionPage), 'utf8').match(/<script/g) ?? []).length : 0;
  const heaviest = byRaw.at(-1)!;
  const heaviestGz = byGz.at(-1)!;
  const rows: [string, string][] = [
    ['pages HTML', String(pages.length)],
    ['page médiane (brute / gzip)', `${kib(median(pages.map((p) => p.raw)))} / ${kib(median(pages.map((p) => p.gz)))}`],
    ['page la plus lourde (brute)', `${kib(heaviest.raw)} (${kib(heaviest.gz)} gzip) ${heaviest.f}`],
    ['page la plus lourde compressée', `${kib(heaviestGz.gz)} gzip (${kib(heaviestGz.raw)}) ${heaviestGz.f}`],
    [
      'pages de plus de 100 Kio compressées',
      over.length === 0
        ? '0'
        : `${over.length} (${over
            .slice(0, 5)
            .map((p) => p.f)
            .join(', ')}${over.length > 5 ? '…' : ''})`,
    ],
    [
      "page d'action : médiane / max (brute)",
      actions.length ? `${kib(median(actions.map((p) => p.raw)))} / ${kib(Math.max(...actions.map((p) => p.raw)))}` : '—',
    ],
    [
      "page d'action : médiane / max (gzip)",
      actions.length ? `${kib(median(actions.map((p) => p.gz)))} / ${kib(Math.max(...actions.map((p) => p.gz)))}` : '—',
    ],
    ['CSS (toutes pages)', kib(size(css))],
    ["balises <script> sur une page d'action", String(scripts)],
    ['index et code Pagefind (chargés à la recherche)', kib(size(files.filter((f) => f.startsWith('pagefind'))))],
    ['dossier dist/ complet', kib(size(files))],
  ];
  table(rows.map(([k, v]) => [`  ${k}`, v]));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = readOptions(process.argv.slice(2));
  const astroVersion = (JSON.parse(readFileSync(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as { version: string })
    .version;
  const cpu = cpus();
  console.log(
    `Machine : ${cpu.length} cœurs (${cpu[0]?.model.trim() ?? '?'}), ${mib(totalmem())} de mémoire ; Node ${process.version} ; Astro ${astroVersion}.`,
  );
  console.log(`Tailles : ${opts.actions.join(', ')} actions ; ${opts.rounds} tour(s) alternés (projet, référence) ; graine ${opts.seed}.`);
  console.log("Mémoire de pointe : somme des VmRSS de l'arbre de processus de l'étape, relevée toutes les 100 ms dans /proc.");
  console.log('Constructions à froid (dist/, .astro/ et caches de node_modules supprimés avant chacune).');
  console.log(
    `Charge de la machine au départ (1, 5, 15 min) : ${loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')} ; au-delà du nombre de cœurs, les durées sont gonflées par les autres processus.\n`,
  );

  const work = mkdtempSync(join(tmpdir(), 'bench-conventions-'));
  const results: { actions: number; corpus: CorpusSummary; ours: SiteRun; reference: SiteRun; oursDir: string }[] = [];
  try {
    for (const actions of opts.actions) {
      const dir = join(work, String(actions));
      const t0 = performance.now();
      const corpus = writeCorpus(join(dir, 'corpus'), { actions, seed: opts.seed });
      const generation = (performance.now() - t0) / 1000;
      const content = join(dir, 'corpus', 'content');
      const oursDir = join(dir, 'ours');
      const refDir = join(dir, 'reference');
      copyProject(projectRoot, oursDir, content);
      writeReference(refDir, content);
      linkNodeModules(projectRoot, refDir);
      console.log(
        `== ${actions} actions : ${corpus.documents} documents, ${corpus.actions} actions (${corpus.bodies} avec un corps), ${corpus.pages} entrées à page ; corpus généré en ${s(generation)} (${dir})`,
      );

      const ourStages = buildStages(oursDir);
      const refStages: [string, string][] = [
        ['astro build', 'astro build'],
        ['pagefind (CLI)', 'pagefind --site dist'],
      ];
      const runSite = async (siteDir: string, stages: [string, string][], label: string, round: number): Promise<SiteRun> => {
        clean(siteDir);
        const log = join(siteDir, `build-${round}.log`);
        const run: SiteRun = { stages: [], pages: 0 };
        for (const [name, command] of stages) {
          const r = await runStage(siteDir, command, log);
          run.stages.push({ name, ...r });
          process.stdout.write(
            `   ${label}, tour ${round} : ${name} ${s(r.seconds)} (CPU ${cpuText(r.cpu)}), ${mib(r.peakRss)} (charge ${loadavg()[0]!.toFixed(1)})\n`,
          );
        }
        run.pages = htmlPages(join(siteDir, 'dist')).length;
        const index = indexSeconds(log);
        if (index !== undefined) process.stdout.write(`   ${label}, tour ${round} : dont index de recherche ${s(index)}\n`);
        return run;
      };
      const ours: SiteRun[] = [];
      const reference: SiteRun[] = [];
      for (let round = 1; round <= opts.rounds; round++) {
        ours.push(await runSite(oursDir, ourStages, 'projet', round));
        reference.push(await runSite(refDir, refStages, 'référence', round));
      }
      results.push({ actions, corpus, ours: combine(ours), reference: combine(reference), oursDir });
      console.log('');
    }

    console.log(
      `Par étape${opts.rounds > 1 ? ` (médiane de ${opts.rounds} tours ; mémoire : la plus haute)` : ''} — pages/s = pages HTML produites / durée de l'étape :\n`,
    );
    const rows: string[][] = [['actions', 'site', 'étape', 'durée', 'CPU', 'mémoire de pointe', 'pages', 'pages/s']];
    for (const r of results) {
      for (const [site, run] of [
        ['projet', r.ours],
        ['référence', r.reference],
      ] as const) {
        for (const st of run.stages)
          rows.push([
            String(r.actions),
            site,
            st.name,
            s(st.seconds),
            cpuText(st.cpu),
            mib(st.peakRss),
            String(run.pages),
            (run.pages / st.seconds).toFixed(0),
          ]);
        rows.push([
          String(r.actions),
          site,
          'TOTAL',
          s(total(run)),
          cpuText(cpuTotal(run)),
          mib(peak(run)),
          String(run.pages),
          (run.pages / total(run)).toFixed(0),
        ]);
      }
    }
    table(rows, [0, 3, 4, 5, 6, 7]);

    console.log('\nRapports :\n');
    const ratio = (a: number, b: number) => (Number.isNaN(a / b) ? '—' : `${(a / b).toFixed(2)}×`);
    const ratioRows: string[][] = [
      ['actions', 'projet', 'référence', 'projet / référence', 'idem en CPU', 'pointe mémoire projet', 'ms par page (projet / réf.)'],
    ];
    for (const r of results) {
      ratioRows.push([
        String(r.actions),
        s(total(r.ours)),
        s(total(r.reference)),
        ratio(total(r.ours), total(r.reference)),
        ratio(cpuTotal(r.ours), cpuTotal(r.reference)),
        mib(peak(r.ours)),
        `${((total(r.ours) * 1000) / r.ours.pages).toFixed(1)} / ${((total(r.reference) * 1000) / r.reference.pages).toFixed(1)}`,
      ]);
    }
    table(ratioRows, [0, 1, 2, 3, 4, 5]);
    if (results.length > 1) {
      const first = results[0]!;
      const last = results.at(-1)!;
      const g = (a: number, b: number) => ratio(b, a);
      console.log(`\nCroissance ${last.actions} / ${first.actions} actions :`);
      table(
        [
          ['', 'durée', 'CPU', 'pages', 'entrées'],
          [
            '  projet',
            g(total(first.ours), total(last.ours)),
            g(cpuTotal(first.ours), cpuTotal(last.ours)),
            g(first.ours.pages, last.ours.pages),
            g(first.corpus.pages, last.corpus.pages),
          ],
          [
            '  référence',
            g(total(first.reference), total(last.reference)),
            g(cpuTotal(first.reference), cpuTotal(last.reference)),
            g(first.reference.pages, last.reference.pages),
            g(first.corpus.pages, last.corpus.pages),
          ],
        ],
        [1, 2, 3, 4],
      );
    }
    console.log(
      `\nPointe mémoire la plus haute : projet ${mib(Math.max(...results.map((r) => peak(r.ours))))}, référence ${mib(Math.max(...results.map((r) => peak(r.reference))))}.`,
    );

    for (const r of results) {
      console.log(`\nPoids des pages du projet à ${r.actions} actions (ce que les lecteurs téléchargent) :`);
      pageWeights(join(r.oursDir, 'dist'));
    }
  } finally {
    if (opts.keep) console.log(`\nDossiers conservés : ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
