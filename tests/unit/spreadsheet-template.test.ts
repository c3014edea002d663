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
import { INDICATOR_TEMPLATE_HEADERS } from '../../scripts/spreadsheet/template-indicators.ts';
import { writeNewDocument } from '../../scripts/spreadsheet/document.ts';
import { formatImportProblem, type SheetProblem } from '../../scripts/spreadsheet/import.ts';
import { columnLetter } from '../../scripts/spreadsheet/reading.ts';
import { ACTION_KINDS } from '../../src/model/action.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { journalFile, readJournal, type Journal } from '../../src/model/journal.ts';
import { tempDir } from '../temp-dir.ts';

const ID = 'essai-modele-2027';

/** One row of the Actions sheet, by column. */
type ActionRow = Partial<Record<keyof typeof ACTION_COLUMNS, string>>;

/** Three actions: two under objective 1 of axis 1, one directly under axis 2. */
const ACTIONS: ActionRow[] = [
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

/** Writes `rows` in the Actions sheet from row 2, each value under its column's header. */
function setActionRows(actions: ExcelJS.Worksheet, rows: ActionRow[]): void {
  const headers = Object.values(ACTION_COLUMNS);
  rows.forEach((r, i) => {
    for (const [k, v] of Object.entries(r))
      actions.getCell(i + 2, headers.indexOf(ACTION_COLUMNS[k as keyof typeof ACTION_COLUMNS]) + 1).value = v;
  });
}

/** The template filled in: document fields, one party, a two-code scale, a round, and `rows` (three actions). */
async function filled(
  edit?: (doc: ExcelJS.Worksheet, actions: ExcelJS.Worksheet) => void,
  rows: ActionRow[] = ACTIONS,
): Promise<ExcelJS.Workbook> {
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
  setActionRows(actions, rows);
  edit?.(doc, actions);
  return workbook;
}

test('the template: a guide, the Document sheet with drop-downs, the Actions sheet, the lists', async () => {
  const workbook = await buildTemplate();
  assert.deepEqual(
    workbook.worksheets.map((s) => s.name),
    ["Mode d'emploi", 'Document', 'Actions', 'Indicateurs', 'Listes'],
  );
  assert.ok(isTemplate(workbook));
  const doc = workbook.getWorksheet('Document')!;
  assert.equal(doc.getCell('A5').text, 'Type de document');
  assert.deepEqual(doc.getCell('B5').dataValidation.formulae, ['Listes!$A$2:$A$4']);
  assert.equal(doc.getCell('B5').protection?.locked, false);
  const actions = workbook.getWorksheet('Actions')!;
  assert.deepEqual((actions.getRow(1).values as unknown[]).slice(1), Object.values(ACTION_COLUMNS));
  // The status drop-down lists the codes typed in the Document sheet's scale.
  assert.match(String(actions.getCell('K2').dataValidation.formulae[0]), /^Document!\$B\$\d+:\$B\$\d+$/);
  assert.deepEqual(actions.getCell('M2').dataValidation.formulae, ['Listes!$E$2:$E$16']);
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
    actions.getCell('K3').value = 'FINI';
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
      ['Actions', 3, 'K (statut)', 'FINI', 'R, EC'],
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
    actions.getCell('J3').value = null; // libellé
    actions.getCell('M4').value = 'Sport'; // thème 1
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A11').text, 'Résumé');
  const dir = copyContent('tableur-modele-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(changedFiles(dir), []);
  // Closed lists are checked in the sheet first (the schemas run once those are right).
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column]),
    [['Actions', 4, 'M (thème 1)']],
  );
  workbook.getWorksheet('Actions')!.getCell('M4').value = 'Formation';
  const second = await importTemplate(workbook, { root: dir });
  assert.deepEqual(
    (second.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message.split(' (')[0]]),
    [
      ['Document', 11, 'B (Résumé)', 'champ obligatoire manquant'],
      ['Document', 12, 'B (Date de publication sur le site)', 'date attendue au format AAAA-MM-JJ'],
      ['Actions', 3, 'J (libellé)', 'champ obligatoire manquant'],
    ],
  );
  assert.deepEqual(changedFiles(dir), []);
});

