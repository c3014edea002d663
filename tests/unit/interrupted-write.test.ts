/**
 * Writes that cannot end half-done (issue 19). A child process (tests/write-child.ts) writes a
 * follow-up import (five changed files) or a new document (nine new files, three new folders)
 * into a small fixture and is killed at chosen steps: before its journal is complete, with the
 * journal in place, after one file, in the middle (a temporary file written), after the last file
 * with the journal still there. Each time the content is either the old one, byte for byte, or
 * refused by the content check with the French "import interrompu" message; finishing gives
 * exactly the content of an uninterrupted write, undoing exactly the old one. In the middle, the
 * child runs the real path (the CSV import, a new document's writer) and the commands finish or
 * undo it. Ctrl+C during a write waits for its end. The children, two at a time, start at load.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validFiles } from './fixtures.ts';
import { checkNewDocument, renderFrontmatter, writeNewDocument, type NewDocument } from '../../scripts/spreadsheet/document.ts';
import { documentRows, documentSheets, loadContent, sheetHeaders } from '../../scripts/spreadsheet/workbook.ts';
import { SPREADSHEET_CSV, writeCsv } from '../../src/open-data/csv.ts';
import { importCsv } from '../../scripts/spreadsheet/import.ts';
import {
  importOrigin,
  newDocumentOrigin,
  sameSources,
  settlePendingWrite,
  writeContent,
  type FileText,
} from '../../scripts/spreadsheet/journal.ts';
import { readContent } from '../../src/model/read.ts';
import { contentLoader } from '../../src/integration/content-loader.ts';
import { formatMoment, interruptedMessage, journalFile, readJournal, type Journal } from '../../src/model/journal.ts';
import type { Request } from '../write-child.ts';
import { tempDir } from '../temp-dir.ts';

const project = process.cwd();
const JOURNAL = journalFile('content');

// ── The fixture: one document, five actions, and a follow-up CSV that changes all five ────────
const base = tempDir('ecriture-interrompue-');
{
  const files = validFiles();
  const second = files.find((f) => f.file.endsWith('/action-2.mdx'))!;
  for (const n of [3, 4, 5]) {
    files.push({
      ...second,
      file: `content/actions/essai/action-${n}.mdx`,
      pathInCollection: `essai/action-${n}.mdx`,
      frontmatter: { ...(second.frontmatter as object), number: String(n), order: n, title: `Action ${n}` },
    });
  }
  for (const f of files) {
    mkdirSync(dirname(join(base, f.file)), { recursive: true });
    writeFileSync(join(base, f.file), `${renderFrontmatter(f.frontmatter as Record<string, unknown>)}\nCorps de ${f.file}.\n`);
  }
  const [sheet] = documentSheets(loadContent(base).entries);
  const headers = sheetHeaders(sheet!.convention);
  const rows = documentRows(sheet!.convention, sheet!.actions).map((row, i) => {
    const edited = [...row];
    if (i < 4) edited[headers.indexOf('Bilan 2024')] = 'NR';
    else edited[headers.indexOf('titre')] = 'Action 5, nouveau titre';
    return edited;
  });
  writeFileSync(join(base, 'essai.csv'), writeCsv([headers, ...rows], SPREADSHEET_CSV));
  writeFileSync(join(base, 'autre.csv'), writeCsv([headers, ...rows.slice(1)], SPREADSHEET_CSV));
}

/** A new document: two axes, one objective, five actions (nine files in three new folders). */
const convention = validFiles()[0]!.frontmatter as Record<string, unknown>;
const DOC: NewDocument = {
  id: 'nouveau',
  convention: Object.fromEntries(
    Object.entries({ ...convention, title: 'Nouveau plan', shortTitle: 'Nouveau' }).filter(([k]) => k !== 'order'),
  ),
  axes: [
    { number: '1', title: 'Recrutement' },
    { number: '2', title: 'Maintien' },
  ],
  objectives: [{ axis: '1', number: '1', title: 'Recruter' }],
  actions: [1, 2, 3, 4, 5].map((n) => ({
    axis: n < 3 ? '1' : '2',
    ...(n < 3 ? { objective: '1' } : {}),
    number: String(n),
    title: `Action ${n}`,
    wording: `Texte de l’action ${n}.`,
    statuses: [{ round: 'bilan-2024', status: 'R' }],
    themes: ['formation'],
    audience: ['tous-agents'],
  })),
};

