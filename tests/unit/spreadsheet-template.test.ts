/**
 * A new document from a spreadsheet: the blank template, filled in as a référent would, imported
 * into a copy of the fixture site's content (tests/content-copy.ts; the new files pass the same checks as `npm run check:content`, the
 * existing ones are untouched); errors reported with their sheet, row and column, nothing
 * written; `nouveau:document` with options; the new document's writer replaces no file (its
 * interruptions: ecriture-interrompue.test.ts).
 */
import { test } from 'node:test';
import { setTemplateField } from '../template-sheet.ts';
import { fixtureContent } from '../spreadsheet-fixture.ts';
import { changedFiles, copyContent, filesUnder } from '../content-copy.ts';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { ACTION_COLUMNS, buildTemplate, importTemplate, isTemplate } from '../../scripts/spreadsheet/template.ts';
import { writeNewDocument } from '../../scripts/spreadsheet/document.ts';
import { formatImportProblem, type SheetProblem } from '../../scripts/spreadsheet/import.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { journalFile, readJournal, type Journal } from '../../src/model/journal.ts';
import { tempDir } from '../temp-dir.ts';

const ID = 'essai-modele-2027';

/** The template filled in: document fields, one party, a two-code scale, a round, three actions. */
async function filled(edit?: (doc: ExcelJS.Worksheet, actions: ExcelJS.Worksheet) => void): Promise<ExcelJS.Workbook> {
  // Through a file, as a référent's spreadsheet would come back.
  const file = join(tempDir('modele-'), 'modele.xlsx');
  await (await buildTemplate()).xlsx.writeFile(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const doc = workbook.getWorksheet('Document')!;
  const set = (label: string, ...values: string[]) => setTemplateField(doc, label, ...values);
  set('Identifiant (nom du fichier)', ID);
  set('Titre', 'Plan d’essai pour l’inclusion 2027');
  set('Titre court', 'Plan essai 2027');
  set('Type de document', "Plan d'actions");
  set('Émetteur', 'Service essai');
  set('Date d’entrée en vigueur', '2027-01');
  set('Résumé', 'Un plan pour essayer le modèle.');
  set('Date de publication sur le site', '2026-11-30');
  set('Document source (nom du fichier)', 'essai.pdf');
  set('Axe : nom au singulier', 'Thème');
  set('Axe : nom au pluriel', 'Thèmes');
  set('Axe : modèle de numéro', 'Thème {n}');
  set('Bilan : identifiant', 'bilan-2027');
  set('Bilan : libellé', 'Bilan 2027');
  set('Bilan : date', '2027-12');
  set('Partie 1', 'Organisme essai', 'Employeur');
  set('Statut 1', 'R', 'Réalisé', 'Réalisé');
  set('Statut 2', 'EC', 'En cours', 'En cours');
  const actions = workbook.getWorksheet('Actions')!;
  const headers = Object.values(ACTION_COLUMNS);
  const rows: Partial<Record<keyof typeof ACTION_COLUMNS, string>>[] = [
    {
      axis: '1',
      axisTitle: 'Recruter',
      objective: '1',
      objectiveTitle: 'Recruter davantage',
      number: '1.1',
      title: 'Première action',
      wording: 'Libellé de la première action ; avec {accolades} et <balise>',
      status: 'R',
      comment: 'Fait en 2027',
      theme1: 'Recrutement et intégration',
      audience1: 'Encadrants',
      audience2: 'rh-referents',
      responsible: 'RH ; DISC',
      due: '2nd sem. 2027',
    },
    {
      axis: '1',
      objective: '1',
      number: '1.2',
      title: 'Deuxième',
      wording: 'Libellé deux',
      status: 'EC',
      theme1: 'Formation',
      audience1: 'Ensemble du personnel',
    },
    {
      axis: '2',
      axisTitle: 'Maintenir',
      number: '2.1',
      title: 'Troisième',
      wording: 'Libellé trois',
      theme1: 'Maintien dans l’emploi',
      audience1: 'Personnes en situation de handicap',
    },
  ];
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r))
      actions.getCell(i + 2, headers.indexOf(ACTION_COLUMNS[k as keyof typeof ACTION_COLUMNS]) + 1).value = v;
  });
  edit?.(doc, actions);
  return workbook;
}

