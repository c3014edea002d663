/**
 * The Ministry of Justice circular DAGE 2004-21 in content/ says what the source says: its three
 * parts with the audience each one names, their chapters and numbered sub-parts, every paragraph
 * of the text in the section bodies, and 13 procedures whose steps, delays and documents are
 * copied verbatim from the source. The source is read by tests/content/seeds/justice-seed.ts,
 * independently of the content files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readContentFile } from '../frontmatter.ts';
import { readContent } from '../../src/model/read.ts';
import { validateAll } from '../../src/model/validate.ts';
import { fold as foldText } from '../../src/model/text.ts';
import { flatten, parseJusticeSeed } from './seeds/justice-seed.ts';
import { buildCatalogue } from '../../src/catalogue/catalogue.ts';

const CONVENTION = 'justice-circulaire-2004-21';
const { entries, problems } = validateAll(readContent(process.cwd()).files);
const seed = parseJusticeSeed();
const of = <T extends { data: { convention: string } }>(list: T[]) => list.filter((e) => e.data.convention === CONVENTION);
const name = (id: string) => id.slice(id.indexOf('/') + 1);
/** Compares headings that the source prints in capitals, often without accents. */
const fold = (s: string) => foldText(s).toUpperCase().replace(/\s+/g, ' ').trim();
/** The MDX body of a content file, as written. */
const raw = (folder: string, id: string) => readContentFile(join(process.cwd(), 'content', folder, `${id}.mdx`)).body;
/** The MDX body of a content file, as comparable text: Markdown markers dropped, whitespace collapsed. */
const body = (folder: string, id: string) =>
  readContentFile(join(process.cwd(), 'content', folder, `${id}.mdx`))
    .body.split('\n')
    .map((l) => l.replace(/^\s*(?:#+|>|-|\\-)\s*/, '').replace(/\*\*/g, '').replace(/^\\/, ''))
    .join('\n')
    .replace(/\s+/g, ' ');
const sections = of(entries.sections).sort((a, b) => a.data.order - b.data.order);
const section = (file: string) => sections.find((s) => name(s.id) === file);
const procedures = of(entries.procedures).sort((a, b) => a.data.order - b.data.order);
const procedure = (file: string) => {
  const p = procedures.find((e) => name(e.id) === file);
  assert.ok(p, `procédure ${file} absente`);
  return p.data;
};
const ROMAN = ['I', 'II'];

test('the content is valid', () => assert.deepEqual(problems, []));

test('the source has 3 parts, and the site has them with the audience each one names', () => {
  assert.deepEqual(seed.parts.map((p) => p.number), ['1', '2', '3']);
  assert.deepEqual(
    seed.parts.map((p) => p.audience),
    [
      'personnels gestionnaires',
      'chefs de service accueillant un agent handicapé',
      'chefs de service accueillant un agent handicapé et les agents handicapés eux-mêmes',
    ],
  );
  const parts = sections.filter((s) => s.data.kind === 'partie');
  assert.equal(parts.length, 3);
  for (const [i, p] of seed.parts.entries()) {
    const s = parts[i]!;
    assert.equal(name(s.id), `partie-${p.number}`);
    assert.equal(s.data.number, p.number);
    assert.equal(s.data.label, p.label);
    assert.equal(s.data.audience, p.audience, `public de la partie ${p.number}`);
    assert.equal(s.data.parent, undefined);
    const text = body('sections', s.id);
    for (const point of p.points) assert.ok(text.includes(flatten(point)), `partie ${p.number} : « ${point} »`);
  }
});

test('each part has its 2 chapters and each chapter its numbered sub-parts, with the printed titles', () => {
  let subParts = 0;
  for (const p of seed.parts) {
    assert.deepEqual(p.chapters.map((c) => c.number), ROMAN, `chapitres de la partie ${p.number}`);
    const chapters = sections.filter((s) => s.data.parent === `partie-${p.number}`);
    assert.deepEqual(chapters.map((c) => c.data.number), ROMAN);
    for (const [ci, c] of p.chapters.entries()) {
      const chapter = chapters[ci]!;
      assert.equal(name(chapter.id), `partie-${p.number}-chapitre-${ci + 1}`);
      assert.equal(chapter.data.kind, 'chapitre');
      assert.equal(fold(chapter.data.title), fold(c.title));
      const subs = sections.filter((s) => s.data.parent === name(chapter.id));
      assert.deepEqual(subs.map((s) => s.data.number), c.subParts.map((s) => s.number), `sous-parties de ${chapter.id}`);
      for (const [si, sp] of c.subParts.entries()) {
        const sub = subs[si]!;
        subParts++;
        assert.equal(sub.data.kind, 'chapitre');
        assert.equal(fold(sub.data.title), fold(sp.title), sub.id);
        const text = body('sections', sub.id);
        if (sp.reference) assert.ok(text.includes(`(${flatten(sp.reference)})`), `${sub.id} : renvoi « ${sp.reference} »`);
        for (const h of sp.subHeadings) assert.ok(text.includes(`${h}- `), `${sub.id} : sous-titre ${h}`);
      }
    }
  }
  assert.equal(subParts, 17);
  // The preamble, 3 parts, 6 chapters and 17 sub-parts.
  assert.equal(sections.length, 1 + 3 + 6 + 17);
  assert.equal(sections[0]!.data.kind, 'preambule');
});

test('the Mission handicap network is there: the three kinds of correspondents and the cellule', () => {
  const network = body('sections', `${CONVENTION}/partie-1-chapitre-1-1`);
  for (const h of ['1.1- Le correspondant handicap ministériel', '1.2- Les correspondants handicap des directions', '1.3- Les correspondants handicap régionaux']) {
    assert.ok(network.includes(h), h);
  }
  const cellule = body('sections', `${CONVENTION}/partie-1-chapitre-1-2`);
  for (const h of ['2.1- Composition et nomination', '2.2- Compétence et missions', "le conseiller technique de service social, coordonnateur national de l'administration centrale"]) {
    assert.ok(cellule.includes(h), h);
  }
});

test('every paragraph and list item of the source is in a section body, in order', () => {
  const all = sections.map((s) => body('sections', s.id)).join(' ');
  let from = 0;
  for (const paragraph of seed.paragraphs) {
    const at = all.indexOf(paragraph, from);
    assert.ok(at >= 0, `absent ou déplacé : « ${paragraph.slice(0, 90)}… »`);
    from = at + paragraph.length;
  }
  assert.ok(seed.paragraphs.length > 250);
});

test('the heading of the Bulletin officiel, the addressees and the annexes are in the introduction, without the page number', () => {
  const intro = body('conventions', CONVENTION);
  for (const line of seed.header) assert.ok(intro.includes(line), `« ${line} »`);
  const lines = raw('conventions', CONVENTION).split('\n').map((l) => l.trim());
  const notes = entries.conventions.find((e) => e.id === CONVENTION)!.data.sourceNotes!.join(' ');
  assert.ok(seed.pageNumbers.length > 0);
  for (const n of seed.pageNumbers) {
    assert.ok(!lines.includes(n), `le numéro de page « ${n} » est repris`);
    assert.ok(notes.includes(`« ${n} »`), `le numéro de page « ${n} » n’est pas signalé`);
  }
});

/**
 * The printed contents are not copied (the list of the document's parts links each one): each of
 * their entries names a part of the text, a heading or a numbered paragraph in it ("3.1- Le
 * transport d'agents…"), in the same order. The contents abbreviate some titles (their words are
 * found in order in the text's) and misprint "CHAPTRE".
 */
test('the printed contents are not repeated: each entry is a part or heading of the text, in order', () => {
  assert.doesNotMatch(raw('conventions', CONVENTION), /^#+\s*Sommaire/im);
  const headings = sections.flatMap((s) => [
    fold(s.data.kind === 'partie' ? `${s.data.number}${s.data.number === '1' ? 'ère' : 'ème'} partie` : s.data.title),
    ...raw('sections', s.id)
      .split('\n')
      .filter((l) => /^(?:#+ |\d+(?:\.\d+)*- )/.test(l))
      .map((l) => fold(l.replace(/^#*\s*(?:\d+(?:\.\d+)*\s*-\s*)?/, '').replace(/\*\*/g, ''))),
  ]);
  const words = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  /** The entry's words, in order, among the heading's. */
  const names = (heading: string, entry: string) => {
    let i = 0;
    for (const word of words(heading)) if (word === words(entry)[i]) i++;
    return i === words(entry).length;
  };
  let from = 0;
  for (const entry of seed.contents.filter((e) => e !== 'ANNEXES')) {
    const wanted = fold(entry.replace(/^CHAPI?T?RE [IVX]+ : /, ''));
    const at = headings.findIndex((h, i) => i >= from && names(h, wanted));
    assert.ok(at >= 0, `entrée du sommaire sans partie ni titre correspondant, ou déplacée : « ${entry} »`);
    from = at + 1;
  }
  assert.ok(seed.contents.length > 50);
});

test('the circular is described as printed: reference, date, issuer and addressees, no statuses', () => {
  const c = entries.conventions.find((e) => e.id === CONVENTION)!.data;
  assert.equal(c.kind, 'circulaire');
  assert.equal(c.shortTitle, 'Circulaire Justice DAGE 2004-21');
  assert.equal(c.reference, `NOR ${seed.nor}`);
  assert.equal(seed.date.month, 'décembre');
  assert.equal(c.dates.signed, `${seed.date.year}-12-${seed.date.day.padStart(2, '0')}`);
  assert.deepEqual(c.parties[0], { name: 'Ministère de la Justice', role: 'emetteur', representative: seed.signatory });
  assert.deepEqual(c.parties.slice(1).map((p) => p.name), seed.addressees);
  assert.equal(seed.addressees.length, 5);
  assert.equal(c.statusScale, undefined);
  assert.equal(of(entries.axes).length + of(entries.objectives).length + of(entries.actions).length, 0);
  assert.equal(seed.contentsMisprint, true);
  assert.match(c.sourceNotes!.join(' '), /CHAPTRE II/);
});

test('13 procedures, whose steps, delays and documents are copied verbatim from the source', () => {
  assert.equal(procedures.length, 13);
  assert.deepEqual(procedures.map((p) => p.data.order), procedures.map((_, i) => i + 1));
  for (const p of procedures) {
    const where = p.id;
    assert.ok(p.data.steps.length >= 1, where);
    // A step and each of its « ou » possibilities or « et » parts (issue 23) carry their text as printed.
    const leaves = p.data.steps.flatMap((step, i) =>
      [step, ...(step.alternatives ?? []), ...(step.together ?? [])].map((s, j) => ({ s, at: j === 0 ? `étape ${i + 1}` : `étape ${i + 1}.${j}` })),
    );
    for (const { s: step, at } of leaves) {
      assert.ok(step.text, `${where} ${at} : texte manquant`);
      assert.ok(seed.flat.includes(flatten(step.text)), `${where} ${at} : « ${step.text.slice(0, 80)}… » n'est pas dans la source`);
      if (step.when) assert.ok(seed.flat.toLowerCase().includes(step.when.toLowerCase()), `${where} ${at} : « ${step.when} »`);
    }
    for (const d of p.data.documents ?? []) assert.ok(seed.flat.includes(d), `${where} : pièce « ${d} »`);
    for (const r of p.data.legalReferences ?? []) {
      const printed = r.replace(/ de l'annexe 2 \(non reproduite dans la source\)$/, '');
      assert.ok(seed.flat.toLowerCase().includes(printed.toLowerCase()), `${where} : référence « ${r} »`);
    }
    // Every procedure belongs to a part, and speaks to that part's audience.
    const part = p.data.section!.match(/^partie-(\d)/)![1]!;
    assert.deepEqual(p.data.audience, [seed.parts[Number(part) - 1]!.audience], where);
  }
});

test('recruitment by competition keeps the 6 % rule and its worked example', () => {
  const p = procedure('recrutement-par-concours');
  assert.equal(p.section, 'partie-1-chapitre-2-1');
  assert.ok(p.steps.some((s) => s.text!.includes('6 % des postes proposés au concours sont réservés')));
  const text = body('procedures', `${CONVENTION}/recrutement-par-concours`);
  const { posts, corps, reserved, complementFrom } = seed.example;
  assert.deepEqual([posts, corps, reserved, complementFrom], ['300', 'greffiers', '18', '283e']);
  assert.ok(text.includes(`sur les ${posts} postes ouverts au concours de ${corps}, ${reserved} de ces postes`));
  assert.ok(text.includes(`à partir de la ${complementFrom} place`));
});

test('recruitment by contract lists the 9 pieces of the application file and its legal bases', () => {
  const p = procedure('recrutement-contractuel');
  assert.equal(seed.applicationFile.length, 9);
  assert.deepEqual(p.documents, seed.applicationFile);
  assert.ok(p.legalReferences!.some((r) => r.includes('décret n° 95-979')));
  assert.ok(p.legalReferences!.some((r) => r.includes('loi n° 87-517 du 10 juillet 1987')));
  for (const words of ['conditions ci-dessous', 'publicité particulière', 'Les critères pris en compte', 'commission de sélection', 'deux visites médicales']) {
    assert.ok(p.steps.some((s) => s.text!.includes(words)), words);
  }
});

test('the contract is followed by an interim report three months after taking up the post', () => {
  const p = procedure('contrat-et-suivi');
  const report = p.steps.find((s) => s.when === 'Trois mois après la prise de fonctions');
  assert.ok(report && report.text!.includes("rapport d'étape"));
});

test('"titularisation" is its own procedure: report after nine months, commission, the three outcomes at the CAP', () => {
  const titled = procedures.filter((e) => /titularisation/i.test(e.data.title));
  assert.deepEqual(titled.map((e) => name(e.id)), ['titularisation']);
  const p = procedure('titularisation');
  assert.equal(p.section, 'partie-1-chapitre-2-3');
  assert.ok(p.steps.some((s) => s.when === 'Après neuf mois de présence' && s.text!.includes("rapport d'évaluation")));
  assert.equal(seed.outcomes.length, 3);
  // The three outcomes are the « ou » possibilities of one step, as the source prints them
  // (« 3.3- Le passage en CAP », « Hypothèse 1 » to « 3 »); the preparation « s'il le souhaite » is optional.
  const atCap = p.steps.find((s) => s.title === 'Passage en CAP');
  assert.deepEqual(
    atCap?.alternatives?.map((s) => s.title),
    seed.outcomes,
  );
  assert.ok(seed.flat.includes(flatten('3.3- Le passage en CAP')));
  assert.equal(p.steps.find((s) => s.title.includes("s'il le souhaite"))?.optional, true);
  assert.ok(seed.flat.includes(flatten("S'il le souhaite, l'agent handicapé peut suivre")));
  const text = body('procedures', `${CONVENTION}/titularisation`);
  assert.ok(text.includes("pour l'administration centrale"));
  assert.ok(text.includes('Au plan local, la commission est composée de'));
  assert.ok(text.includes('le Chef du Bureau des Personnels'));
});

test('"aménagement de poste" is its own procedure: who may ask, the actors, the file, the follow-up', () => {
  const titled = procedures.filter((e) => e.data.title.toLowerCase().includes('aménagement de poste'));
  assert.deepEqual(titled.map((e) => name(e.id)), ['amenagement-de-poste']);
  const p = procedure('amenagement-de-poste');
  assert.equal(p.section, 'partie-2-chapitre-2-1');
  assert.equal(seed.adaptationFile.length, 6);
  assert.deepEqual(p.documents, seed.adaptationFile);
  assert.equal(seed.adaptationActors.length, 5);
  assert.deepEqual(
    p.actors!.slice(0, 5).map((a) => `${a.name} qui ${a.role}`),
    seed.adaptationActors.map((a) => a.replace(', qui ', ' qui ').replace(/\.$/, '')),
  );
  assert.ok(p.steps[0]!.text!.startsWith("La demande d'aménagement de poste peut être faite"));
  assert.ok(p.steps.some((s) => s.when === 'Une fois les aménagements définis'));
});

test('the source\'s slips are said, not hidden', () => {
  assert.match(section('partie-3-chapitre-1-2')!.data.sourceNotes!.join(' '), /3\.1- Principes/);
  assert.match(section('partie-1')!.data.sourceNotes!.join(' '), /La recrutement/);
  const reclassement = seed.parts[2]!.chapters[0]!.subParts[1]!;
  assert.deepEqual(reclassement.subHeadings, ['3.1', '3.2'], 'la source numérote 3.1 et 3.2 sous le point 2');
});

test('the glossary entries a procedure step names say they are part of it (issue 23)', () => {
  const catalogue = buildCatalogue(entries);
  const partOf = (id: string) => catalogue.glossary.find((g) => g.id === id)!.partOf.map((s) => `${name(s.procedure.id)} ${s.number} ${s.data.title}`);
  assert.deepEqual(partOf('cap'), ['titularisation 8 Passage en CAP']);
  assert.deepEqual(partOf('detachement'), ['reclassement 4 Reclasser par la voie du détachement']);
  assert.deepEqual(partOf('reclassement'), ['reclassement 3 Prendre la décision de reclassement']);
  // The reclassement's two ways, as the source lists them after « lorsque cette adaptation n'est pas possible ».
  const ways = procedure('reclassement').steps.find((s) => s.alternatives)!;
  assert.ok(seed.flat.includes(flatten(ways.text!)));
  assert.deepEqual(
    ways.alternatives!.map((s) => s.title),
    ["Reclasser dans un emploi d'un autre corps", 'Affecter dans un autre emploi du grade'],
  );
});
