/**
 * The publisher's settings (src/config.ts): checked at build, with errors that say what to write.
 * The cases start from the fixture site's settings (tests/fixtures/site/config.ts), a published
 * site's, so that they hold whatever src/config.ts holds (a starter site's draft included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSite, placeholders, CONFORMITY } from '../../src/model/site.ts';
import { site as shipped } from '../../src/config.ts';
import { site } from '../fixtures/site/config.ts';
import { ContentError, formatProblem, type Problem } from '../../src/model/problems.ts';
import { DEFAULT_LICENCE, LICENCES } from '../../src/model/licences.ts';

function problems(input: unknown): Problem[] {
  try {
    parseSite(input);
  } catch (e) {
    assert.ok(e instanceof ContentError);
    return e.problems;
  }
  assert.fail('les réglages auraient dû être refusés');
}
const withAccessibility = (a: object) => ({ ...site, accessibility: { ...site.accessibility, ...a } });

test('the shipped settings and the fixture site’s are valid', () => {
  for (const settings of [shipped, site]) {
    assert.equal(parseSite(settings).name, settings.name);
    assert.ok(Object.keys(CONFORMITY).includes(settings.accessibility.conformity));
  }
});

test('an unknown conformity level names the field, the value and the allowed ones', () => {
  const [p] = problems(withAccessibility({ conformity: 'presque' }));
  assert.deepEqual(
    [p?.file, p?.field, p?.value, p?.allowed],
    ['src/config.ts', 'accessibility.conformity', 'presque', 'non, partiellement, totalement'],
  );
});

test('the level must follow from the audit: no audit means "non", 100 % "totalement", 50 % "partiellement"', () => {
  assert.match(problems(withAccessibility({ conformity: 'totalement' }))[0]!.message, /sans audit.*« non »/);
  assert.match(
    problems(withAccessibility({ conformity: 'totalement', auditDate: '2026-10', rate: 82 }))[0]!.message,
    /82 %.*« partiellement »/,
  );
  assert.equal(parseSite(withAccessibility({ conformity: 'partiellement', auditDate: '2026-10', rate: 82 })).accessibility.rate, 82);
  assert.equal(
    parseSite(withAccessibility({ conformity: 'totalement', auditDate: '2026-10', rate: 100 })).accessibility.conformity,
    'totalement',
  );
  assert.equal(parseSite(withAccessibility({ conformity: 'non', auditDate: '2026-10', rate: 30 })).accessibility.conformity, 'non');
});

test('the declaration needs a way to contact the publisher', () => {
  const [p] = problems(withAccessibility({ contact: {} }));
  assert.equal(p?.field, 'accessibility.contact');
  assert.match(p.message, /moyen de contact/);
});

test('a missing or misspelt field is reported, not ignored', () => {
  assert.deepEqual(
    problems({ ...site, legal: undefined }).map((p) => p.field),
    ['legal'],
  );
  assert.deepEqual(
    problems({ ...site, organization: 'x' }).map((p) => p.field),
    ['organization'],
  );
});

test('the licence of the open data: Licence Ouverte 2.0 when not set, one of the closed list otherwise', () => {
  const { licence, ...withoutLicence } = site;
  assert.equal(licence, 'etalab-2.0');
  assert.equal(parseSite(withoutLicence).licence, DEFAULT_LICENCE);
  assert.equal(DEFAULT_LICENCE, 'etalab-2.0');
  for (const key of Object.keys(LICENCES)) assert.equal(parseSite({ ...site, licence: key }).licence, key);
  for (const { path } of Object.values(LICENCES)) assert.match(path, /^https:\/\//);
});

test('a licence outside the list is refused in French, with the licences allowed', () => {
  const [p, ...others] = problems({ ...site, licence: 'CC-BY-SA-4.0' });
  assert.deepEqual(others, []);
  assert.deepEqual(
    [p?.file, p?.field, p?.value, p?.message, p?.allowed],
    ['src/config.ts', 'licence', 'CC-BY-SA-4.0', 'valeur non autorisée', 'etalab-2.0, ODbL-1.0, CC-BY-4.0, CC0-1.0'],
  );
  assert.match(
    formatProblem(p!),
    /champ « licence » : valeur non autorisée\n {2}valeur trouvée : « CC-BY-SA-4\.0 »\n {2}valeurs permises : etalab-2\.0, ODbL-1\.0/,
  );
});

test('a value still holding a placeholder stops the build, every such field listed, in French', () => {
  const unfinished = {
    ...site,
    organisation: 'Organisme éditeur (à renseigner dans src/config.ts)',
    legal: { ...site.legal, director: 'Directeur (à renseigner)' },
    accessibility: { ...site.accessibility, contact: { email: 'adresse-a-renseigner@example.org' } },
  };
  const found = problems(unfinished);
  assert.deepEqual(found.map((p) => p.field).sort(), ['accessibility.contact.email', 'legal.director', 'organisation']);
  assert.match(formatProblem(found[0]!), /src\/config\.ts.*\n.*valeur à remplacer avant de publier/);
  assert.match(found[0]!.allowed!, /draft: true/);
});

test('a draft build accepts the placeholders, and says it is a draft', () => {
  const draft = parseSite({ ...site, draft: true, organisation: 'Organisme éditeur (à renseigner)' });
  assert.equal(draft.draft, true);
  assert.equal(parseSite(site).draft, false);
});

test('published settings hold no placeholder (a draft may)', () => {
  assert.deepEqual(placeholders(site), []);
  if (!shipped.draft) assert.deepEqual(placeholders(shipped), []);
});

test('the pages of an audit sample need the audit’s date; none is fine without an audit', () => {
  const [p] = problems(withAccessibility({ pagesAudited: ['Accueil'] }));
  assert.equal(p?.field, 'accessibility.pagesAudited');
  assert.match(p.message, /sans date d’audit/);
  assert.deepEqual(parseSite(withAccessibility({ pagesAudited: undefined })).accessibility.pagesAudited, []);
  assert.deepEqual(parseSite(withAccessibility({ pagesAudited: ['Accueil'], auditDate: '2026-10', rate: 30 })).accessibility.pagesAudited, [
    'Accueil',
  ]);
});

test('a demonstration may give a note instead of a way to contact', () => {
  assert.ok(parseSite(withAccessibility({ contact: { note: 'Démonstration sans service de contact.' } })).accessibility.contact.note);
});