test('a repeated action number, a missing one, and statuses without a round are refused where they are typed', async () => {
  const workbook = await filled((doc, actions) => {
    actions.getCell('G3').value = '1.1';
    actions.getCell('G4').value = null;
    doc.getCell('B24').value = null; // Bilan : identifiant
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A24').text, 'Bilan : identifiant');
  const result = await importTemplate(workbook, { root: copyContent('tableur-modele-'), dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message]),
    [
      ['Actions', 3, 'G (numéro d’action)', 'numéro déjà donné ligne 2, dans tout le document'],
      ['Actions', 4, 'G (numéro d’action)', 'numéro d’action manquant'],
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
    actions.getCell('I3').value = 'Deuxième \u202Eaction'; // titre
    actions.getCell('J2').value = 'Libellé\nsur deux lignes'; // libellé
  });
  assert.equal(workbook.getWorksheet('Document')!.getCell('A4').text, 'Titre court');
  const result = await importTemplate(workbook, { root: fixtureContent(), dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.sheet, p.row, p.column, p.message.split(/ : ouvrez| après/)[0]]),
    [
      ['Document', 4, 'B (Titre court)', 'formule sans valeur calculée (fichier écrit par un programme qui ne calcule pas)'],
      ['Actions', 3, 'I (titre)', 'caractère invisible interdit (U+202E, contrôle bidirectionnel : forçage droite-gauche)'],
    ],
  );
});

/** What a plan holds besides numbered actions: an action's lettered points, unnumbered measures, notes. */
const ITEMS: ActionRow[] = [
  ...ACTIONS.slice(0, 2),
  // Wording as printed, kept to the character: curly quotes, « n° », non-breaking spaces (U+00A0, U+202F).
  { ...ACTIONS[2], wording: 'Adapter le poste n°\u00A012 de l’agent «\u202Fsur mesure\u202F» : “pérenniser”, ‘ajuster’ ;' },
  { subItem: 'a.', wording: 'recenser les besoins', status: 'R', due: '2027' },
  { axis: '2', subItem: 'b)', wording: 'suivre les\naménagements' },
  {
    axis: '3',
    axisTitle: 'Autres dispositifs',
    axisNote: 'Actions financées par l’organisme seul.\n\nHors cofinancement.',
    kind: 'Mesure',
    title: 'Première mesure',
    wording: 'Modules en ligne',
    status: 'R',
    theme1: 'Formation',
    audience1: 'Ensemble du personnel',
    note: 'Mesure sans numéro dans le document source.',
  },
  { axis: '3', kind: 'mesure', title: 'Seconde mesure', wording: 'Salons spécialisés', theme1: 'Formation', audience1: 'Encadrants' },
  { axis: '3', kind: 'Engagement', number: '3.1', title: 'Engagement', wording: 'S’engager', theme1: 'Formation', audience1: 'Encadrants' },
];

test('the Actions sheet’s nature, sub-item and note columns: the kinds’ drop-down and the guide come from the model', async () => {
  const workbook = await buildTemplate();
  const actions = workbook.getWorksheet('Actions')!;
  const letter = (key: keyof typeof ACTION_COLUMNS) => columnLetter(Object.values(ACTION_COLUMNS).indexOf(ACTION_COLUMNS[key]) + 1);
  const formula = actions.getCell(`${letter('kind')}2`).dataValidation.formulae[0] as string;
  const [, column, first, last] = /^Listes!\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)$/.exec(formula)!;
  const lists = workbook.getWorksheet('Listes')!;
  const listed = Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => lists.getCell(`${column}${Number(first) + i}`).text);
  assert.deepEqual(listed, Object.values(ACTION_KINDS));
  const sheet = workbook.getWorksheet("Mode d'emploi")!;
  const guide = Array.from({ length: sheet.rowCount }, (_, i) => sheet.getCell(i + 1, 1).text);
  for (const header of [ACTION_COLUMNS.kind, ACTION_COLUMNS.subItem, ACTION_COLUMNS.note, ACTION_COLUMNS.axisNote])
    assert.ok(
      guide.some((line) => line.includes(`« ${header} »`)),
      header,
    );
});

