/**
 * The convention multipartite 2017-2020 in content/ says what the source says: its 8 sections
 * (section liminaire, sections 1 to 7) as axes, its 17 articles as objectives with their text, each
 * lettered commitment a), b)… as an engagement with the same letter and wording, and the preamble
 * (with its 9 footnotes), visas, considérants, signatories and signature page word for word. The
 * source is read by tests/content/seeds/multipartite-seed.ts, independently of the content files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readContentFile } from '../frontmatter.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { parseMultipartiteSeed } from './seeds/multipartite-seed.ts';

const CONVENTION = 'convention-multipartite-2017-2020';
const { entries, problems } = validateAll(readContent(process.cwd()).files);
const seed = parseMultipartiteSeed();
const of = <T extends { data: { convention: string } }>(list: T[]) => list.filter((e) => e.data.convention === CONVENTION);
const local = (id: string) => id.slice(id.indexOf('/') + 1);
/** The MDX body of a content file. */
const body = (folder: string, name: string) =>
  readContentFile(join(process.cwd(), 'content', folder, CONVENTION, `${name}.mdx`)).body;
/** Text of a body without Markdown list markers nor bracketed editorial mentions, on one line. */
const flat = (s: string) =>
  s.replace(/^\s*-\s+/gm, '').replace(/\*\[.*?\]\*/g, '').replace(/\s+/g, ' ').trim();
/** The list items of a body. */
const items = (s: string) => s.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2).trim());
/** The PDF puts a space between a footnote call and the punctuation after it. */
const tight = (s: string) => s.replace(/\s+(?=[,.)])/g, '');

const EXPECTED_COMMITMENTS: Record<string, number> = { '2': 7, '5': 6, '6': 3, '8': 2, '11': 5 };

test('the content is valid', () => assert.deepEqual(problems, []));

test('the source has 17 articles and 8 sections, and so does the site', () => {
  assert.equal(seed.articles.length, 17);
  assert.deepEqual(seed.articles.map((a) => a.number), Array.from({ length: 17 }, (_, i) => String(i + 1)));
  assert.equal(seed.sections.length, 8);
  assert.deepEqual(seed.sections.map((s) => s.number), ['liminaire', '1', '2', '3', '4', '5', '6', '7']);
  assert.equal(of(entries.objectives).length, 17);
  assert.equal(of(entries.axes).length, 8);
});

test('each section is an axis with its printed number and title', () => {
  const axes = of(entries.axes);
  for (const s of seed.sections) {
    const axis = axes.find((a) => a.data.number === s.number);
    assert.ok(axis, `section ${s.number}`);
    assert.equal(local(axis.id), `section-${s.number}`);
    // The source prints "Section liminaire : engagements généraux": only the first letter is raised.
    assert.equal(axis.data.title, s.title[0]!.toUpperCase() + s.title.slice(1), `titre de la section ${s.number}`);
  }
  assert.equal(axes.find((a) => a.data.number === 'liminaire')!.data.label, 'Section liminaire');
});

test('each article is an objective of its section, with its title or, when untitled, a said subject', () => {
  const objectives = of(entries.objectives);
  for (const a of seed.articles) {
    const o = objectives.find((x) => x.data.number === a.number);
    assert.ok(o, `article ${a.number}`);
    assert.equal(local(o.id), `article-${a.number}`);
    assert.equal(o.data.axis, a.section, `section de l'article ${a.number}`);
    assert.equal(o.data.label, a.printed === 'premier' ? 'Article premier' : undefined);
    const untitled = (o.data.sourceNotes ?? []).some((n) => /sans titre/.test(n));
    if (a.title) {
      assert.equal(o.data.title, a.title, `titre de l'article ${a.number}`);
      assert.equal(untitled, false, `l'article ${a.number} a un titre imprimé`);
    } else {
      assert.ok(untitled, `l'article ${a.number} n'a pas de titre dans la source : une note doit le dire`);
    }
  }
  assert.deepEqual(
    seed.articles.filter((a) => !a.title).map((a) => a.number),
    ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '17'],
  );
});

test('each article body holds its full text besides its lettered commitments', () => {
  for (const a of seed.articles) {
    assert.equal(flat(body('objectives', `article-${a.number}`)), [a.intro, a.trailing].filter(Boolean).join(' '), `article ${a.number}`);
  }
  assert.match(seed.articles[10]!.trailing, /^Ses propositions sont soumises/);
  assert.match(of(entries.objectives).find((o) => o.data.number === '11')!.data.sourceNotes!.join(), /suit les points a\) à e\)/);
});

test('each article has as many lettered commitments as the source', () => {
  for (const a of seed.articles) {
    const expected = EXPECTED_COMMITMENTS[a.number] ?? 0;
    assert.equal(a.commitments.length, expected, `source, article ${a.number}`);
    const actions = of(entries.actions).filter((x) => x.data.objective === a.number);
    assert.equal(actions.length, expected, `site, article ${a.number}`);
  }
  assert.equal(of(entries.actions).length, 23);
});

