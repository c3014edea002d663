/**
 * The recogniser of plans (scripts/document-import/structure.ts, issue 22) on the shapes plans
 * have: a convention by headings (tests/fixtures/documents/ucanss-titres*), a convention by
 * sections and articles with lettered commitments (multipartite-articles*), each as written by the
 * docx library and by LibreOffice (.docx and .odt), which must all give the same plan; and on small
 * documents made here for the rules on their own (sub-items, legends, uncertain decisions).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Block, Paragraph, SourceDocument } from '../../scripts/document-import/blocks.ts';
import { readSource } from '../../scripts/document-import/source.ts';
import { recognisePlan, type Plan } from '../../scripts/document-import/structure.ts';
import { importReport } from '../../scripts/document-import/report.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'documents');
const read = (name: string) => recognisePlan(readSource(join(FIXTURES, name)));
/** A plan without the places, which differ between formats (a footnote is a paragraph in one, not in the other). */
const shape = (plan: Plan) => ({
  levels: plan.levels,
  axes: plan.axes.map(({ number, title }) => ({ number, title })),
  objectives: plan.objectives.map(({ axis, number, title }) => ({ axis, number, title })),
  items: plan.items.map(({ place: _place, ...item }) => item),
});

test('a convention by headings: axes and their actions, numbers restarting in each axis, the same from Word and LibreOffice', () => {
  const plans = ['ucanss-titres.docx', 'ucanss-titres-libreoffice.docx', 'ucanss-titres-libreoffice.odt'].map(read);
  const [plan] = plans as [Plan, ...Plan[]];
  assert.deepEqual(
    { axis: plan.levels.axis, action: plan.levels.action, numbering: plan.levels.numbering },
    { axis: 'Axe', action: 'Action', numbering: 'axis' },
  );
  assert.deepEqual(
    plan.axes.map((a) => a.number),
    ['1', '2', '3', '4', '5'],
  );
  assert.deepEqual(plan.objectives, []);
  // Each axis's actions are numbered from 1, in order, as printed (« Action N°3 », « Action n° 1 » included).
  for (const axis of plan.axes) {
    const numbers = plan.items.filter((i) => i.axis === axis.number).map((i) => i.number);
    assert.deepEqual(
      numbers,
      numbers.map((_, k) => String(k + 1)),
      `axe ${axis.number}`,
    );
  }
  assert.ok(plan.items.every((i) => i.kind === 'action' && i.wording !== '' && !/^action/i.test(i.wording)));
  for (const other of plans.slice(1)) assert.deepEqual(shape(other), shape(plan));
  // The text under the actions is reported as left out, by runs, not lost silently.
  assert.ok(plan.leftOut.some((l) => /^texte sous l’action 1 \(axe 1\), que le classeur ne porte pas/.test(l.why)));
});

test('a convention by sections and articles: lettered commitments, from a Word list or typed, numbered in each article', () => {
  const plans = ['multipartite-articles.docx', 'multipartite-articles-libreoffice.docx', 'multipartite-articles-libreoffice.odt'].map(read);
  const [plan] = plans as [Plan, ...Plan[]];
  assert.deepEqual(
    { axis: plan.levels.axis, objective: plan.levels.objective, action: plan.levels.action, numbering: plan.levels.numbering },
    { axis: 'Section', objective: 'Article', action: 'Engagement', numbering: 'objective' },
  );
  // « Section liminaire » keeps its word for number; « Article premier » is article 1.
  assert.equal(plan.axes[0]!.number, 'liminaire');
  assert.equal(plan.objectives[0]!.number, '1');
  assert.ok(plan.items.every((i) => i.kind === 'engagement' && /^[a-z]$/.test(i.number!)));
  // Each article's commitments run a, b, c… from its own a.
  const letters = new Map<string, string[]>();
  for (const i of plan.items) letters.set(i.objective!, [...(letters.get(i.objective!) ?? []), i.number!]);
  for (const [article, list] of letters) assert.deepEqual(list, [...'abcdefghij'].slice(0, list.length), `article ${article}`);
  assert.ok(letters.size >= 3);
  for (const other of plans.slice(1)) assert.deepEqual(shape(other), shape(plan));
  assert.ok(plan.decisions.some((d) => d.what === '« Article premier » : « 1 » pris comme numéro' && d.place.paragraph !== undefined));
});

