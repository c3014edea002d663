/**
 * The Inserm HRS4R action plan in content/ says what the source says: the 91 actions 1.1 … 8.3 with
 * the same number, wording, lettered sub-items, dates (« Réalisé Quand ? », « A faire Quand ? »),
 * responsible bodies (« Qui ? »), status, sub-heading, extension and cross-references; the 8
 * themes; the context parts 1 to 4, the abbreviations and the Nota Bene, word for word. The source
 * is read by tests/content/seeds/hrs4r-seed.ts, independently of the content files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readContentFile } from '../frontmatter.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { HRS4R_SEED, parseHrs4rSeed } from './seeds/hrs4r-seed.ts';

const CONVENTION = 'inserm-hrs4r-2022';
const { entries, problems } = validateAll(readContent(process.cwd()).files);
const seed = parseHrs4rSeed();
const of = <T extends { data: { convention: string } }>(list: T[]) => list.filter((e) => e.data.convention === CONVENTION);
const actions = of(entries.actions).sort((a, b) => a.data.order - b.data.order);
const convention = entries.conventions.find((c) => c.id === CONVENTION)!;
const numbers = actions.map((a) => a.data.number);

test('the content is valid', () => assert.deepEqual(problems, []));

test('the source has 91 actions in 8 themes, and so does the site, in the same order', () => {
  assert.equal(seed.actions.length, 91);
  assert.equal(actions.length, 91);
  assert.ok(actions.every((a) => a.data.kind === 'action'));
  assert.deepEqual(numbers, seed.actions.map((a) => a.number));
  assert.deepEqual(
    actions.map((a) => a.id),
    seed.actions.map((a) => `${CONVENTION}/action-${a.number.replace('.', '-')}`),
  );
  const perTheme = (list: { theme: string }[]) => ['1', '2', '3', '4', '5', '6', '7', '8'].map((t) => list.filter((a) => a.theme === t).length);
  assert.deepEqual(perTheme(seed.actions), [11, 11, 17, 22, 15, 4, 8, 3]);
  assert.deepEqual(perTheme(actions.map((a) => ({ theme: a.data.axis }))), [11, 11, 17, 22, 15, 4, 8, 3]);
});

test('the 8 themes are the source\'s, numbered and titled as printed', () => {
  const axes = of(entries.axes).sort((a, b) => Number(a.data.number) - Number(b.data.number));
  assert.equal(seed.themes.length, 8);
  assert.deepEqual(
    axes.map((a) => [a.data.number, a.data.title]),
    seed.themes.map((t) => [t.number, t.title]),
  );
  assert.deepEqual(convention.data.levels.axis, { singular: 'Thème', plural: 'Thèmes', label: 'Thème {n}' });
  assert.equal(of(entries.objectives).length, 0, 'le plan n\'a pas de niveau objectif');
});

test('each action has the number, wording, sub-items, dates, responsible and status of the source', () => {
  seed.actions.forEach((s, i) => {
    const a = actions[i]!.data;
    const where = `action ${s.number}`;
    assert.equal(a.number, s.number, where);
    assert.equal(a.axis, s.theme, where);
    assert.equal(a.objective, undefined, where);
    assert.equal(a.wording, s.wording, where);
    assert.ok(s.wording.startsWith(a.title), `${where} : le titre court reprend le début du libellé`);
    assert.deepEqual(a.subItems ?? [], s.subItems, `${where} : sous-actions`);
    assert.equal(a.dates?.done, s.done, `${where} : réalisé quand ?`);
    assert.equal(a.dates?.due, s.due, `${where} : à faire quand ?`);
    assert.deepEqual(a.responsible ?? [], s.responsible, `${where} : qui ?`);
    // One reading: the internal evaluation of March 2022, the only round the source gives.
    assert.deepEqual(a.statuses ?? [], s.status ? [{ round: 'evaluation-interne-2022', status: s.status }] : [], `${where} : statut`);
    assert.equal(a.group, s.group, `${where} : sous-titre`);
    assert.equal(a.extension, s.extension, `${where} : extension`);
    assert.equal(a.novelty ?? false, s.novelty, `${where} : nouveauté`);
    const existing = s.references.filter((n) => numbers.includes(n));
    assert.deepEqual(a.seeAlso ?? [], existing, `${where} : renvois`);
    if (existing.length < s.references.length) {
      assert.match((a.sourceNotes ?? []).join(' '), /« cf\. \d+\.\d+-\d+\.\d+ »/, `${where} : le renvoi cassé est signalé`);
    }
  });
});

test('the status scale holds every code the source prints, mapped to its meaning', () => {
  const scale = Object.fromEntries(convention.data.statusScale!.map((s) => [s.code, s.status]));
  assert.deepEqual(scale, {
    Réalisé: 'realise',
    'En cours': 'en-cours',
    'Action revue': 'revue',
    'Mise à jour': 'mise-a-jour',
    'Plus à réaliser': 'abandonne',
  });
  const used = new Set(seed.actions.flatMap((a) => [a.status, ...a.subItems.flatMap((s) => (s.status ? [s.status] : []))]));
  assert.deepEqual([...used].sort(), Object.keys(scale).sort());
  const count = (code: string) => actions.filter((a) => a.data.statuses?.[0]?.status === code).length;
  assert.deepEqual(
    ['Réalisé', 'En cours', 'Action revue', 'Mise à jour'].map(count),
    ['Réalisé', 'En cours', 'Action revue', 'Mise à jour'].map((c) => seed.actions.filter((a) => a.status === c).length),
  );
});

test('the document\'s milestones are the cover\'s three dates', () => {
  assert.equal(convention.data.shortTitle, "Plan d'action HRS4R Inserm 2022");
  assert.equal(convention.data.kind, 'plan-actions');
  assert.deepEqual(convention.data.milestones, [
    { date: '2016-05', label: 'Première soumission' },
    { date: '2018-12', label: 'Evaluation interne' },
    { date: '2022-03', label: 'Renouvellement du label' },
  ]);
});

/** Markdown and PDF markup removed, so that the source's lines can be found in the MDX bodies. */
const plain = (s: string) =>
  s
    .replace(/\^\{([^}]*)\}/g, '$1')
    .replace(/<\/?sup>/g, '')
    .replace(/<span lang="[a-z]+">|<\/span>/g, '')
    .replace(/\\\*/g, '*')
    .replace(/\*\*|(?<=\s|«\s?|^)\*|\*(?=\s?»)/g, '')
    .replace(/^\s*-\s*(›\s*)?/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
const body = (folder: string, name: string) => plain(readContentFile(`content/${folder}/${CONVENTION}/${name}.mdx`).body);

test('the context parts, the abbreviations and the Nota Bene are transcribed word for word', () => {
  const lines = readFileSync(HRS4R_SEED, 'utf8').split('\n');
  const from = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const parts: [string, string, string][] = [
    ['contexte-1', '1. L\'Inserm', '2. Contexte'],
    ['contexte-2', '2. Contexte', '3. L\'approche'],
    ['contexte-3', '3. L\'approche', '4. Le plan d\'action'],
    ['contexte-4', '4. Le plan d\'action', 'Abréviations utilisées'],
    ['abreviations', 'Abréviations utilisées', '5. Actions'],
    ['nota-bene', 'Nota Bene:', 'Objectifs'],
  ];
  for (const [file, start, end] of parts) {
    const text = body('sections', file);
    const source = lines.slice(from(start) + 1, from(end)).map(plain).filter(Boolean);
    assert.ok(source.length > 0, file);
    for (const line of source) assert.ok(text.includes(line), `${file} : « ${line.slice(0, 60)}… » manque`);
    assert.equal(text.length, source.join(' ').length, `${file} : rien d'autre que le texte de la source`);
  }
  const sections = of(entries.sections).sort((a, b) => a.data.order - b.data.order);
  assert.deepEqual(
    sections.map((s) => [s.id.split('/')[1], s.data.kind, s.data.number, s.data.title]),
    [
      ['contexte-1', 'contexte', '1', "L'Inserm : au cœur des sciences de la vie et de la santé"],
      ['contexte-2', 'contexte', '2', 'Contexte : Participation au processus « Stratégie Ressources Humaines pour les Chercheurs » (HRS4R)'],
      ['contexte-3', 'contexte', '3', "L'approche"],
      ['contexte-4', 'contexte', '4', "Le plan d'action"],
      ['abreviations', 'abreviations', undefined, 'Abréviations utilisées'],
      ['partie-5', 'partie', '5', 'Actions à mettre en œuvre'],
      ['nota-bene', 'note', undefined, 'Nota Bene'],
    ],
  );
  const genderNote = lines.find((l) => l.startsWith('Nota Bene: les actions'))!;
  assert.ok(body('axes', 'theme-4').includes(plain(genderNote)), 'le Nota Bene du thème 4 figure dans son texte');
});

test('what the extraction lost or the source got wrong is said, not hidden', () => {
  const notes = (convention.data.sourceNotes ?? []).join(' ');
  assert.match(notes, /couleur des lignes/);
  assert.match(notes, /« Réalisé Quand \? »/);
  const action = (n: string) => actions.find((a) => a.data.number === n)!.data;
  const who22 = seed.actions.find((a) => a.number === '2.2')!.who;
  assert.equal(who22, 'DESP, RH, CSS, IT RH RH DESP, RH, CSS, IT', 'la colonne « Qui ? » de 2.2 donne un responsable par sous-action');
  assert.match(action('2.2').sourceNotes!.join(' '), /a\. DESP, RH, CSS, IT ; b\. RH ; c\. RH ; d\. DESP, RH, CSS, IT/);
  assert.match(action('2.3').sourceNotes!.join(' '), /plus à réaliser/);
  const axis = (n: string) => of(entries.axes).find((a) => a.data.number === n)!.data;
  for (const n of seed.noveltyThemes) assert.deepEqual(axis(n).notes, ['Nouveauté | 2022-2024']);
  assert.deepEqual([...seed.noveltyThemes], ['6', '7']);
  assert.ok(seed.actions.filter((a) => a.theme === '8').every((a) => a.responsible.length === 0));
  assert.match(axis('8').sourceNotes!.join(' '), /aucun responsable/);
});