test('each commitment has the letter, wording, article and section of the source, in order', () => {
  const actions = of(entries.actions).sort((x, y) => x.data.order - y.data.order);
  const commitments = seed.articles.flatMap((a) => a.commitments.map((c) => ({ ...c, article: a.number, section: a.section })));
  assert.equal(actions.length, commitments.length);
  commitments.forEach((c, i) => {
    const { data, id } = actions[i]!;
    const where = `article ${c.article}, ${c.letter})`;
    assert.equal(local(id), `article-${c.article}-${c.letter}`, where);
    assert.equal(data.kind, 'engagement', where);
    assert.equal(data.number, c.letter, where);
    assert.equal(data.objective, c.article, where);
    assert.equal(data.axis, c.section, where);
    assert.equal(data.wording, c.wording, where);
    assert.equal(data.order, i + 1, where);
    assert.equal(data.statuses, undefined, where);
    assert.ok(c.wording.startsWith(data.title), `${where} : le titre court reprend le début du libellé`);
  });
  // Letters follow a), b), c)… without a gap in every article.
  for (const a of seed.articles) {
    assert.deepEqual(a.commitments.map((c) => c.letter), [...'abcdefg'].slice(0, a.commitments.length), `article ${a.number}`);
  }
});

test('"emploi accompagné" is carried verbatim by commitment 2 f), and only there', () => {
  const inSeed = seed.articles.flatMap((a) => a.commitments.filter((c) => c.wording.includes('emploi accompagné')).map((c) => `${a.number}${c.letter}`));
  assert.deepEqual(inSeed, ['2f']);
  const inSite = of(entries.actions).filter((a) => a.data.wording.includes('d’emploi accompagné'));
  assert.deepEqual(inSite.map((a) => `${a.data.objective}${a.data.number}`), ['2f']);
  for (const a of seed.articles) assert.doesNotMatch(body('objectives', `article-${a.number}`), /emploi accompagné/);
});

test('the document is the source: title, period, levels, parties', () => {
  const c = entries.conventions.find((x) => x.id === CONVENTION)!.data;
  assert.equal(c.kind, 'convention');
  assert.equal(c.shortTitle, 'Convention multipartite 2017-2020');
  assert.match(c.title, new RegExp(`${seed.period}$`));
  assert.equal(seed.coverDate, 'Novembre 2017');
  assert.equal(c.dates.signed, '2017-11');
  assert.equal(c.dates.end, seed.period.split('-')[1]);
  assert.equal(c.statusScale, undefined);
  assert.deepEqual(c.levels.axis, { singular: 'Section', plural: 'Sections', label: 'Section {n}' });
  assert.equal(c.levels.objective.label, 'Article {n}');
  assert.deepEqual(c.levels.action, { singular: 'Engagement', plural: 'Engagements', label: '{n})', numbering: 'objective' });
  // Parties: the printed list, without its leading article and final comma; the State's ministers as representative.
  assert.equal(seed.parties.length, 12);
  assert.equal(c.parties.length, 12);
  seed.parties.forEach((printed, i) => {
    const [name, representative] = printed.replace(/,$/, '').replace(/^(L’|Le |La )/, '').split(' via ');
    assert.deepEqual(c.parties[i], { name, role: 'signataire', ...(representative ? { representative } : {}) }, printed);
  });
  assert.equal(c.parties[0]!.representative?.startsWith('la ministre du Travail'), true);
});

test('the preamble is the source, with its 9 footnotes at their place', () => {
  const text = body('sections', 'preambule');
  const definitions = [...text.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => ({ number: m[1]!, text: m[2]! }));
  assert.equal(seed.footnotes.length, 9);
  assert.deepEqual(definitions, seed.footnotes);
  const prose = text.replace(/^\[\^\d+\]: .*$/gm, '');
  assert.equal(tight(flat(prose)), tight(seed.preamble));
  for (const f of seed.footnotes) assert.equal(prose.split(`[^${f.number}]`).length, 2, `un seul appel de note ${f.number}`);
});

test('visas, considérants, signatories and signature page are the source, item by item', () => {
  assert.equal(seed.visas.length, 12);
  assert.deepEqual(items(body('sections', 'visas')), seed.visas);
  assert.equal(seed.considerants.length, 9);
  assert.deepEqual(items(body('sections', 'considerants')), seed.considerants);
  assert.deepEqual(items(body('sections', 'signataires')), seed.parties);
  const signatures = seed.signatures.filter((s) => !/^(Fait à|le …)/.test(s));
  assert.equal(signatures.length, 14);
  assert.deepEqual(items(body('sections', 'signatures')), signatures);
  assert.ok(body('sections', 'signatures').includes(`${seed.signatures[0]} ${seed.signatures.find((s) => s.startsWith('le …'))}`));
  const kinds = Object.fromEntries(of(entries.sections).map((s) => [local(s.id), s.data.kind]));
  assert.deepEqual(kinds, { preambule: 'preambule', visas: 'visas', considerants: 'considerants', signataires: 'signataires', signatures: 'signataires' });
});
