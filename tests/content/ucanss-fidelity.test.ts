/**
 * The Ucanss–Agefiph national convention in content/ says what the source says: the 11 articles
 * (article 6 only in the table of contents, and said so), the 5 axes of article 3 and their 20
 * actions with the same number and wording, the 6 annexes, the 78 trades of the 17 families, every
 * line of text under the heading that holds it, every footnote beside its call, the quirks of the
 * table of contents. The source is read by tests/content/seeds/ucanss-seed.ts, independently of the
 * content files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readContentFile } from '../frontmatter.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { fold as foldText } from '../../src/model/text.ts';
import { parseUcanssSeed } from './seeds/ucanss-seed.ts';

const CONVENTION = 'ucanss-agefiph-2016';
const { entries, problems } = validateAll(readContent(process.cwd()).files);
const seed = parseUcanssSeed();
const of = <T extends { data: { convention: string } }>(list: T[]) => list.filter((e) => e.data.convention === CONVENTION);
const convention = entries.conventions.find((c) => c.id === CONVENTION)!;
const sections = of(entries.sections);
const axes = of(entries.axes).sort((a, b) => Number(a.data.number) - Number(b.data.number));
const actions = of(entries.actions).sort((a, b) => a.data.order - b.data.order);
const localName = (id: string) => id.slice(id.indexOf('/') + 1);
const section = (name: string) => sections.find((s) => localName(s.id) === name)!;
const body = (file: string) => readContentFile(file).body;

/** Compares text the PDF prints in capitals without accents, and its two kinds of apostrophe. */
const fold = (s: string) =>
  foldText(s).toUpperCase().replace(/\s+/g, ' ').trim();