test('the template: a guide, the Document sheet with drop-downs, the Actions sheet, the lists', async () => {
  const workbook = await buildTemplate();
  assert.deepEqual(
    workbook.worksheets.map((s) => s.name),
    ["Mode d'emploi", 'Document', 'Actions', 'Listes'],
  );
  assert.ok(isTemplate(workbook));
  const doc = workbook.getWorksheet('Document')!;
  assert.equal(doc.getCell('A5').text, 'Type de document');
  assert.deepEqual(doc.getCell('B5').dataValidation.formulae, ['Listes!$A$2:$A$4']);
  assert.equal(doc.getCell('B5').protection?.locked, false);
  const actions = workbook.getWorksheet('Actions')!;
  assert.deepEqual((actions.getRow(1).values as unknown[]).slice(1), Object.values(ACTION_COLUMNS));
  // The status drop-down lists the codes typed in the Document sheet's scale.
  assert.match(String(actions.getCell('H2').dataValidation.formulae[0]), /^Document!\$B\$\d+:\$B\$\d+$/);
  assert.deepEqual(actions.getCell('J2').dataValidation.formulae, ['Listes!$E$2:$E$16']);
});

test('a filled-in template becomes a new document: its files pass the content checks, the existing files are untouched', async () => {
  const workbook = await filled();
  const dir = copyContent('tableur-modele-');
  const trial = await importTemplate(workbook, { root: dir, dryRun: true });
  assert.deepEqual(trial.problems.map(formatImportProblem), []);
  assert.deepEqual(trial.warnings, [], 'le modèle tel qu’il est écrit ne laisse rien de côté');
  assert.deepEqual(changedFiles(dir), [], 'un essai n’écrit rien');
  const expected = [
    `content/actions/${ID}/action-1-1.mdx`,
    `content/actions/${ID}/action-1-2.mdx`,
    `content/actions/${ID}/action-2-1.mdx`,
    `content/axes/${ID}/theme-1.mdx`,
    `content/axes/${ID}/theme-2.mdx`,
    `content/conventions/${ID}.mdx`,
    `content/objectives/${ID}/theme-1-objectif-1.mdx`,
  ];
  assert.deepEqual([...trial.files].sort(), expected);

  // Through the journal (issue 19): in place before the first file, every file listed as new.
  let journal: Journal | undefined;
  let writtenBefore: string[] = [];
  const onStep = (done: number) => {
    if (done !== 2) return;
    journal = (readJournal(dir, 'content') as { journal: Journal }).journal;
    writtenBefore = expected.filter((f) => existsSync(join(dir, f)));
  };
  const result = await importTemplate(workbook, { root: dir, onStep });
  assert.deepEqual(result.problems, []);
  assert.deepEqual(writtenBefore, []);
  assert.deepEqual(
    journal!.files.map((f) => [f.file, f.before]).sort(),
    expected.map((f) => [f, null]),
  );
  assert.ok(!existsSync(join(dir, journalFile('content'))));
  assert.deepEqual(changedFiles(dir), expected);
  // The same functions as npm run check:content, on the whole copy.
  const { files, problems: readProblems } = readContent(dir);
  const { entries, problems } = validateAll(files);
  assert.deepEqual([...readProblems, ...problems], []);
  const convention = entries.conventions.find((c) => c.id === ID)!;
  assert.equal(convention.data.kind, 'plan-actions');
  // After the fixture site's four documents.
  assert.equal(convention.data.order, 5);
  assert.deepEqual(convention.data.rounds, [{ id: 'bilan-2027', label: 'Bilan 2027', date: '2027-12' }]);
  const first = entries.actions.find((a) => a.id === `${ID}/action-1-1`)!.data;
  assert.deepEqual(
    { ...first },
    {
      convention: ID,
      axis: '1',
      objective: '1',
      kind: 'action',
      number: '1.1',
      order: 1,
      title: 'Première action',
      wording: 'Libellé de la première action ; avec {accolades} et <balise>',
      statuses: [{ round: 'bilan-2027', status: 'R', comment: 'Fait en 2027' }],
      responsible: ['RH', 'DISC'],
      dates: { due: '2nd sem. 2027' },
      themes: ['recrutement-integration'],
      audience: ['encadrants', 'rh-referents'],
    },
  );
  assert.equal(
    readFileSync(join(dir, `content/axes/${ID}/theme-1.mdx`), 'utf8'),
    `---\nconvention: ${ID}\nnumber: "1"\ntitle: "Recruter"\n---\n`,
  );
  // The same template again: the identifier is taken, nothing more is written.
  const again = await importTemplate(workbook, { root: dir });
  assert.deepEqual(
    (again.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.value]),
    [['Document', 2, 'B (Identifiant (nom du fichier))', ID]],
  );
  assert.match(formatImportProblem(again.problems[0]!), /identifiant déjà pris par un document du site/);
  assert.deepEqual(changedFiles(dir), expected);
});

