/**
 * Issue 11's "Done when", end to end, on one build of its own: a copy of the project whose content
 * is the fixture site's (tests/fixtures/site/: a plan with three review rounds and every kind of
 * change, issue 10) plus a plan of twelve actions with one round (tests/spreadsheet-fixture.ts),
 * edited with the référents' own commands run in the copy — ten statuses of the twelve-action plan
 * changed in the exported workbook and imported in one command, a new document imported from a
 * filled-in template — then built as `npm run build` builds (pages, exports, search index). The site
 * shows the new statuses and the new document everywhere; the fixture plan's "what changed" pages
 * list exactly the moved, new and withdrawn actions. The project's content/ is left untouched, and
 * whatever it holds, the test holds.
 *
 * A workbook or a template with a wrong status and an unknown axis is refused, with its place, and
 * nothing is written: tests/unit/spreadsheet.test.ts ("a wrong status and a changed axis…", and "the
 * command line: an error exits 1") and tests/unit/spreadsheet-template.test.ts ("a bad status and an
 * unknown axis in the Actions sheet…") prove it without a build.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Element } from 'hast';
import { PLAN } from '../unit/catalogue-fixtures.ts';
import { FIXTURE_SOURCES } from '../fixture-site.ts';
import { fixtureContent } from '../spreadsheet-fixture.ts';
import { selectAll } from '../hast.ts';
import { searchRecords } from '../site.ts';
import { parseCsv } from '../csv.ts';
import { ACTION_COLUMNS } from '../../scripts/spreadsheet/template.ts';
import { HEAD_COLUMNS, NEW_ROUND_HEADER } from '../../scripts/spreadsheet/workbook.ts';
import { INDICATOR_COLUMNS } from '../../scripts/spreadsheet/indicator-sheet.ts';
import { copyProject } from '../../scripts/tooling/project-copy.ts';
import { setTemplateField } from '../template-sheet.ts';
import { STATUSES, type StatusKey } from '../../src/model/statuses.ts';
import { tempDir } from '../temp-dir.ts';

const project = process.cwd();
const root = tempDir('site-edite-');

/** The twelve-action plan, its round and its scale (code → shared status), as tests/spreadsheet-fixture.ts writes them. */
const INSERM = 'essai';
const ROUND = 'Bilan 2024';
const ROUND_ID = 'bilan-2024';
const SCALE: Record<string, StatusKey> = { R: 'realise', NR: 'non-realise' };
/** Each edited action moves to the other code of the scale, so that every code is written. */
const NEXT: Record<string, string> = { R: 'NR', NR: 'R' };

/** The new document, as the filled-in template gives it, with its own scale. */
const NEW_SCALE: Record<string, StatusKey> = { R: 'realise', EC: 'en-cours' };
const NEW = 'essai-tableur-2027';
const NEW_TITLE = 'Plan d’essai du modèle tableur 2027';
const NEW_SHORT = 'Plan essai tableur 2027';
const NEW_ACTIONS = [
  { axis: '1', axisTitle: 'Recruter', objective: '1', objectiveTitle: 'Ouvrir les concours', number: '1', status: 'R' },
  { axis: '1', objective: '1', number: '2', status: 'EC' },
  { axis: '1', objective: '2', objectiveTitle: 'Accueillir les apprentis', number: '3' },
  { axis: '2', axisTitle: 'Maintenir dans l’emploi', number: '4', status: 'EC' },
].map((a) => ({
  ...a,
  title: `Quenouille ${a.number} du plan d’essai`,
  wording: `Mettre en place la quenouille numéro ${a.number} pour les agents.`,
}));

/** The indicator value typed for a new round of the fixture plan (issue 24): as a French spreadsheet writes it. */
const INDICATOR = { action: 'action-3', id: 'delai-amenagement', label: 'Délai moyen d’aménagement', typed: '6,4', value: 6.4 };
const NEW_ROUND = { id: 'b2027', label: 'Bilan 2027', date: '2027-06' };