/** Text without its Markdown or PDF dress: list marks, emphasis, headings, table bars, escapes, "^{er}". */
const plain = (s: string) =>
  s
    .split('\n')
    .map((l) => l.replace(/\^\{([^}]*)\}/g, '$1').replace(/^\s*(#+|-|\||■)?\s*(o )?/, '').replace(/[*\\|]/g, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
/** The table of contents writes "l’élaboration" in lower case: same words, first letter aside. */
const sentence = (s: string) => {
  const t = s.replace(/’/g, "'").replace(/\.$/, '');
  return t.charAt(0).toUpperCase() + t.slice(1);
};

test('the content is valid', () => assert.deepEqual(problems, []));

test('the convention: parties, representatives and dates as printed', () => {
  const d = convention.data;
  assert.equal(d.kind, 'convention');
  assert.equal(d.shortTitle, 'Convention Ucanss-Agefiph 2016');
  assert.equal(fold(d.title), fold(seed.title));
  const identification = seed.spans[0]!.lines.map((l) => l.text).join(' ');
  assert.deepEqual(d.parties.map((p) => p.name.split(' ')[0]), ['Agefiph', 'Ucanss']);
  for (const p of d.parties) assert.ok(identification.includes(`représentée par ${p.representative}`), p.representative);
  // Article 7: "à compter du 1er Avril 2016 pour une durée de 3 ans".
  const [, day, month, year, years] = seed.duration!;
  assert.deepEqual([day, month, year, years], ['1', 'Avril', '2016', '3']);
  assert.equal(d.dates.inForce, '2016-04-01');
  assert.equal(d.dates.end, `${Number(year) + Number(years)}-03-31`);
  assert.equal(d.dates.signed, undefined, 'la source laisse la date de signature en blanc');
  assert.equal(d.statusScale, undefined);
  assert.equal(d.levels.action.numbering, 'axis');
  assert.equal(d.levels.axis.label, 'Axe {n}');
});

test('11 articles, numbered 1 to 11, titled as in the table of contents and the body', () => {
  const articles = sections.filter((s) => s.data.kind === 'article').sort((a, b) => Number(a.data.number) - Number(b.data.number));
  const toc = seed.toc.filter((t) => t.kind === 'article');
  assert.equal(toc.length, 11);
  assert.equal(articles.length, 11);
  assert.deepEqual(articles.map((a) => a.data.number), toc.map((t) => t.number));
  assert.deepEqual(articles.map((a) => localName(a.id)), toc.map((t) => `article-${t.number}`));
  for (const [i, t] of toc.entries()) assert.equal(fold(articles[i]!.data.title), fold(t.text), `article ${t.number}`);
  for (const b of seed.articles) assert.equal(fold(section(`article-${b.number}`).data.title), fold(b.title), `article ${b.number}`);
});

test('article 6 is empty in the source and its table-of-contents entry is broken: the content says both', () => {
  assert.deepEqual(seed.articles.map((a) => a.number), ['1', '2', '3', '4', '5', '7', '8', '9', '10', '11']);
  assert.equal(seed.toc.find((t) => t.kind === 'article' && t.number === '6')!.page, 'Erreur ! Signet non défini.');
  const a6 = section('article-6');
  const notes = a6.data.sourceNotes!.join(' ');
  assert.match(notes, /aucun texte/);
  assert.match(notes, /Erreur ! Signet non défini\./);
  assert.match(convention.data.sourceNotes!.join(' '), /Erreur ! Signet non défini\./);
  assert.ok(plain(body(a6.file)).length < 80, "l'article 6 n'a pas de texte à lui");
});

test('the 5 axes of article 3, titled as printed', () => {
  assert.equal(axes.length, 5);
  assert.deepEqual(axes.map((a) => a.data.number), seed.axes.map((a) => a.number));
  const toc = seed.toc.filter((t) => t.kind === 'axe');
  for (const [i, a] of axes.entries()) {
    assert.equal(fold(a.data.title), fold(seed.axes[i]!.title));
    assert.equal(a.data.title, sentence(toc[i]!.text));
    assert.equal(a.data.section, 'article-3');
    assert.equal(localName(a.id), `axe-${a.data.number}`);
  }
});

test('20 actions, numbered afresh in each axis, with the number and wording of the source', () => {
  assert.equal(seed.actions.length, 20);
  assert.equal(actions.length, 20);
  const perAxis = (list: { axis: string }[]) => ['1', '2', '3', '4', '5'].map((n) => list.filter((a) => a.axis === n).length);
  assert.deepEqual(perAxis(seed.actions), [4, 6, 5, 3, 2]);
  assert.deepEqual(perAxis(actions.map((a) => a.data)), [4, 6, 5, 3, 2]);
  const toc = seed.toc.filter((t) => t.kind === 'action');
  assert.equal(toc.length, 20);
  seed.actions.forEach((s, i) => {
    const a = actions[i]!;
    const where = `axe ${s.axis}, action ${s.number}`;
    assert.equal(a.data.axis, s.axis, where);
    assert.equal(a.data.number, s.number, where);
    assert.equal(a.data.kind, 'action', where);
    assert.equal(localName(a.id), `axe-${s.axis}-action-${s.number}`, where);
    assert.equal(fold(a.data.wording), fold(s.heading), `${where} : libellé du corps du texte`);
    assert.ok(a.data.wording.startsWith(a.data.title), `${where} : le titre court reprend le début du libellé`);
    assert.equal(a.data.label, s.printedLabel === 'ACTION N° 1' ? 'Action n° 1' : undefined, `${where} : numéro tel qu'imprimé`);
    assert.equal(a.data.statuses, undefined);
    // The table of contents: same words, except where it differs from the body (said in sourceNotes).
    const t = toc[i]!;
    assert.deepEqual([t.axis, t.number], [s.axis, s.number], where);
    if (where === 'axe 2, action 6' || where === 'axe 3, action 5') {
      assert.notEqual(fold(t.text), fold(s.heading), where);
      assert.ok(a.data.sourceNotes!.join(' ').includes(t.text.split(' ').at(-1)!), `${where} : l'écart du sommaire est signalé`);
    } else assert.equal(a.data.wording.replace(/\.$/, ''), sentence(t.text), where);
  });
});

test('the quirks of the table of contents are noted', () => {
  const labels = seed.toc.filter((t) => t.kind === 'action').map((t) => t.label);
  assert.deepEqual(labels.filter((l) => l !== `Action n°${l!.slice(-1)}`), ['Action N°3', 'Action n° 1']);
  assert.match(seed.toc.find((t) => t.axis === '2' && t.number === '6')!.text, /dispositif institutionnel Parthage/);
  assert.match(seed.toc.find((t) => t.axis === '3' && t.number === '5')!.text, /dispositif Partage$/);
  const notes = convention.data.sourceNotes!.join(' ');
  for (const quirk of ['Action N°3', 'Action n° 1', 'dispositif Partage', 'dispositif institutionnel Parthage', 'PREAMBULE']) {
    assert.ok(notes.includes(quirk), quirk);
  }
  assert.ok(!seed.spans.some((s) => s.lines.some((l) => l.text === 'PREAMBULE')), 'le corps du texte ne porte pas le titre « PREAMBULE »');
});

test('"Parthage" is in the action that promotes it (axis 2, action 6) and in axis 3 action 5', () => {
  const a = (axis: string, n: string) => actions.find((x) => x.data.axis === axis && x.data.number === n)!;
  assert.match(body(a('2', '6').file), /Parthage \(Programme d'Accompagnement/);
  assert.match(a('3', '5').data.wording, /dispositif Parthage$/);
});

test('every line of the source is in the entry that holds it', () => {
  const files = new Map<string, string>([['convention', convention.file]]);
  for (const s of sections) files.set(localName(s.id), s.file);
  for (const a of axes) files.set(localName(a.id), a.file);
  for (const a of actions) files.set(localName(a.id), a.file);
  let checked = 0;
  for (const span of seed.spans) {
    if (span.target === 'annexe-2') continue; // the table has its own test
    const file = files.get(span.target);
    assert.ok(file, `aucune entrée pour ${span.target}`);
    const text = plain(body(file));
    for (const { n, text: line } of span.lines) {
      const p = plain(line);
      if (p === '') continue;
      const ok = /\p{Ll}/u.test(p) ? text.includes(p) : fold(text).includes(fold(p));
      assert.ok(ok, `ligne ${n} absente de ${file} : ${line}`);
      checked++;
    }
  }
  assert.ok(checked > 300, `${checked} lignes vérifiées`);
});

test('every footnote is in the entry that calls it', () => {
  assert.equal(seed.footnotes.length, 7);
  const all = [convention, ...sections, ...axes, ...actions].map((e) => ({ file: e.file, text: body(e.file) }));
  for (const f of seed.footnotes) {
    const holders = all.filter((e) => plain(e.text).includes(plain(f.text)));
    assert.equal(holders.length, 1, `note ${f.marker} (ligne ${f.line})`);
    const calls = holders[0]!.text.split(f.marker === '*' ? '\\*' : f.marker).length - 1;
    assert.ok(calls >= 2, `note ${f.marker} : appel et note dans ${holders[0]!.file}`);
  }
});

test('6 annexes, titled as printed', () => {
  const annexes = sections.filter((s) => s.data.kind === 'annexe').sort((a, b) => Number(a.data.number) - Number(b.data.number));
  assert.equal(annexes.length, 6);
  assert.deepEqual(annexes.map((a) => [localName(a.id), a.data.number]), seed.annexes.map((a) => [`annexe-${a.number}`, a.number]));
  for (const [i, a] of annexes.entries()) assert.equal(fold(a.data.title), fold(seed.annexes[i]!.title));
  assert.match(section('annexe-6').data.sourceNotes!.join(' '), /aucun contenu/);
  assert.match(section('annexe-1').data.sourceNotes!.join(' '), /image/);
});

test('annex 2: the 78 trades in 17 families, every one as printed', () => {
  assert.equal(seed.families.length, 17);
  assert.equal(seed.trades.length, 78);
  assert.deepEqual(seed.trades.map((t) => t.number), Array.from({ length: 78 }, (_, i) => String(i + 1)));
  const rows = body(section('annexe-2').file)
    .split('\n')
    .filter((l) => /^\| Famille \d+ \|/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  assert.deepEqual(
    rows,
    seed.trades.map((t) => [`Famille ${t.family}`, t.familyName, t.number, t.name]),
  );
  assert.equal(new Set(rows.map((r) => r[0])).size, 17);
});

test('sections are in the order of the document', () => {
  const names = sections.sort((a, b) => a.data.order - b.data.order).map((s) => localName(s.id));
  assert.deepEqual(names, [
    'preambule',
    ...Array.from({ length: 11 }, (_, i) => `article-${i + 1}`),
    'signataires',
    ...Array.from({ length: 6 }, (_, i) => `annexe-${i + 1}`),
  ]);
});