test('a bad status and an unknown axis in the Actions sheet are both reported with their place; nothing is written', async () => {
  const workbook = await filled((_, actions) => {
    actions.getCell('H3').value = 'FINI';
    actions.getCell('A4').value = '9';
    actions.getCell('B4').value = null;
  });
  const dir = copyContent('tableur-modele-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(result.written, []);
  assert.deepEqual(changedFiles(dir), []);
  const problems = result.problems as SheetProblem[];
  assert.deepEqual(
    problems.map((p) => [p.sheet, p.row, p.column, p.value, p.allowed]),
    [
      ['Actions', 3, 'H (statut)', 'FINI', 'R, EC'],
      ['Actions', 4, 'A (numéro d’axe)', '9', '1, ou le titre de l’axe dans la colonne « titre de l’axe »'],
    ],
  );
  assert.equal(
    formatImportProblem(problems[1]!),
    '✗ feuille « Actions », ligne 4, colonne A (numéro d’axe) : axe inconnu : aucune ligne ne donne le titre de cet axe\n  valeur trouvée : « 9 »\n  valeurs permises : 1, ou le titre de l’axe dans la colonne « titre de l’axe »',
  );
});

test('what the model’s schemas refuse is put back in the cell it came from', async () => {
  const workbook = await filled((doc, actions) => {
    doc.getCell('B11').value = null; // Résumé
    doc.getCell('B12').value = '30/11/2026'; // Date de publication
    actions.getCell('G3').value = null; // libellé
    actions.getCell('J4').value = 'Sport'; // thème 1
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A11').text, 'Résumé');
  const dir = copyContent('tableur-modele-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(changedFiles(dir), []);
  // Closed lists are checked in the sheet first (the schemas run once those are right).
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column]),
    [['Actions', 4, 'J (thème 1)']],
  );
  workbook.getWorksheet('Actions')!.getCell('J4').value = 'Formation';
  const second = await importTemplate(workbook, { root: dir });
  assert.deepEqual(
    (second.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message.split(' (')[0]]),
    [
      ['Document', 11, 'B (Résumé)', 'champ obligatoire manquant'],
      ['Document', 12, 'B (Date de publication sur le site)', 'date attendue au format AAAA-MM-JJ'],
      ['Actions', 3, 'G (libellé)', 'champ obligatoire manquant'],
    ],
  );
  assert.deepEqual(changedFiles(dir), []);
});