/** A copy of a folder (the fixture, or a state left by a child). */
function copy(dir: string): string {
  const to = tempDir('ecriture-copie-');
  cpSync(dir, to, { recursive: true });
  return to;
}

/** Every folder and file under content/, with each file's bytes: two equal snapshots are the same content. */
function snapshot(root: string, keep: (name: string) => boolean = () => true): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const d of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (!keep(d.name)) continue;
      const path = `${dir}/${d.name}`;
      if (d.isDirectory()) {
        out[`${path}/`] = '(dossier)';
        walk(path);
      } else out[path] = readFileSync(join(root, path)).toString('base64');
    }
  };
  walk('content');
  return out;
}
const notTemporary = (name: string) => !/\.\d+\.tmp$/.test(name);

const OLD = snapshot(base);
/** When the write left in `dir` began, as the messages say it. */
const moment = (dir: string) => formatMoment(new Date((readJournal(dir, 'content') as { journal: Journal }).journal.startedAt));
const csv = (root: string) => join(root, 'essai.csv');

// The uninterrupted writes, in this process: what finishing must give.
const followUp = copy(base);
assert.deepEqual(importCsv([csv(followUp)], { root: followUp }).problems, []);
const NEW_FOLLOW_UP = snapshot(followUp);
const followUpTexts: FileText[] = Object.keys(NEW_FOLLOW_UP)
  .filter((f) => NEW_FOLLOW_UP[f] !== OLD[f])
  .map((file) => ({ file, text: readFileSync(join(followUp, file), 'utf8') }));
const newDocument = copy(base);
const { planned } = checkNewDocument(newDocument, 'content', DOC);
writeNewDocument(newDocument, planned);
const NEW_DOCUMENT = snapshot(newDocument);
const documentTexts: FileText[] = planned.map(({ file, text }) => ({ file, text }));

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