/** The ten changes made in the workbook: action id, code before, code after. */
const changes: { id: string; from: string; to: string }[] = [];
let importOutput = '';
let indicatorOutput = '';
let templateOutput = '';
const gitStatus = () => spawnSync('git', ['status', '--porcelain', 'content/'], { cwd: project, encoding: 'utf8' }).stdout;
let statusBefore = '';

/** An npm script of the project, run in the copy as a référent runs it there. */
function npm(...args: string[]): string {
  const run = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BASE_PATH: '/' } });
  assert.equal(run.status, 0, `npm run ${args.join(' ')}\n${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

/** Changes the Inserm status of the first ten actions of the exported workbook. */
async function editStatuses(from: string, to: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const idColumn = Object.values(HEAD_COLUMNS).indexOf(HEAD_COLUMNS.id) + 1;
  const sheet = workbook.worksheets.find((s) => s.getCell(2, idColumn).text.startsWith(`${INSERM}/`))!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const column = headers.indexOf(ROUND);
  assert.ok(column > 0, ROUND);
  for (let row = 2; row <= 11; row++) {
    const cell = sheet.getCell(row, column);
    changes.push({ id: sheet.getCell(row, idColumn).text, from: cell.text, to: NEXT[cell.text]! });
    cell.value = NEXT[cell.text]!;
  }
  await workbook.xlsx.writeFile(to);
}

/** Types the indicator's value for the new round in its document's Indicateurs sheet, as a référent would. */
async function typeIndicator(from: string, to: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  for (const sheet of workbook.worksheets) {
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const id = headers.indexOf(INDICATOR_COLUMNS.id);
    const column = headers.indexOf(NEW_ROUND_HEADER);
    if (id < 0 || column < 0) continue;
    for (let row = 2; row <= sheet.rowCount; row++) {
      if (sheet.getCell(row, id).text !== INDICATOR.id) continue;
      sheet.getCell(row, column).value = INDICATOR.typed;
      await workbook.xlsx.writeFile(to);
      return;
    }
  }
  assert.fail(`aucune feuille d’indicateurs ne porte l’indicateur ${INDICATOR.id}`);
}

/** Fills in the blank template as a référent would: the Document sheet, then one row per action. */
async function fillTemplate(from: string, to: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(from);
  const doc = workbook.getWorksheet('Document')!;
  const set = (label: string, ...values: string[]) => setTemplateField(doc, label, ...values);
  set('Identifiant (nom du fichier)', NEW);
  set('Titre', NEW_TITLE);
  set('Titre court', NEW_SHORT);
  set('Type de document', "Plan d'actions");
  set('Émetteur', 'Service essai');
  set('Date d’entrée en vigueur', '2027-01');
  set('Résumé', 'Un plan pour essayer le modèle de nouveau document.');
  set('Date de publication sur le site', '2026-11-30');
  set('Document source (nom du fichier)', 'essai.pdf');
  set('Bilan : identifiant', 'bilan-2027');
  set('Bilan : libellé', 'Bilan 2027');
  set('Bilan : date', '2027-12');
  set('Partie 1', 'Organisme essai', 'Employeur');
  set('Statut 1', 'R', 'Réalisé', 'Réalisé');
  set('Statut 2', 'EC', 'En cours', 'En cours');
  const actions = workbook.getWorksheet('Actions')!;
  const headers = (actions.getRow(1).values as unknown[]).map(String);
  const cell = (row: number, key: keyof typeof ACTION_COLUMNS) => actions.getCell(row, headers.indexOf(ACTION_COLUMNS[key]));
  NEW_ACTIONS.forEach((a, i) => {
    for (const [key, value] of Object.entries(a) as [keyof typeof ACTION_COLUMNS, string][]) cell(i + 2, key).value = value;
    cell(i + 2, 'theme1').value = 'Recrutement et intégration';
    cell(i + 2, 'audience1').value = 'Ensemble du personnel';
  });
  await workbook.xlsx.writeFile(to);
}

before(async () => {
  statusBefore = gitStatus();
  copyProject(project, root, join(FIXTURE_SOURCES, 'content'));
  // The files its actions give as evidence (public/justificatifs/): the build checks they are there.
  cpSync(join(FIXTURE_SOURCES, 'public'), join(root, 'public'), { recursive: true });
  // The twelve-action plan beside the fixture site's documents.
  cpSync(join(fixtureContent({ actions: 12 }), 'content'), join(root, 'content'), { recursive: true });

  npm('tableur:exporter', '--', '--sortie', 'suivi.xlsx');
  await editStatuses(join(root, 'suivi.xlsx'), join(root, 'dix-statuts.xlsx'));
  importOutput = npm('tableur:importer', '--', 'dix-statuts.xlsx');

  npm('tableur:modele', '--', '--sortie', 'modele.xlsx');
  await fillTemplate(join(root, 'modele.xlsx'), join(root, 'modele-rempli.xlsx'));
  templateOutput = npm('tableur:importer', '--', 'modele-rempli.xlsx');

  // A new round of the fixture plan, brought by one indicator value (its statuses confirmed as they are).
  npm('tableur:exporter', '--', '--sortie', 'suivi-2027.xlsx');
  await typeIndicator(join(root, 'suivi-2027.xlsx'), join(root, 'indicateur-2027.xlsx'));
  indicatorOutput = npm(
    'tableur:importer',
    '--',
    'indicateur-2027.xlsx',
    '--bilan',
    NEW_ROUND.id,
    '--libelle',
    NEW_ROUND.label,
    '--date',
    NEW_ROUND.date,
    '--non-evalues',
  );

  npm('build');
});
after(() => rmSync(root, { recursive: true, force: true }));

/** Text as read aloud: the status symbols are decoration (aria-hidden), spaces collapsed. */
const words = (node: Parameters<typeof toString>[0]) =>
  toString(node)
    .replace(/[✓➜○◑↺↻✕]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const built = (path: string) => join(root, 'dist', path);
const page = (path: string) => fromHtml(readFileSync(built(`${path}index.html`), 'utf8'));
const json = <T>(path: string) => JSON.parse(readFileSync(built(path), 'utf8')) as T[];
const classes = (e: Element) => (Array.isArray(e.properties.className) ? e.properties.className.map(String) : []);

/** For each h2 of <main>: its id, and the action pages linked below it, by their file name. */
function sections(path: string): Record<string, string[]> {
  const main = selectAll(page(path), (e) => e.tagName === 'main')[0]!;
  const out: Record<string, string[]> = {};
  let current = '';
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'h2') out[(current = String(child.properties.id))] = [];
      else if (current && child.tagName === 'a' && /\/actions\/[^/]+\/(#[^/]*)?$/.test(String(child.properties.href)))
        out[current]!.push(String(child.properties.href).split('/').at(-2)!);
      else walk(child);
    }
  };
  walk(main);
  return out;
}

/** The status badge of an action page's card (its words, its classes), or undefined when it has none. */
function badgeOf(path: string): { text: string; classes: string[] } | undefined {
  const card = selectAll(page(path), (e) => e.tagName === 'dl' && classes(e).includes('fiche'))[0]!;
  const badge = selectAll(card, (e) => e.tagName === 'span' && classes(e).includes('statut'))[0];
  return badge && { text: words(badge), classes: classes(badge) };
}

const actionPath = (id: string) => `${id.split('/')[0]}/actions/${id.split('/')[1]}/`;
const label = (code: string) => STATUSES[SCALE[code]!].label;

test('the ten status changes are imported in one command, which lists each one with its old and new code', () => {
  assert.equal(changes.length, 10);
  assert.equal(new Set(changes.map((c) => c.id)).size, 10);
  assert.deepEqual(new Set(changes.map((c) => c.to)), new Set(Object.keys(SCALE)), 'chaque code de l’échelle est écrit');
  assert.match(importOutput, /^10 statuts modifiés, 0 commentaire modifié, 0 texte modifié\.$/m);
  assert.deepEqual(
    importOutput.split('\n').filter((line) => line.includes(' → ')),
    changes.map((c) => `  ${c.id} — ${ROUND} : ${c.from} → ${c.to}`),
  );
  assert.match(importOutput, /^10 fichiers modifiés :$/m);
});

test('each of the ten action pages shows its new status, in words with the code of the scale', () => {
  for (const c of changes) {
    const badge = badgeOf(actionPath(c.id));
    assert.equal(badge?.text, `${label(c.to)} (${c.to})`, c.id);
    assert.ok(badge?.classes.includes(`statut--${SCALE[c.to]}`), c.id);
  }
});

test('the exports and the search index give the ten new statuses', () => {
  interface Record {
    url: string;
    status: string;
    statusLabel: string;
    indicator: string;
    round?: string;
  }
  const actions = json<Record>('donnees/actions.json');
  const [header, ...rows] = parseCsv(readFileSync(built('donnees/actions.csv'), 'utf8'));
  const csv = rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])) as unknown as Record);
  const followUp = json<Record>('donnees/suivi.json');
  const search = searchRecords(built(''));
  for (const c of changes) {
    const url = actionPath(c.id);
    const expected = { status: SCALE[c.to], statusLabel: label(c.to), indicator: c.to };
    const pick = (r: Record | undefined) => r && { status: r.status, statusLabel: r.statusLabel, indicator: r.indicator };
    assert.deepEqual(pick(actions.find((r) => r.url === url)), expected, `actions.json : ${c.id}`);
    assert.deepEqual(pick(csv.find((r) => r.url === url)), expected, `actions.csv : ${c.id}`);
    assert.deepEqual(pick(followUp.find((r) => r.url === url && r.round === ROUND_ID)), expected, `suivi.json : ${c.id}`);
    assert.equal(search.find((r) => r.url === `/${url}`)?.meta.statut, label(c.to), `recherche : ${c.id}`);
  }
});

test('the new document is created from the template with its axes, objectives and actions', () => {
  assert.match(templateOutput, new RegExp(`^Document « ${NEW} » créé : 9 fichiers écrits :$`, 'm'));
  assert.deepEqual(
    templateOutput
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim())
      .sort(),
    [
      `content/actions/${NEW}/action-1.mdx`,
      `content/actions/${NEW}/action-2.mdx`,
      `content/actions/${NEW}/action-3.mdx`,
      `content/actions/${NEW}/action-4.mdx`,
      `content/axes/${NEW}/axe-1.mdx`,
      `content/axes/${NEW}/axe-2.mdx`,
      `content/conventions/${NEW}.mdx`,
      `content/objectives/${NEW}/axe-1-objectif-1.mdx`,
      `content/objectives/${NEW}/axe-1-objectif-2.mdx`,
    ],
  );
});

test('the new document has its pages: the document, its axes with their objectives, its actions with their status', () => {
  const home = words(selectAll(page(`${NEW}/`), (e) => e.tagName === 'h1')[0]!);
  assert.equal(home, NEW_TITLE);
  const axis = words(selectAll(page(`${NEW}/axe-1/`), (e) => e.tagName === 'main')[0]!);
  assert.match(axis, /Ouvrir les concours/);
  assert.match(axis, /Accueillir les apprentis/);
  assert.equal(words(selectAll(page(`${NEW}/axe-2/`), (e) => e.tagName === 'h1')[0]!), 'Axe 2 : Maintenir dans l’emploi');
  for (const a of NEW_ACTIONS) {
    const action = page(`${NEW}/actions/action-${a.number}/`);
    assert.match(words(selectAll(action, (e) => e.tagName === 'h1')[0]!), new RegExp(`^Action ${a.number} : ${a.title}$`));
    assert.equal(
      badgeOf(`${NEW}/actions/action-${a.number}/`)?.text,
      a.status ? `${STATUSES[NEW_SCALE[a.status]!].label} (${a.status})` : 'Sans indicateur dans la source',
      a.number,
    );
  }
});

test('the new document is in the actions index, the exports and the search index', () => {
  const facets = selectAll(page('actions/'), (e) => e.tagName === 'a' && e.properties.href === `/actions/document/${NEW}/`);
  assert.deepEqual(
    facets.map((a) => a.text),
    [NEW_SHORT],
  );
  const listed = selectAll(
    page(`actions/document/${NEW}/`),
    (e) => e.tagName === 'a' && /\/actions\/action-\d\/$/.test(String(e.properties.href)),
  );
  const pages = NEW_ACTIONS.map((a) => `/${NEW}/actions/action-${a.number}/`);
  assert.deepEqual(
    listed.map((a) => a.properties.href),
    pages,
  );

  const actions = json<{ convention: string; url: string; title: string; indicator: string }>('donnees/actions.json').filter(
    (r) => r.convention === NEW,
  );
  assert.deepEqual(
    actions.map((r) => [r.url, r.title, r.indicator]),
    NEW_ACTIONS.map((a) => [`${NEW}/actions/action-${a.number}/`, a.title, a.status ?? '']),
  );
  const [header, ...rows] = parseCsv(readFileSync(built('donnees/actions.csv'), 'utf8'));
  const url = header!.indexOf('url');
  assert.deepEqual(
    rows.filter((r) => r[0] === NEW).map((r) => r[url]),
    actions.map((r) => r.url),
  );
  const items = json<{ convention: string; type: string; number: string }>('donnees/elements.json').filter((r) => r.convention === NEW);
  assert.deepEqual(
    items.map((r) => `${r.type} ${r.number}`.trim()),
    ['document', 'axe 1', 'objectif 1', 'objectif 2', 'axe 2', 'action 1', 'action 2', 'action 3', 'action 4'],
  );

  const search = searchRecords(built('')).filter((r) => r.url.startsWith(`/${NEW}/`));
  assert.deepEqual(search.map((r) => r.url).sort(), [`/${NEW}/`, `/${NEW}/axe-1/`, `/${NEW}/axe-2/`, ...pages].sort());
  for (const a of NEW_ACTIONS) {
    const r = search.find((s) => s.url === `/${NEW}/actions/action-${a.number}/`)!;
    assert.ok(r.content.includes(a.wording), a.number);
    assert.equal(r.meta.document, NEW_SHORT);
  }
});

test('nothing was written outside the copy: the real content is as it was', () => {
  assert.equal(gitStatus(), statusBefore);
  assert.ok(!existsSync(join(project, 'content/conventions', `${NEW}.mdx`)));
  assert.ok(!existsSync(join(FIXTURE_SOURCES, 'content/conventions', `${NEW}.mdx`)));
  assert.ok(!existsSync(join(project, 'suivi.xlsx')));
});

test('first round: the actions reviewed are new; those not yet reviewed are said so', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2024/`), {
    nouvelles: ['action-1', 'action-2', 'action-4'],
    'non-evaluees': ['action-3', 'action-5', 'mesure'],
    // The indicators with a value at this round (issue 24), linked to their action.
    indicateurs: ['action-1', 'action-2'],
  });
  assert.match(toString(page(`${PLAN}/bilans/b2024/`)), /Premier bilan du document/);
});