// ── Small documents made here ───────────────────────────────────────────────────────────────────

let index = 0;
const p = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({ kind: 'paragraph', index: ++index, text, ...extra });
const doc = (...blocks: Block[]): SourceDocument => ({ file: 'essai.docx', format: 'docx', title: 'Plan d’essai', blocks, notes: [] });

test('lettered paragraphs right under an action are its sub-items; letters that start again are lists of its text', () => {
  index = 0;
  const plan = recognisePlan(
    doc(
      p('Axe 1 : Recruter'),
      p('Action 1 : Ouvrir des postes'),
      p('a) aux concours'),
      p('b) en contrat'),
      p('Action 2 : Former'),
      p('Les publics :'),
      p('a) les encadrants'),
      p('b) les RH'),
      p('Les moyens :'),
      p('a) un budget'),
    ),
  );
  assert.deepEqual(
    plan.items.map((i) => [i.number, i.subItems]),
    [
      [
        '1',
        [
          { letter: 'a', text: 'aux concours' },
          { letter: 'b', text: 'en contrat' },
        ],
      ],
      ['2', []],
    ],
  );
  assert.ok(plan.decisions.some((d) => /^lettres répétées sous l’action 2 \(axe 1\)/.test(d.what)));
  assert.deepEqual(
    plan.leftOut.map((l) => l.place.paragraph),
    [6, 7, 8, 9, 10],
  );
});

test('a legend in one paragraph becomes the scale; a status outside it is left empty and to check, at its cell', () => {
  index = 0;
  const cell = (text: string, table: number, row: number, column: number, extra: Partial<Paragraph> = {}) => ({
    paragraphs: [p(text, { cell: { table, row, column }, ...extra })],
    text,
  });
  const plan = recognisePlan(
    doc(p('Légende : R : Réalisé ; EC : En cours ; ZZ : Abandonné en route'), {
      kind: 'table',
      index: 1,
      after: 1,
      rows: [
        { cells: [cell('Axe', 1, 1, 1), cell('Actions', 1, 1, 2), cell('Statut', 1, 1, 3)], header: true },
        { cells: [cell('Axe 1 : Recruter', 1, 2, 1), cell('Action 1 : Ouvrir des postes', 1, 2, 2), cell('R', 1, 2, 3)] },
        { cells: [{ ...cell('Axe 1 : Recruter', 1, 3, 1), carried: true }, cell('Former les jurys', 1, 3, 2), cell('XX', 1, 3, 3)] },
      ],
    }),
  );
  assert.deepEqual(plan.scale, [
    { code: 'R', legend: 'Réalisé', status: 'realise' },
    { code: 'EC', legend: 'En cours', status: 'en-cours' },
    { code: 'ZZ', legend: 'Abandonné en route' },
  ]);
  assert.deepEqual(
    plan.items.map((i) => [i.axis, i.number, i.kind, i.wording, i.status]),
    [
      ['1', '1', 'action', 'Ouvrir des postes', 'R'],
      ['1', undefined, 'mesure', 'Former les jurys', undefined],
    ],
  );
  const report = importReport({ file: 'essai.docx', format: 'Word .docx', plan, toFill: [], notes: [] });
  assert.match(
    report,
    /^ {2}- tableau 1, ligne 3, colonne 2 « Former les jurys » : sans numéro imprimé : repris comme mesure sans numéro$/m,
  );
  assert.match(
    report,
    /^ {2}- tableau 1, ligne 3, colonne 2 « Former les jurys » : statut « XX » absent de la légende du document : laissé vide$/m,
  );
  assert.match(
    report,
    /^ {2}- document « ZZ : Abandonné en route » : le code ZZ \(« Abandonné en route »\) ne nomme aucun statut commun : à choisir dans le classeur$/m,
  );
});

test('a document with neither a table of actions, nor level words, nor numbered items holds no plan', () => {
  index = 0;
  assert.throws(() => recognisePlan(doc(p('Le présent document rappelle les engagements pris.'), p('Il est diffusé à tous les agents.'))), {
    name: 'Error',
    message: 'aucune action reconnue',
  });
});

