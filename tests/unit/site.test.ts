/**
 * The publisher's settings (src/config.ts): checked at build, with errors that say what to write.
 * The cases start from the fixture site's settings (tests/fixtures/site/config.ts), a published
 * site's, so that they hold whatever src/config.ts holds (a starter site's draft included).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSite, placeholders, CONFORMITY } from '../../src/model/site.ts';
import { site as shipped } from '../../src/config.ts';
import { root, settings as site } from '../fixtures/site/config.ts';
import { ContentError, formatProblem, type Problem } from '../../src/model/problems.ts';
import { DEFAULT_LICENCE, LICENCES } from '../../src/model/licences.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.ts';

function problems(input: unknown): Problem[] {
  try {
    parseSite(input, undefined, root);
  } catch (e) {
    assert.ok(e instanceof ContentError);
    return e.problems;
  }
  assert.fail('les réglages auraient dû être refusés');
}
const withAccessibility = (a: object) => ({ ...site, accessibility: { ...site.accessibility, ...a } });

test('the shipped settings and the fixture site’s are valid', () => {
  for (const settings of [shipped, site]) {
    assert.equal(parseSite(settings, undefined, root).name, settings.name);
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
  assert.equal(
    parseSite(withAccessibility({ conformity: 'partiellement', auditDate: '2026-10', rate: 82 }), undefined, root).accessibility.rate,
    82,
  );
  assert.equal(
    parseSite(withAccessibility({ conformity: 'totalement', auditDate: '2026-10', rate: 100 }), undefined, root).accessibility.conformity,
    'totalement',
  );
  assert.equal(
    parseSite(withAccessibility({ conformity: 'non', auditDate: '2026-10', rate: 30 }), undefined, root).accessibility.conformity,
    'non',
  );
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
  assert.equal(parseSite(withoutLicence, undefined, root).licence, DEFAULT_LICENCE);
  assert.equal(DEFAULT_LICENCE, 'etalab-2.0');
  for (const key of Object.keys(LICENCES)) assert.equal(parseSite({ ...site, licence: key }, undefined, root).licence, key);
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
  const draft = parseSite({ ...site, draft: true, organisation: 'Organisme éditeur (à renseigner)' }, undefined, root);
  assert.equal(draft.draft, true);
  assert.equal(parseSite(site, undefined, root).draft, false);
});

test('published settings hold no placeholder (a draft may)', () => {
  assert.deepEqual(placeholders(site), []);
  if (!shipped.draft) assert.deepEqual(placeholders(shipped), []);
});

test('the pages of an audit sample need the audit’s date; none is fine without an audit', () => {
  const [p] = problems(withAccessibility({ pagesAudited: ['Accueil'] }));
  assert.equal(p?.field, 'accessibility.pagesAudited');
  assert.match(p.message, /sans date d’audit/);
  assert.deepEqual(parseSite(withAccessibility({ pagesAudited: undefined }), undefined, root).accessibility.pagesAudited, []);
  assert.deepEqual(
    parseSite(withAccessibility({ pagesAudited: ['Accueil'], auditDate: '2026-10', rate: 30 }), undefined, root).accessibility.pagesAudited,
    ['Accueil'],
  );
});

test('a demonstration may give a note instead of a way to contact', () => {
  assert.ok(
    parseSite(withAccessibility({ contact: { note: 'Démonstration sans service de contact.' } }), undefined, root).accessibility.contact
      .note,
  );
});

const withIdentity = (identity: object) => ({ ...site, identity: { ...site.identity, ...identity } });

test('the publisher’s name, logo and accent are read; the logo’s size comes from its file', () => {
  const read = parseSite(site, undefined, root);
  assert.equal(read.identity.name, site.identity.name);
  assert.ok(read.identity.logo!.width > 0 && read.identity.logo!.height > 0);
  const { name, logo, accent } = parseSite({ ...site, identity: { name: site.identity.name } }, undefined, root).identity;
  assert.deepEqual([name, logo, accent], [site.identity.name, undefined, undefined]);
});

test('a low-contrast accent colour is refused in French, with where it fails and the nearest one that passes', () => {
  const [p] = problems(withIdentity({ accent: { light: '#8ab4f8', dark: site.identity.accent.dark } }));
  assert.equal(p?.field, 'identity.accent.light');
  assert.equal(p.value, '#8ab4f8');
  assert.match(p.message, /^la couleur d’accent du thème clair, #8ab4f8, manque de contraste sur le fond des pages \(2,1:1\)/);
  assert.match(p.message, /au moins 4,5:1, pour le texte des liens comme pour le contour qui montre le focus/);
  assert.match(p.message, /la plus proche de même teinte qui convient est #[0-9a-f]{6}$/);
  const [dark] = problems(withIdentity({ accent: { light: site.identity.accent.light, dark: '#1f3a93' } }));
  assert.equal(dark?.field, 'identity.accent.dark');
  assert.match(dark.message, /thème sombre/);
  const [format] = problems(withIdentity({ accent: { light: 'violet', dark: site.identity.accent.dark } }));
  assert.match(format!.message, /six chiffres hexadécimaux/);
});

test('a logo that is missing, not what its name says, scripted or outside public/ is refused, in French', () => {
  const dir = tempDir('logo-');
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'public/faux.png'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>');
  writeFileSync(
    join(dir, 'public/script.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script></svg>',
  );
  writeFileSync(join(dir, 'public/sans-taille.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>');
  writeFileSync(join(dir, 'public/bon.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="90" height="30"><rect/></svg>');
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(png);
  png.writeUInt32BE(200, 16);
  png.writeUInt32BE(80, 20);
  writeFileSync(join(dir, 'public/bon.png'), png);
  const refused = (file: string) => {
    try {
      parseSite(withIdentity({ logo: { file, alt: 'Logo' } }), undefined, dir);
    } catch (e) {
      assert.ok(e instanceof ContentError);
      assert.equal(e.problems[0]!.field, 'identity.logo.file');
      return e.problems[0]!.message;
    }
    assert.fail(`${file} aurait dû être refusé`);
  };
  assert.match(refused('absent.svg'), /aucun fichier public\/absent\.svg/);
  assert.match(refused('logo.gif'), /SVG ou PNG/);
  assert.match(refused('faux.png'), /n’est pas une image PNG/);
  assert.match(refused('script.svg'), /contient un script/);
  assert.match(refused('sans-taille.svg'), /viewBox/);
  assert.match(refused('../config.ts'), /dossier public\//);
  const size = (file: string) => parseSite(withIdentity({ logo: { file, alt: 'Logo' } }), undefined, dir).identity.logo;
  assert.deepEqual([size('bon.svg')?.width, size('bon.svg')?.height], [90, 30]);
  assert.deepEqual([size('bon.png')?.width, size('bon.png')?.height], [200, 80]);
});