test('a repeated action number, a missing one, and statuses without a round are refused where they are typed', async () => {
  const workbook = await filled((doc, actions) => {
    actions.getCell('E3').value = '1.1';
    actions.getCell('E4').value = null;
    doc.getCell('B24').value = null; // Bilan : identifiant
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A24').text, 'Bilan : identifiant');
  const result = await importTemplate(workbook, { root: copyContent('tableur-modele-'), dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message]),
    [
      ['Actions', 3, 'E (numéro d’action)', 'numéro déjà donné ligne 2, dans tout le document'],
      ['Actions', 4, 'E (numéro d’action)', 'numéro d’action manquant'],
      [
        'Document',
        24,
        'B (Bilan : identifiant)',
        'statuts donnés dans la feuille Actions (lignes 2, 3) sans bilan : nommez le bilan qui les a établis',
      ],
      ['Document', 24, 'B (Bilan : identifiant)', 'bilan sans identifiant : son libellé, sa date ou sa période sont donnés'],
    ],
  );
});

test('every cell the template import reads is checked, in both sheets at once; a line break is allowed in a wording only', async () => {
  const workbook = await filled((doc, actions) => {
    doc.getCell('B4').value = { formula: 'B3' }; // Titre court, a formula never computed
    actions.getCell('F3').value = 'Deuxième \u202Eaction'; // titre
    actions.getCell('G2').value = 'Libellé\nsur deux lignes'; // libellé
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A4').text, 'Titre court');
  const result = await importTemplate(workbook, { root: fixtureContent(), dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message.split(/ : ouvrez| après/)[0]]),
    [
      ['Document', 4, 'B (Titre court)', 'formule sans valeur calculée (fichier écrit par un programme qui ne calcule pas)'],
      ['Actions', 3, 'F (titre)', 'caractère invisible interdit (U+202E, contrôle bidirectionnel : forçage droite-gauche)'],
    ],
  );
});

test('what the template import leaves aside is reported: another sheet, an unknown column, a cell outside the Document tables', async () => {
  const workbook = await filled((doc, actions) => {
    actions.workbook.addWorksheet('Brouillon').getCell('A1').value = 'notes';
    actions.getCell('R1').value = 'remarques';
    actions.getCell('R2').value = 'à voir';
    doc.getCell('F2').value = 'à côté';
  });
  const result = await importTemplate(workbook, { root: fixtureContent(), dryRun: true });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(
    result.warnings.map((w) => [w.sheet, w.column, w.message.split(' :')[0]]),
    [
      ['Brouillon', undefined, 'feuille que le modèle n’a pas'],
      ['Actions', 'R (remarques)', 'colonne inconnue, 1 cellule remplie (ligne 2)'],
      ['Document', undefined, 'cellule remplie hors des tableaux du modèle, non importée'],
    ],
  );
});

test('nouveau:document with options creates a minimal document that passes the content checks', () => {
  const script = join(process.cwd(), 'scripts/starter/new-document.ts');
  const dir = copyContent('tableur-modele-');
  const args = ['--id', 'essai-cli-2027', '--titre', 'Plan essai', '--titre-court', 'Plan essai CLI', '--emetteur', 'Service essai'];
  const missing = spawnSync(process.execPath, [script, ...args], { cwd: dir, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /^Réponses manquantes .*\n {2}--type : .*\n {2}--resume : .*\n {2}--source : /);
  const bad = spawnSync(process.execPath, [script, ...args, '--type', 'truc', '--resume', 'Un essai.', '--source', 'essai.pdf'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(bad.status, 1);
  assert.match(
    bad.stderr,
    /✗ option --type : valeur non autorisée\n {2}valeur trouvée : « truc »\n {2}valeurs permises : convention, plan-actions, circulaire/,
  );
  assert.deepEqual(changedFiles(dir), []);
  const ok = spawnSync(
    process.execPath,
    [script, ...args, '--type', "Plan d'actions", '--resume', 'Un essai.', '--source', 'essai.pdf', '--publication', '2026-11-30'],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(changedFiles(dir), ['content/conventions/essai-cli-2027.mdx']);
  const { files, problems: readProblems } = readContent(dir);
  const { entries, problems } = validateAll(files);
  assert.deepEqual([...readProblems, ...problems], []);
  assert.deepEqual(entries.conventions.find((c) => c.id === 'essai-cli-2027')!.data.parties, [{ name: 'Service essai', role: 'emetteur' }]);
});

test('the writer of a new document replaces no file', () => {
  const dir = tempDir('ecriture-');
  mkdirSync(join(dir, 'content'));
  writeFileSync(join(dir, 'content/deja.mdx'), 'déjà là');
  assert.throws(
    () =>
      writeNewDocument(dir, [
        { file: 'content/axes/nouveau/axe-1.mdx', text: 'a' },
        { file: 'content/deja.mdx', text: 'b' },
      ]),
    /^WriteError: content\/deja\.mdx existe déjà : un nouveau document ne remplace aucun fichier$/,
  );
  assert.deepEqual(
    filesUnder(dir).map((f) => relative(dir, f)),
    ['content/deja.mdx'],
  );
  assert.equal(readFileSync(join(dir, 'content/deja.mdx'), 'utf8'), 'déjà là');
  assert.deepEqual(writeNewDocument(dir, [{ file: 'content/axes/nouveau/axe-1.mdx', text: 'a' }]), ['content/axes/nouveau/axe-1.mdx']);
  assert.deepEqual(
    filesUnder(dir)
      .map((f) => relative(dir, f))
      .sort(),
    ['content/axes/nouveau/axe-1.mdx', 'content/deja.mdx'],
  );
});