test('headings with no level word: the first level is the axis; the items are the deepest headings, or the numbered paragraphs', () => {
  index = 0;
  const byHeadings = recognisePlan(
    doc(
      p('Recrutement', { headingLevel: 1 }),
      p('Ouvrir les concours', { headingLevel: 2 }),
      p('Le texte de l’action.'),
      p('Formation', { headingLevel: 1, label: '2.', listLevel: 0 }),
      p('Former les jurys', { headingLevel: 2 }),
    ),
  );
  assert.deepEqual(
    byHeadings.axes.map((a) => [a.number, a.title]),
    [
      ['1', 'Recrutement'],
      ['2', 'Formation'],
    ],
  );
  assert.deepEqual(
    byHeadings.items.map((i) => [i.axis, i.number, i.wording]),
    [
      ['1', '1', 'Ouvrir les concours'],
      ['2', '1', 'Former les jurys'],
    ],
  );
  const uncertain = byHeadings.decisions.filter((d) => d.uncertain).map((d) => d.what);
  assert.ok(uncertain.includes('titre de niveau 1 sans mot de niveau (sans numéro : numéroté 1 dans l’ordre) : pris comme axe 1'));
  assert.ok(!uncertain.some((w) => w.includes('pris comme axe 2')), 'le numéro affiché par Word n’est pas incertain');

  index = 0;
  const byLists = recognisePlan(
    doc(
      p('Recrutement', { headingLevel: 1 }),
      p('Ouvrir les concours', { label: '1.', listLevel: 0 }),
      p('Recruter en contrat', { label: '2.', listLevel: 0 }),
    ),
  );
  assert.deepEqual(
    byLists.items.map((i) => [i.axis, i.number, i.wording]),
    [
      ['1', '1', 'Ouvrir les concours'],
      ['1', '2', 'Recruter en contrat'],
    ],
  );
});

test('the dates a document states of itself in full are read; a date without its day is not guessed', () => {
  index = 0;
  const plan = recognisePlan(
    doc(
      p('Plan handicap 2027-2029'),
      p('Entrée en vigueur au 1er janvier 2027'),
      p('Signé en mars 2026 par les parties.'),
      p('Axe 1 : Recruter'),
      p('Action 1 : Ouvrir des postes'),
      p('Fait à Lyon, le 12 décembre 2026'),
    ),
  );
  assert.deepEqual(
    plan.statements.map((s) => [s.path, s.value, s.place.paragraph]),
    [
      ['dates.inForce', '2027-01-01', 2],
      ['dates.signed', '2026-12-12', 6],
    ],
  );
});

test('a table flattened into paragraphs: typed bullets, the status after a tab, a missing axis flagged, no legend taken from the items', () => {
  index = 0;
  const plan = recognisePlan(
    doc(
      p('AXE N°1\tRECRUTEMENT'),
      p('Objectif n°1 : Recruter\t\tInd.'),
      p('▪ Action n°1 : Réaliser des travaux de mise en conformité.\t\tR'),
      p('▪ Action n°2 : Réaliser des travaux de réfection.\t\tEC'),
      p('RECLASSEMENT ET RECONVERSION'),
      p('Objectif n°1 : Se reconvertir\tInd.'),
      p('▪ Action n°3 : Former\tNR'),
      p('Objectif réalisé\t\tR'),
      p('Objectif en cours\t\tEC'),
      p('Objectif non réalisé\t\tNR'),
    ),
  );
  assert.deepEqual(
    plan.scale.map((s) => [s.code, s.status]),
    [
      ['R', 'realise'],
      ['EC', 'en-cours'],
      ['NR', 'non-realise'],
    ],
  );
  assert.deepEqual(
    plan.items.map((i) => [i.number, i.wording, i.status]),
    [
      ['1', 'Réaliser des travaux de mise en conformité.', 'R'],
      ['2', 'Réaliser des travaux de réfection.', 'EC'],
      ['3', 'Former', 'NR'],
    ],
  );
  assert.ok(
    plan.decisions.some(
      (d) =>
        d.uncertain &&
        d.place.paragraph === 6 &&
        d.what === 'objectif 1 déjà vu dans l’axe 1 (« Recruter ») : rangé avec lui ; l’axe qui le contient manque peut-être',
    ),
  );
});