test('second round: one status moved, one action new, the unchanged ones counted', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2025/`), {
    modifies: ['action-1'],
    nouvelles: ['action-3'],
    'non-evaluees': ['action-2', 'action-5', 'mesure'],
    indicateurs: ['action-1', 'action-3'],
  });
  const text = words(page(`${PLAN}/bilans/b2025/`));
  assert.match(text, /Statut modifié : 1 action/);
  assert.match(text, /Statut inchangé : 1 action/);
  assert.match(text, /Action n°1 : Recruter des agents handicapésEn cours \(EC\) \(Bilan 2024\)Réalisé \(R\)/);
});

test('third round: a move from the last known status, a new measure, a merged action with the one that takes it over', () => {
  assert.deepEqual(sections(`${PLAN}/bilans/b2026/`), {
    modifies: ['action-2'],
    commentaires: ['action-3'],
    nouvelles: ['mesure'],
    retirees: ['action-4', 'action-2'],
    'non-evaluees': ['action-5'],
    indicateurs: ['action-1', 'action-2', 'action-3'],
  });
  assert.match(words(page(`${PLAN}/bilans/b2026/`)), /fusionnée dans Action n°2 \(Reprise par l’action 2\.\)/);
});

test('a round’s comment is on its "what changed" page and found by search (issue 20)', () => {
  const COMMENT = 'Livret rédigé, tuteurs à former.';
  const text = words(page(`${PLAN}/bilans/b2026/`));
  assert.match(text, /Commentées à ce bilan : 1 action/);
  assert.ok(text.includes(`Action n°3 : Accueillir les agents ayant une RQTHEn cours (EC)${COMMENT}`), text);
  // Absent from the other rounds' pages: each page shows what its own round said.
  assert.ok(!words(page(`${PLAN}/bilans/b2025/`)).includes(COMMENT));
  const found = searchRecords(built('')).filter((r) => r.content.includes(COMMENT));
  assert.deepEqual(
    found.map((r) => r.url),
    [`/${PLAN}/actions/action-3/`],
  );
});

test('the rounds page and the action page give each round its status, "pas évaluée" or "retirée"', () => {
  // The table of every action (the page opens with the document's evolution, counts per round).
  const comparison = selectAll(page(`${PLAN}/bilans/`), (e) => e.tagName === 'table' && classes(e).includes('comparaison'))[0]!;
  const cells = selectAll(comparison, (e) => e.tagName === 'tr')
    .slice(1)
    .map((tr) => selectAll(tr, (e) => e.tagName === 'td' || e.tagName === 'th').map(words));
  assert.deepEqual(
    cells.map((row) => row.slice(1).map((c) => c.replace(/ \(\w+\)$/, ''))),
    [
      // The fourth round, brought by one indicator value, confirms every status as it was;
      // an action withdrawn at the third is no longer reviewed, which is not « pas évaluée ».
      ['En cours', 'Réalisé', 'Réalisé', 'Réalisé'],
      ['Non réalisé', 'Pas évaluée', 'En cours', 'En cours'],
      ['Pas évaluée', 'En cours', 'En cours', 'En cours'],
      ['Non réalisé', 'Non réalisé', 'Retirée', 'Déjà retirée'],
      ['Pas évaluée', 'Pas évaluée', 'Pas évaluée', 'Pas évaluée'],
      ['Pas évaluée', 'Pas évaluée', 'En cours', 'En cours'],
    ],
  );
  const history = words(selectAll(page(`${PLAN}/actions/action-1/`), (e) => e.tagName === 'table')[0]!);
  assert.match(
    history,
    /Bilan 2025décembre 2025Réalisé \(R\) Justificatifs :Tableau des recrutements 2025 \(PDF, \d+ octets\)Le plan d’essai, sur ce siteRapport social unique 2025/,
  );
});

test('an indicator value typed « 6,4 » in the workbook is published at its round: action page, indicateurs.csv, what changed (issue 24)', () => {
  assert.match(indicatorOutput, /27 → 6,4/);
  const table = words(
    selectAll(page(`${PLAN}/actions/${INDICATOR.action}/`), (e) => e.tagName === 'table').find((t) => words(t).includes(INDICATOR.label))!,
  );
  assert.match(table, new RegExp(`${NEW_ROUND.label}juin 20276,4 jours`));
  const [header, ...rows] = parseCsv(readFileSync(built('donnees/indicateurs.csv'), 'utf8'));
  const at = (name: string) => header!.indexOf(name);
  const row = rows.find((r) => r[at('indicator')] === INDICATOR.id && r[at('round')] === NEW_ROUND.id);
  assert.equal(row?.[at('value')], String(INDICATOR.value));
  assert.match(
    words(page(`${PLAN}/bilans/${NEW_ROUND.id}/`)),
    /Délai moyen d’aménagement[^)]*\(Action n°3\)27 jours \(Bilan 2026\)6,4 joursAtteinte/,
  );
});