test('an unnumbered measure, an action’s lettered points, notes and exact wording are written as the content writes them', async () => {
  // Through a file, as the référent's workbook comes back: the wording must survive writing and reading.
  const workbook = join(tempDir('modele-'), 'modele-rempli.xlsx');
  await (await filled(undefined, ITEMS)).xlsx.writeFile(workbook);
  const dir = copyContent('tableur-modele-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(result.warnings, []);
  // Measures are named by their place in their axis (content/actions/inserm-fiphfp-2023-2026/axe-8-mesure-1.mdx).
  assert.deepEqual(
    changedFiles(dir).filter((f) => f.startsWith('content/actions/')),
    ['action-1-1', 'action-1-2', 'action-2-1', 'action-3-1', 'theme-3-mesure-1', 'theme-3-mesure-2'].map(
      (n) => `content/actions/${ID}/${n}.mdx`,
    ),
  );
  const { files, problems: readProblems } = readContent(dir);
  const { entries, problems } = validateAll(files);
  assert.deepEqual([...readProblems, ...problems], []);
  const file = (path: string) => readFileSync(join(dir, 'content', path), 'utf8');
  assert.equal(
    file(`actions/${ID}/theme-3-mesure-1.mdx`),
    [
      '---',
      `convention: ${ID}`,
      'axis: "3"',
      'kind: mesure',
      'order: 4',
      'title: "Première mesure"',
      'wording: "Modules en ligne"',
      'statuses:',
      '  - { round: bilan-2027, status: R }',
      'themes: [formation]',
      'audience: [tous-agents]',
      'notes: ["Mesure sans numéro dans le document source."]',
      '---',
      '',
    ].join('\n'),
  );
  const data = (id: string) => entries.actions.find((a) => a.id === `${ID}/${id}`)!.data;
  assert.equal(data('theme-3-mesure-2').kind, 'mesure');
  assert.equal(data('theme-3-mesure-2').number, undefined);
  assert.equal(data('action-3-1').kind, 'engagement');
  assert.equal(data('action-1-1').kind, 'action');
  const third = data('action-2-1');
  assert.equal(third.wording, ITEMS[2]!.wording);
  assert.deepEqual(third.subItems, [
    { letter: 'a', text: 'recenser les besoins', status: 'R', dates: { due: '2027' } },
    { letter: 'b', text: 'suivre les\naménagements' },
  ]);
  assert.deepEqual(entries.axes.find((a) => a.id === `${ID}/theme-3`)!.data.notes, [
    'Actions financées par l’organisme seul.',
    'Hors cofinancement.',
  ]);
});

test('a sub-item with no action above it, an unnumbered item that is no measure, an unknown nature: refused at their cell', async () => {
  const orphan: ActionRow = { subItem: 'a', wording: 'sans action' };
  const workbook = await filled(undefined, [
    orphan,
    ...ITEMS.slice(0, 4),
    { ...ITEMS[4], objective: '1', title: 'Un titre' },
    { subItem: 'a', wording: 'encore a' },
    { ...ITEMS[5], kind: 'Engagement' },
    { ...ITEMS[6], kind: 'Projet', axisNote: 'Autre note' },
  ]);
  const dir = copyContent('tableur-modele-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(changedFiles(dir), []);
  const problems = result.problems as SheetProblem[];
  assert.deepEqual(
    problems.map((p) => [p.row, p.column, p.value, p.message]),
    [
      [10, 'C (note de l’axe)', 'Autre note', 'note différente de celle donnée ligne 9 pour l’axe 3'],
      [2, 'H (sous-élément)', 'a', 'sous-élément sans action au-dessus : un point lettré se place juste sous la ligne de son action'],
      [7, 'D (numéro d’objectif)', '1', 'sous-élément rangé ailleurs que son action : l’action 2.1 (ligne 5) n’a pas d’objectif'],
      [
        7,
        'I (titre)',
        'Un titre',
        'colonne sans objet pour un sous-élément (une lettre est donnée dans « sous-élément ») : elle se remplit sur la ligne de l’action',
      ],
      [8, 'H (sous-élément)', 'a', 'lettre déjà donnée ligne 6 pour un sous-élément de l’action 2.1 (ligne 5)'],
      [9, 'G (numéro d’action)', '(vide)', 'numéro d’action manquant'],
      [10, 'F (nature)', 'Projet', 'nature inconnue'],
    ],
  );
  assert.equal(
    formatImportProblem(problems[1]!),
    '✗ feuille « Actions », ligne 2, colonne H (sous-élément) : sous-élément sans action au-dessus : un point lettré se place juste sous la ligne de son action\n  valeur trouvée : « a »\n  valeurs permises : une ligne d’action au-dessus, ou aucune lettre dans cette colonne',
  );
  assert.equal(
    problems[5]!.allowed,
    'le numéro tel qu’imprimé (1, 12, 1.3), ou la nature « Mesure » pour une mesure que le document ne numérote pas',
  );
  assert.equal(problems[6]!.allowed, 'Action, Mesure, Engagement');
});

test('a note the model refuses is put back in its cell, on the item’s row or on the axis’s', async () => {
  const workbook = await filled(undefined, [{ ...ITEMS[0], note: 'une\tnote' }, ITEMS[1]!, { ...ITEMS[2], axisNote: 'note\td’axe' }]);
  const result = await importTemplate(workbook, { root: copyContent('tableur-modele-'), dryRun: true });
  assert.deepEqual(
    (result.problems as SheetProblem[]).map((p) => [p.row, p.column, p.message.split(' après')[0]]),
    [
      [4, 'C (note de l’axe)', 'caractère invisible interdit (U+0009, tabulation)'],
      [2, 'U (note)', 'caractère invisible interdit (U+0009, tabulation)'],
    ],
  );
});

test('what the template import leaves aside is reported: another sheet, an unknown column, a cell outside the Document tables', async () => {
  const workbook = await filled((doc, actions) => {
    actions.workbook.addWorksheet('Brouillon').getCell('A1').value = 'notes';
    actions.getCell('V1').value = 'remarques';
    actions.getCell('V2').value = 'à voir';
    doc.getCell('F2').value = 'à côté';
  });
  const result = await importTemplate(workbook, { root: fixtureContent(), dryRun: true });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  assert.deepEqual(
    result.warnings.map((w) => [w.sheet, w.column, w.message.split(' :')[0]]),
    [
      ['Brouillon', undefined, 'feuille que le modèle n’a pas'],
      ['Actions', 'V (remarques)', 'colonne inconnue, 1 cellule remplie (ligne 2)'],
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

/** The headers of the template's Indicateurs sheet (issue 24), written out: the model's labels, qualified outside their group. */
const INDICATOR_HEADERS = [
  'numéro d’action',
  'Identifiant',
  'Libellé',
  'Unité',
  'Sens du progrès',
  'Valeur de départ : valeur',
  'Valeur de départ : date',
  'Cible : valeur',
  'Cible : échéance',
  'Cible : note',
  'Valeur à un bilan : valeur',
  'Valeur à un bilan : source',
];

/** Fills the Indicateurs sheet of a template from row 2, each row by header. */
const setIndicatorRows = (actions: ExcelJS.Worksheet, rows: Record<string, string | number>[]) => {
  const sheet = actions.workbook.getWorksheet('Indicateurs')!;
  rows.forEach((r, i) => {
    for (const [h, v] of Object.entries(r)) sheet.getCell(i + 2, INDICATOR_HEADERS.indexOf(h) + 1).value = v;
  });
};

const RATE = {
  Identifiant: 'taux-emploi',
  Libellé: 'Taux d’emploi direct',
  Unité: '%',
  'Sens du progrès': 'hausse',
  'Valeur de départ : valeur': '5,2',
  'Valeur de départ : date': '2026-12',
  'Cible : valeur': 6,
  'Cible : note': 'au moins 6 %',
  'Valeur à un bilan : valeur': '6,1',
  'Valeur à un bilan : source': 'Rapport social unique 2027',
};
const HIRES = {
  'numéro d’action': '1.1',
  Identifiant: 'recrutements',
  Libellé: 'Agents recrutés',
  Unité: 'agents',
  'Sens du progrès': 'hausse',
};

test('template: the empty Indicateurs sheet, its headers from the model with their help, read back into the new files', async () => {
  const template = await buildTemplate();
  const sheet = template.getWorksheet('Indicateurs')!;
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), INDICATOR_HEADERS);
  assert.deepEqual(INDICATOR_TEMPLATE_HEADERS, INDICATOR_HEADERS);
  assert.equal(sheet.actualRowCount, 1);
  assert.equal(sheet.getCell('F1').note, 'Facultatif. Le chiffre de départ. Un nombre : 6,4 ou 6.4, sans unité ni signe %.');
  const workbook = await filled((_, actions) => setIndicatorRows(actions, [RATE, HIRES]));
  const dir = copyContent('tableur-modele-ind-');
  const result = await importTemplate(workbook, { root: dir });
  assert.deepEqual(result.problems.map(formatImportProblem), []);
  const { files } = readContent(dir);
  const { entries, problems } = validateAll(files);
  assert.deepEqual(problems, []);
  assert.deepEqual(entries.conventions.find((c) => c.id === ID)!.data.indicators, [
    {
      id: 'taux-emploi',
      label: 'Taux d’emploi direct',
      unit: '%',
      direction: 'hausse',
      baseline: { value: 5.2, date: '2026-12' },
      target: { value: 6, note: 'au moins 6 %' },
      values: [{ round: 'bilan-2027', value: 6.1, source: 'Rapport social unique 2027' }],
    },
  ]);
  assert.deepEqual(entries.actions.find((a) => a.id === `${ID}/action-1-1`)!.data.indicators, [
    { id: 'recrutements', label: 'Agents recrutés', unit: 'agents', direction: 'hausse' },
  ]);
});

test('template: an Indicateurs row refused where it was typed: unknown action, a figure with its unit, a field the model refuses', async () => {
  const workbook = await filled((_, actions) =>
    setIndicatorRows(actions, [
      { ...RATE, 'Valeur à un bilan : valeur': '6,1 %' },
      { ...HIRES, 'numéro d’action': '9.9' },
      { ...HIRES, 'Sens du progrès': 'monte' },
    ]),
  );
  const result = await importTemplate(workbook, { root: copyContent('tableur-modele-ind-'), dryRun: true });
  assert.deepEqual(result.problems.map(formatImportProblem).slice(0, 2), [
    [
      '✗ feuille « Indicateurs », ligne 2, colonne K (Valeur à un bilan : valeur) : nombre illisible',
      '  valeur trouvée : « 6,1 % »',
      '  valeurs permises : un nombre, avec une virgule ou un point pour les décimales (6,4 ou 6.4), sans unité ni signe % ni formule ; une cellule vide = pas de valeur à ce bilan',
    ].join('\n'),
    [
      '✗ feuille « Indicateurs », ligne 3, colonne A (numéro d’action) : aucune action de ce numéro dans la feuille Actions',
      '  valeur trouvée : « 9.9 »',
      '  valeurs permises : 1.1, 1.2, 2.1',
    ].join('\n'),
  ]);
  // Once the sheet's own checks pass, the model's (the direction's list) is put back at its cell.
  const model = await importTemplate(await filled((_, actions) => setIndicatorRows(actions, [{ ...HIRES, 'Sens du progrès': 'monte' }])), {
    root: copyContent('tableur-modele-ind-'),
    dryRun: true,
  });
  assert.equal(model.problems.length, 1);
  assert.match(
    formatImportProblem(model.problems[0]!),
    /^✗ feuille « Indicateurs », ligne 2, colonne E \(Sens du progrès\) : .*\n {2}valeur trouvée : « monte »/,
  );
});