// Two processes at a time: the machine is shared.
let running = 0;
const waiting: (() => void)[] = [];
async function run(args: string[], cwd: string): Promise<Run> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise<Run>((resolve) => {
      // Node's compile cache: after the first run, a child loads its modules in half the time.
      const env = { ...process.env, NODE_COMPILE_CACHE: join(tmpdir(), 'ecriture-interrompue-cache') };
      const child = spawn(process.execPath, args, { cwd, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Runs the child on a fresh copy of the fixture; resolves to the copy once the child has ended. */
async function stopped(request: Omit<Request, 'root'>): Promise<{ dir: string; result: Run }> {
  const dir = copy(base);
  const result = await run([join(project, 'tests/write-child.ts'), JSON.stringify({ ...request, root: dir })], dir);
  return { dir, result };
}

/** The two writes and where they are stopped: steps are counted by the writer (2 per file, 3 more). */
const SCENARIOS = {
  suivi: {
    texts: followUpTexts,
    after: NEW_FOLLOW_UP,
    origin: (dir: string) => importOrigin([csv(dir)]),
    same: (dir: string) => (journal: Journal) => sameSources(journal, [csv(dir)]),
    message:
      /^import interrompu le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h \d{2} \(fichier essai\.csv\) : relancez `npm run tableur:importer -- (\S+\/)?essai\.csv` pour le terminer, ou `npm run tableur:importer -- --annuler` pour revenir à l’état d’avant$/,
  },
  document: {
    texts: documentTexts,
    after: NEW_DOCUMENT,
    origin: () => newDocumentOrigin('nouveau'),
    same: () => (journal: Journal) => journal.document === 'nouveau',
    message:
      /^création du document « nouveau » interrompue le \d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h \d{2} : relancez `npm run nouveau:document -- --id nouveau` pour la terminer, ou `npm run nouveau:document -- --annuler` pour revenir à l’état d’avant$/,
  },
} as const;

/** The kill points of a write of n files: in the middle, the real command's path rather than the writer alone. */
const points = (n: number) => [
  { step: 1, what: 'avant que le journal soit complet', real: false },
  { step: 2, what: 'journal en place', real: false },
  { step: 4, what: 'après un fichier', real: false },
  { step: 2 + 2 * Math.floor(n / 2) + 1, what: 'au milieu, un fichier temporaire écrit', real: true },
  { step: 2 + 2 * n, what: 'après le dernier fichier, journal encore là', real: false },
];

// Every child starts now; the tests below wait for theirs.
const kills = Object.entries(SCENARIOS).flatMap(([name, s]) =>
  points(s.texts.length).map((point) => {
    const stop = { stopAt: point.step, signal: 'SIGKILL' } as const;
    const real: Omit<Request, 'root'> =
      name === 'suivi' ? { mode: 'suivi', csv: 'essai.csv', ...stop } : { mode: 'document', doc: DOC, ...stop };
    return {
      name: name as keyof typeof SCENARIOS,
      ...point,
      done: stopped(point.real ? real : { mode: 'writer', files: s.texts, origin: s.origin(base), ...stop }),
    };
  }),
);
const middle = (name: keyof typeof SCENARIOS) => kills.find((k) => k.name === name && k.real)!.done;
const interrupted = {
  ctrlC: stopped({ mode: 'writer', files: followUpTexts, origin: importOrigin([csv(base)]), stopAt: 5, signal: 'SIGINT' }),
  before: stopped({ mode: 'writer', files: followUpTexts, origin: importOrigin([csv(base)]), stopAt: 0, signal: 'SIGINT' }),
};

test('the fixture: both writes change the content, each in its own way', () => {
  assert.equal(followUpTexts.length, 5);
  assert.equal(documentTexts.length, 9);
  assert.notDeepEqual(NEW_FOLLOW_UP, OLD);
  assert.notDeepEqual(NEW_DOCUMENT, OLD);
  assert.deepEqual(readContent(followUp).problems, []);
  assert.deepEqual(readContent(newDocument).problems, []);
});

for (const kill of kills) {
  test(`${kill.name}, tué ${kill.what} (étape ${kill.step}) : ancien contenu ou refus, puis terminé ou annulé exactement`, async () => {
    const scenario = SCENARIOS[kill.name];
    const { dir, result } = await kill.done;
    assert.equal(result.signal, 'SIGKILL', result.stderr);
    assert.equal(result.stdout, '');
    const { problems } = readContent(dir);
    if (kill.step === 1) {
      // The journal was not in place: nothing changed, and its unfinished copy is named as such.
      assert.deepEqual(snapshot(dir, notTemporary), OLD);
      assert.equal(problems.length, 1);
      assert.match(problems[0]!.file, /^content\/\.import-en-cours\.json\.\d+\.tmp$/);
      assert.match(problems[0]!.message, /^journal inachevé d’une écriture arrêtée avant d’avoir modifié le moindre fichier/);
    } else {
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.file, JOURNAL);
      assert.match(problems[0]!.message, scenario.message);
    }

    // Finishing: the same command again.
    const finished = copy(dir);
    const settled = settlePendingWrite(finished, 'content', { undo: false, same: scenario.same(finished) });
    if (kill.step === 1) {
      assert.match(
        settled.message!,
        /^Journal inachevé supprimé \(content\/\.import-en-cours\.json\.\d+\.tmp\) : l’écriture qui l’a laissé/,
      );
      assert.equal(settled.exitCode, undefined);
      // Nothing was pending: the command carries on and writes, as the first time.
      writeContent(finished, 'content', scenario.texts, { origin: () => scenario.origin(finished) });
    } else {
      assert.equal(settled.exitCode, 0, settled.message);
      assert.match(settled.message!, /: terminée? d’après son journal, \d+ fichiers écrits\.$/);
    }
    assert.deepEqual(snapshot(finished), scenario.after);
    assert.deepEqual(readContent(finished).problems, []);

    // Undoing.
    const undone = copy(dir);
    const back = settlePendingWrite(undone, 'content', { undo: true, same: () => false });
    assert.equal(back.exitCode, 0, back.message);
    if (kill.step === 1) assert.match(back.message!, /\nRien à annuler : aucune écriture n’a été interrompue dans content\//);
    else
      assert.match(
        back.message!,
        /: annulée?, le contenu est revenu à son état d’avant \(\d+ fichiers? (remis comme avant|nouveaux? supprimés?)\)\.$/,
      );
    assert.deepEqual(snapshot(undone), OLD);
  });
}

test('the build refuses too: the content loader stops on the same message', async () => {
  const { dir } = await kills.find((k) => k.name === 'suivi' && k.step === 4)!.done;
  const context = { config: { root: pathToFileURL(`${dir}/`) } };
  await assert.rejects(contentLoader('actions').load(context as never), (error: Error) =>
    error.message.includes(`✗ ${JOURNAL}\n  champ « (écriture interrompue) » : import interrompu le ${moment(dir)} (fichier essai.csv)`),
  );
});

test('self-test: a half-written follow-up without its journal passes the content check', async () => {
  const { dir } = await kills.find((k) => k.name === 'suivi' && k.step === 4)!.done;
  const half = copy(dir);
  rmSync(join(half, JOURNAL));
  // What the check saw before issue 19: valid content, neither the old nor the new.
  assert.deepEqual(readContent(half).problems, []);
  assert.notDeepEqual(snapshot(half), OLD);
  assert.notDeepEqual(snapshot(half), NEW_FOLLOW_UP);
});

test('the CSV import killed in its write phase: refused by check:content, finished by the same command', async () => {
  const { dir } = await middle('suivi');
  const finished = copy(dir);
  const [check, finish] = await Promise.all([
    run([join(project, 'scripts/tooling/check-content.ts')], dir),
    run([join(project, 'scripts/spreadsheet/import-command.ts'), 'essai.csv'], finished),
  ]);
  assert.equal(check.status, 1);
  assert.equal(
    check.stderr,
    'Le contenu comporte 1 erreur. Corrigez-la puis relancez la construction.\n\n✗ content/.import-en-cours.json\n' +
      `  champ « (écriture interrompue) » : import interrompu le ${moment(dir)} (fichier essai.csv) : ` +
      'relancez `npm run tableur:importer -- essai.csv` pour le terminer, ou `npm run tableur:importer -- --annuler` pour revenir à l’état d’avant\n',
  );
  assert.equal(finish.status, 0, finish.stderr);
  assert.equal(
    finish.stdout,
    `Import interrompu le ${moment(dir)} (fichier essai.csv) : terminé d’après son journal, 5 fichiers écrits.\n`,
  );
  assert.deepEqual(snapshot(finished), NEW_FOLLOW_UP);
});

test('an import given another file while one is unfinished is refused with the same explanation', async () => {
  const { dir } = await middle('suivi');
  const refused = settlePendingWrite(dir, 'content', { undo: false, same: (journal) => sameSources(journal, [join(dir, 'autre.csv')]) });
  assert.deepEqual(refused, {
    message:
      `✗ Import interrompu le ${moment(dir)} (fichier essai.csv) : relancez \`npm run tableur:importer -- essai.csv\` pour le terminer, ` +
      'ou `npm run tableur:importer -- --annuler` pour revenir à l’état d’avant.\nRien d’autre n’a été fait.',
    exitCode: 1,
  });
  assert.ok(existsSync(join(dir, JOURNAL)));
});

test('a new document killed in its write phase: undone by nouveau:document --annuler, its folders included', async () => {
  const { dir: killed } = await middle('document');
  const dir = copy(killed);
  const undo = await run([join(project, 'scripts/starter/new-document.ts'), '--annuler'], dir);
  assert.equal(undo.status, 0, undo.stderr);
  assert.equal(
    undo.stdout,
    `Création du document « nouveau » interrompue le ${moment(killed)} : annulée, le contenu est revenu à son état d’avant (9 fichiers nouveaux supprimés).\n`,
  );
  assert.deepEqual(snapshot(dir), OLD);
});

test('Ctrl+C during a write waits for its end; before it, it stops the command with nothing written', async () => {
  const ctrlC = await interrupted.ctrlC;
  assert.equal(ctrlC.result.status, 130);
  assert.equal(ctrlC.result.stdout, 'écriture terminée\n');
  assert.equal(
    ctrlC.result.stderr,
    '\nInterruption (Ctrl+C) : l’écriture du contenu, commencée, a été menée à son terme pour ne pas le laisser à moitié écrit ; vérifiez-le avec npm run check:content.\n',
  );
  assert.deepEqual(snapshot(ctrlC.dir), NEW_FOLLOW_UP);
  // Before the first step, Ctrl+C stops the command at once, as it always did.
  const before = await interrupted.before;
  assert.equal(before.result.signal, 'SIGINT');
  assert.equal(before.result.stdout, '');
  assert.deepEqual(snapshot(before.dir), OLD);
});

test('two writes started at once: the second one finds the first journal and writes nothing', () => {
  const dir = copy(base);
  const other = JSON.stringify({ autre: 'écriture' });
  const start = (done: number) => {
    if (done === 1) writeFileSync(join(dir, JOURNAL), other);
  };
  assert.throws(
    () => writeContent(dir, 'content', followUpTexts, { onStep: start }),
    /^WriteError: une autre écriture du contenu a commencé en même temps : attendez qu’elle finisse, puis relancez la commande$/,
  );
  assert.equal(readFileSync(join(dir, JOURNAL), 'utf8'), other);
  assert.deepEqual(
    snapshot(dir, (name) => name !== '.import-en-cours.json'),
    OLD,
  );
});

test('finishing that the system refuses keeps the journal, to be run again', async () => {
  const { dir: killed } = await kills.find((k) => k.name === 'suivi' && k.step === 4)!.done;
  const dir = copy(killed);
  const journal = (readJournal(dir, 'content') as { journal: Journal }).journal;
  const file = join(dir, journal.files[4]!.file);
  rmSync(file);
  mkdirSync(file);
  const refused = settlePendingWrite(dir, 'content', { undo: false, same: () => true });
  assert.deepEqual(refused, {
    message: `✗ Import interrompu le ${moment(dir)} (fichier essai.csv) : fin de l’écriture impossible (un dossier porte ce nom) ; le journal reste en place : réglez ce problème puis relancez la même commande.`,
    exitCode: 1,
  });
  rmSync(file, { recursive: true });
  writeFileSync(file, journal.files[4]!.before!);
  assert.equal(settlePendingWrite(dir, 'content', { undo: false, same: () => true }).exitCode, 0);
  assert.deepEqual(snapshot(dir), NEW_FOLLOW_UP);
});

test('a failure while writing puts every file back, and says so in French', () => {
  for (const [texts, failAt] of [
    [followUpTexts, 6],
    [documentTexts, 9],
  ] as const) {
    const dir = copy(base);
    const fail = (done: number) => {
      if (done === failAt) throw Object.assign(new Error('No space left on device'), { code: 'ENOSPC' });
    };
    assert.throws(
      () => writeContent(dir, 'content', texts, { onStep: fail }),
      /^WriteError: écriture de content\/\S+\.mdx impossible \(disque plein\) : le contenu a été remis dans son état d’avant$/,
    );
    assert.deepEqual(snapshot(dir), OLD);
  }
});

test('while a write is unfinished: another write, a trial run and a hand-edited file are refused', async () => {
  const { dir } = await kills.find((k) => k.name === 'suivi' && k.step === 4)!.done;
  const journal = (readJournal(dir, 'content') as { journal: Journal }).journal;
  const pending = `Import interrompu le ${moment(dir)} (fichier essai.csv)`;
  assert.throws(
    () => writeContent(dir, 'content', documentTexts),
    (e: Error) => e.message === `I${interruptedMessage(journal).slice(1)}`,
  );
  assert.throws(() => importCsv([csv(dir)], { root: dir }), /import interrompu le/);
  const trial = settlePendingWrite(dir, 'content', { undo: false, dryRun: true, same: () => true });
  assert.equal(trial.exitCode, 1);
  assert.match(trial.message!, /^✗ Import interrompu le .+ pour revenir à l’état d’avant\.\nRien d’autre n’a été fait\.$/);

  const edited = copy(dir);
  const file = journal.files[3]!.file;
  writeFileSync(join(edited, file), 'retouché à la main');
  for (const undo of [false, true]) {
    const refused = settlePendingWrite(edited, 'content', { undo, same: () => true });
    assert.equal(refused.exitCode, 1);
    assert.equal(
      refused.message,
      `${pending} : 1 fichier a été modifié depuis, à la main ou par un autre programme ; rien n’a été écrit.\n  ${file}\n` +
        'Remettez ce fichier dans l’état d’avant ou d’après l’écriture interrompue puis relancez, ou, si ces changements sont voulus, supprimez content/.import-en-cours.json et vérifiez le contenu avec npm run check:content.',
    );
  }
  assert.equal(readFileSync(join(edited, file), 'utf8'), 'retouché à la main');
});

test('an unreadable journal, or one naming a file outside content/, is refused and never followed', async () => {
  const { dir } = await kills.find((k) => k.name === 'suivi' && k.step === 2)!.done;
  const journal = JSON.parse(readFileSync(join(dir, JOURNAL), 'utf8')) as Journal;
  for (const [text, reason] of [
    ['{ tronqué', 'ce n’est pas du JSON'],
    [
      JSON.stringify({ ...journal, files: [{ file: 'package.json', before: null, after: '' }] }),
      '« package.json » est hors du dossier content',
    ],
    [
      JSON.stringify({ ...journal, files: [{ file: 'content/../x', before: null, after: '' }] }),
      '« content/../x » est hors du dossier content',
    ],
    [JSON.stringify({ ...journal, version: 2 }), 'champ « version » inattendu'],
  ] as [string, string][]) {
    const broken = copy(dir);
    writeFileSync(join(broken, JOURNAL), text);
    writeFileSync(join(broken, 'package.json'), '{}');
    const message = `journal d’une écriture interrompue illisible (${reason}) : le contenu peut être à moitié écrit. Vérifiez les fichiers modifiés (git status, git diff), remettez-les dans l’état voulu, puis supprimez ce journal`;
    assert.deepEqual(readContent(broken).problems, [{ file: JOURNAL, field: '(écriture interrompue)', message }]);
    const refused = settlePendingWrite(broken, 'content', { undo: true, same: () => true });
    assert.deepEqual(refused, { message: `✗ ${JOURNAL} : ${message}.`, exitCode: 1 });
    assert.equal(readFileSync(join(broken, 'package.json'), 'utf8'), '{}');
  }
});

test('a temporary file of the writer left without a journal is named as the trace of an interrupted write', () => {
  const dir = copy(base);
  writeFileSync(join(dir, 'content/actions/essai/action-3.mdx.4242.tmp'), 'moitié');
  assert.deepEqual(readContent(dir).problems, [
    {
      file: 'content/actions/essai/action-3.mdx.4242.tmp',
      field: '(emplacement)',
      message:
        'fichier temporaire d’une écriture interrompue (import du tableur ou nouveau document arrêté en cours d’écriture) : « action-3.mdx » et d’autres fichiers de cette écriture peuvent ne pas être à jour ; vérifiez-les (git status, git diff), refaites l’import si besoin, puis supprimez ce fichier',
    },
  ]);
});

test('the moment of an interruption, in French', () => {
  assert.equal(formatMoment(new Date(2026, 11, 7, 10, 32)), '7 décembre 2026 à 10 h 32');
  assert.equal(formatMoment(new Date(2027, 2, 1, 9, 5)), '1er mars 2027 à 9 h 05');
  const journal: Journal = {
    version: 1,
    ...importOrigin([csv(base), join(base, 'autre.csv')], 'autre contenu'),
    startedAt: new Date(2026, 11, 7, 10, 32).toISOString(),
    files: [{ file: 'autre contenu/x.mdx', before: null, after: '' }],
    folders: [],
  };
  assert.match(
    interruptedMessage(journal),
    /^import interrompu le 7 décembre 2026 à 10 h 32 \(fichiers essai\.csv, autre\.csv\) : relancez `npm run tableur:importer -- \S+essai\.csv \S+autre\.csv --contenu "autre contenu"` pour le terminer, ou `npm run tableur:importer -- --annuler --contenu "autre contenu"` pour revenir à l’état d’avant$/,
  );
});
