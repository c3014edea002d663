/**
 * Safe bodies (issue 12): a body may hold Markdown and formatting HTML, nothing that runs code or
 * loads from elsewhere. Each refused construct is one case below (they are also the check's
 * self-test: each shows that it can fail), with the file, the line in the file and the French
 * message the référent reads; allowed Markdown and HTML pass.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { checkBody, needsMdx } from '../../src/model/body.ts';
import { validFiles } from './fixtures.ts';

const ACTION = 'content/actions/essai/action-1.mdx';
/** The body starts on this line of the file, as if the front matter took the 13 lines above. */
const FIRST = 14;

/** The valid fixture with one body on action 1. */
const withBody = (body: string): RawFile[] => validFiles().map((f) => (f.file === ACTION ? { ...f, body, bodyLine: FIRST } : f));
/** The report's blocks for one body, as printed. */
const report = (body: string) => validateAll(withBody(body)).problems.map(formatProblem);

/** One refused body: exactly one problem, at `line` of the file, whose message matches. */
function refused(body: string, line: number, message: RegExp, allowed?: RegExp) {
  const blocks = report(body);
  assert.equal(blocks.length, 1, `${body}\n${blocks.join('\n')}`);
  const [head, field, ...rest] = blocks[0]!.split('\n');
  assert.equal(head, `✗ ${ACTION}, ligne ${line}`, body);
  assert.match(field!, /^  champ « \(corps du texte\) » : /);
  assert.match(field!, message, body);
  if (allowed) assert.match(rest.join('\n'), allowed, body);
  return blocks[0]!;
}

test('<script> is refused with its line, the element found and what to write instead', () => {
  assert.equal(
    refused('Un premier paragraphe.\n\n<script>alert(document.cookie)</script>\n', FIRST + 2, /balise <script> refusée/),
    [
      `✗ ${ACTION}, ligne ${FIRST + 2}`,
      '  champ « (corps du texte) » : balise <script> refusée : elle exécuterait du code dans le navigateur de chaque lecteur',
      '  valeur trouvée : « <script> »',
      '  valeurs permises : du texte ; pour montrer du code sans l’exécuter, entourez-le d’accents graves : `…`',
    ].join('\n'),
  );
});

test('an event handler attribute is refused', () => {
  const block = refused(
    'Titre\n\nUn <span onclick="alert(1)">mot</span> piégé.',
    FIRST + 2,
    /attribut onclick refusé : il exécuterait du code/,
  );
  assert.match(block, /valeur trouvée : « onclick="alert\(1\)" »/);
  refused('<img src="/images/logo.png" alt="" onError="alert(1)" />', FIRST, /attribut onError refusé/);
  // A tag over several lines: the attribute's own line.
  refused('Texte.\n\n<div\n  title="x"\n  onmouseover="alert(1)">\n\nmot\n\n</div>', FIRST + 4, /attribut onmouseover refusé/);
});

test('a javascript: link is refused, in HTML, in Markdown and behind a character reference', () => {
  refused(
    '<a href="javascript:alert(1)">lien</a>',
    FIRST,
    /adresse « javascript: » refusée : elle exécuterait du code .*\(attribut href\)/,
    /http:\/\/ ou https:\/\//,
  );
  // No < nor {: a plain Markdown body, rendered by the Markdown renderer.
  assert.ok(!needsMdx('Voir [le lien](javascript:alert(1)).'));
  refused('Texte.\n\nVoir [le lien](javascript:alert(1)).', FIRST + 2, /adresse « javascript: » refusée .*\(adresse du lien\)/);
  refused('[le lien][x]\n\n[x]: JavaScript:alert(1)', FIRST + 2, /adresse « javascript: » refusée/);
  refused('<a href="java\tscript&colon;alert(1)">lien</a>', FIRST, /adresse « javascript: » refusée/);
});

test('a data: source is refused, and so is a source outside the site', () => {
  refused('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="" />', FIRST, /adresse « data: » refusée : .* \(attribut src\)/);
  refused('![logo](data:image/png;base64,iVBORw0KGgo=)', FIRST, /adresse « data: » refusée .*\(adresse de l’image\)/);
  refused('<img src="https://exemple.fr/pixel.png" alt="" />', FIRST, /adresse extérieure au site refusée/, /chemin d’un fichier du site/);
  refused('![](//exemple.fr/pixel.png)', FIRST, /adresse extérieure au site refusée/);
  refused(
    '<img srcset="/a.png 1x, https://exemple.fr/b.png 2x" alt="" />',
    FIRST,
    /adresse extérieure au site refusée .*\(attribut srcset\)/,
  );
});

test('<iframe>, <object> and <embed> are refused with a link as the replacement', () => {
  refused(
    '<iframe src="https://exemple.fr/"></iframe>',
    FIRST,
    /balise <iframe> refusée : elle incorporerait une autre page/,
    /\[titre de la page\]\(https:\/\/…\)/,
  );
  refused('Texte.\n\n<object data="/x.swf"></object>', FIRST + 2, /balise <object> refusée/);
  refused('<embed src="/x.swf" />', FIRST, /balise <embed> refusée/);
});

test('other elements that load, style or send are refused; an unknown one lists the allowed ones', () => {
  refused('<style>{`p { color: red }`}</style>', FIRST, /balise <style> refusée/);
  refused('<base href="https://exemple.fr/" />', FIRST, /balise <base> refusée/);
  refused('<meta httpEquiv="refresh" content="0;url=https://exemple.fr/" />', FIRST, /balise <meta> refusée/);
  refused('<form action="https://exemple.fr/"><input name="mot" /></form>', FIRST, /balise <form> refusée : un formulaire enverrait/);
  refused('<svg><script>alert(1)</script></svg>', FIRST, /balise <svg> non permise/, /sup, table/);
});

test('import and export lines are refused', () => {
  refused('import Alerte from "../../src/x.js"\n\nTexte.', FIRST, /ligne import\/export refusée/, /majuscule \(Import, Export\)/);
  const block = refused('Texte.\n\nexport const titre = "x"\n', FIRST + 2, /ligne import\/export refusée/);
  assert.match(block, /valeur trouvée : « export const titre = "x" »/);
});

test('an MDX expression is refused, with the escape to write a brace', () => {
  const block = refused('Un total de\n{1 + 1}\nactions.', FIRST + 1, /expression entre accolades refusée/, /\\\{ et \\\}/);
  assert.match(block, /valeur trouvée : « \{1 \+ 1\} »/);
  refused('Écrit : {globalThis.process.exit(1)}.', FIRST, /expression entre accolades refusée/);
});

test('an expression in an attribute is refused, as a value or spread', () => {
  refused('<a href={"javascript:alert(1)"}>lien</a>', FIRST, /valeur entre accolades refusée pour l’attribut href/, /href="…"/);
  refused('<span {...{ onclick: "alert(1)" }}>mot</span>', FIRST, /attribut calculé \{…\} refusé/);
});

test('a component is refused: bodies are offered none', () => {
  refused('<Alerte niveau="haut">Texte</Alerte>', FIRST, /composant <Alerte> inconnu : aucun composant/);
});

test('style and Astro directives are refused as attributes', () => {
  refused('<span style="color: red">mot</span>', FIRST, /attribut style refusé/);
  refused('<div set:html="<b>x</b>" />', FIRST, /attribut set:html refusé/);
});

test('a passage in another language carries lang with a code of the closed list (RGAA 8.7)', () => {
  for (const body of [
    'la Charte ; <span lang="en">the Singapore statement on research integrity</span> (2010).',
    'Le label « <em lang="en">HR Excellence in Research</em> », la <q lang="la">nota bene</q>.',
  ]) {
    assert.deepEqual(report(body), [], body);
    assert.deepEqual(checkBody(ACTION, body, FIRST, 'markdown'), [], body);
  }
  const block = refused(
    'Texte.\n\nLe <span lang="anglais">label</span>.',
    FIRST + 2,
    /langue « anglais » inconnue \(attribut lang\)/,
    /lang="en" et les autres codes de la liste : en \(anglais\), de \(allemand\)/,
  );
  assert.match(block, /valeur trouvée : « lang="anglais" »/);
  refused('Le <span lang="EN">label</span>.', FIRST, /langue « EN » inconnue/);
  refused('Le <span lang="">label</span>.', FIRST, /attribut lang sans langue/);
  refused('Le <span lang>label</span>.', FIRST, /attribut lang sans langue/);
  // In a Markdown body's raw HTML too.
  assert.deepEqual(
    checkBody(ACTION, 'Texte.\n\n<p lang="xx">mot</p>', FIRST, 'markdown').map((p) => [p.line, p.message]),
    [[FIRST + 2, 'langue « xx » inconnue (attribut lang) : le code d’une langue de la liste, en minuscules']],
  );
});

test('every problem in a body is reported, each at its own line', () => {
  const problems = validateAll(withBody('<script>a</script>\n\nTexte {b}.\n\n<iframe src="/x" />')).problems;
  assert.deepEqual(
    problems.map((p) => p.line),
    [FIRST, FIRST + 2, FIRST + 4],
  );
});

test('allowed Markdown, formatting HTML and safe links pass', () => {
  const bodies = [
    '## Titre\n\nTexte **gras**, *italique*, `code` et [un lien](https://exemple.fr/page?a=1#b).\n\n- un\n- deux\n\n1. trois',
    '| a | b |\n| - | - |\n| 1 | 2 |\n\nUne note[^1].\n\n[^1]: La note, [courriel](mailto:rh@exemple.fr), [tél.](tel:+33100000000).',
    'Le 7<sup>ème</sup> programme, l’<abbr title="Institut national">Inserm</abbr>, H<sub>2</sub>O.',
    '<a href="https://exemple.fr/" title="Site">lien</a>, <a href="/guide/">guide</a>, <a href="#haut">haut</a>, <a href="annexe/">annexe</a>.',
    '<img src="/images/schema.png" alt="Schéma" />\n\n![Schéma](./schema.png)',
    '<details>\n<summary>Détails</summary>\n\nTexte caché.\n\n</details>',
    '<table><caption>Effectifs</caption><tbody><tr><th scope="row">2024</th><td>12</td></tr></tbody></table>',
    'Une accolade écrite \\{ ainsi \\} et un signe \\< inférieur.',
    'Texte.\n\n{/* Note pour les référents : à revoir au bilan 2026. */}',
    'Import et export de données : deux lignes qui commencent par une majuscule.',
    'Voir https://exemple.fr et www.exemple.fr.',
    'Une liste :\n\n- premier point\n    - point imbriqué\n    - autre point',
  ];
  for (const body of bodies) assert.deepEqual(report(body), [], body);
});

test('raw HTML in a plain Markdown body is checked too', () => {
  // The loader sends any body with < to MDX; the check still reads a Markdown body's HTML.
  const markdown = (body: string) => checkBody(ACTION, body, FIRST, 'markdown');
  assert.deepEqual(
    markdown('Texte.\n\n<div>\n<img src="/a.png" alt="" onerror="alert(1)">\n</div>').map((p) => [p.line, p.message]),
    [[FIRST + 3, 'attribut onerror refusé : il exécuterait du code quand le lecteur agit sur la page']],
  );
  assert.deepEqual(
    markdown('Un <script>alert(1)</script> en ligne et <iframe src="/x"></iframe>.').map((p) => p.message),
    [
      'balise <script> refusée : elle exécuterait du code dans le navigateur de chaque lecteur',
      'balise <iframe> refusée : elle incorporerait une autre page ou un programme dans la page',
    ],
  );
  assert.match(markdown('<a href="&#106;avascript:alert(1)">x</a>')[0]!.message, /adresse « javascript: » refusée/);
  assert.deepEqual(markdown('Un <sup>e</sup> et <a href="https://exemple.fr/">lien</a>.\n\n<!-- note -->'), []);
  // A tag left open at the end of its block would swallow what follows it in the page.
  assert.deepEqual(
    markdown('Texte.\n\n<div\ntitle="x"\n\n<p>Suite.</p>').map((p) => [p.line, p.message]),
    [[FIRST + 2, 'balise HTML inachevée : sa fin (>) manque, elle avalerait le texte qui suit']],
  );
});

test('a body that MDX cannot read is reported at its line, with the escapes to use', () => {
  // An HTML comment is not MDX: the parser stops there (the build would stop too).
  const blocks = report('Premier paragraphe.\n\n<!-- une note -->');
  assert.equal(blocks.length, 1, blocks.join('\n'));
  assert.match(
    blocks[0]!,
    new RegExp(`^✗ ${ACTION}, ligne ${FIRST + 2}\\n  champ « \\(corps du texte\\) » : texte illisible en MDX : Unexpected`),
  );
  assert.match(blocks[0]!, /\\< et \\\{/);
});

test('ping and attributionsrc are refused whatever their address: the browser would send a request of its own', () => {
  const block = refused(
    'Voir <a href="https://exemple.fr/" ping="https://suivi.exemple/clic">le site</a>.',
    FIRST,
    /attribut ping refusé : à chaque clic sur le lien, le navigateur du lecteur enverrait de lui-même une requête à cette adresse ; un autre serveur saurait ainsi qui lit la page/,
    /retirez l’attribut ; le lien lui-même reste, écrit \[texte du lien\]\(https:\/\/…\)/,
  );
  assert.match(block, /valeur trouvée : « ping="https:\/\/suivi\.exemple\/clic" »/);
  // An address on the site, or none, serves no purpose either; in a Markdown body's HTML too.
  refused('<a href="/guide/" ping="/compteur">guide</a>', FIRST, /attribut ping refusé/);
  refused('<a href="https://exemple.fr/" attributionsrc>lien</a>', FIRST, /attribut attributionsrc refusé : .*mesure publicitaire/);
  refused('<img src="/a.png" alt="" attributionSrc="https://pub.exemple/" />', FIRST, /attribut attributionSrc refusé/);
  assert.deepEqual(
    checkBody(ACTION, 'Texte.\n\n<a href="https://exemple.fr/" ping="https://suivi.exemple/">lien</a>', FIRST, 'markdown').map(
      (p) => p.line,
    ),
    [FIRST + 2],
  );
  // The link itself still passes.
  assert.deepEqual(report('Voir <a href="https://exemple.fr/">le site</a>.'), []);
});

test('an invisible character in a body is refused with its line, its code and where it is', () => {
  const block = refused(
    'Premier paragraphe.\n\nUn mot\u000Bcaché.',
    FIRST + 2,
    /caractère invisible interdit \(U\+000B, tabulation verticale\) après « Un mot »/,
  );
  assert.equal(
    block,
    [
      `✗ ${ACTION}, ligne ${FIRST + 2}`,
      '  champ « (corps du texte) » : caractère invisible interdit (U+000B, tabulation verticale) après « Un mot » ; retapez ce passage (un copier-coller depuis un PDF, une page web ou un tableur en apporte souvent)',
      '  valeur trouvée : « Un mot[U+000B]caché. »',
      '  valeurs permises : du texte sans caractère invisible de contrôle (tabulations et sauts de ligne permis)',
    ].join('\n'),
  );
  refused('Nul\u0000 ici.', FIRST, /\(U\+0000, caractère nul\) après « Nul »/);
  refused('Texte.\n\nFin de ligne\u0085', FIRST + 2, /\(U\+0085, /);
  refused('Une moitié \uDE00 d’emoji.', FIRST, /\(U\+DE00, moitié de caractère isolée/);
  refused(
    'Paiement de 100 €\u202E05 ici.',
    FIRST,
    /\(U\+202E, contrôle bidirectionnel : forçage droite-gauche\) après « Paiement de 100 € »/,
  );
  refused('Texte.\n\n\u2066isolé\u2069', FIRST + 2, /\(U\+2066, contrôle bidirectionnel : isolat gauche-droite\) au début du texte/);
  // In an MDX body and next to its other problems: each at its line, in the order of the lines.
  assert.deepEqual(
    validateAll(withBody('<span>a</span>\u202E\n\n<script>x</script>\n\nb\u0000')).problems.map((p) => [p.line, p.message.slice(0, 30)]),
    [
      [FIRST, 'caractère invisible interdit ('],
      [FIRST + 2, 'balise <script> refusée : elle'],
      [FIRST + 4, 'caractère invisible interdit ('],
    ],
  );
  // A long line: the value shows the passage around the character, not the line's start.
  const long = `${'mot '.repeat(40)}\u000B${' fin'.repeat(20)}`;
  assert.match(report(long)[0]!, /valeur trouvée : « …mot mot [^\n]*\[U\+000B\] fin fin[^\n]*… »/);
});

test('tabs, line breaks (LF or CRLF), non-breaking spaces and emoji are a body’s own', () => {
  for (const body of [
    'Un\u00A0mot ; un autre\u202F: « citation » 😀 👩🏽‍🦽.\r\n\r\nSuite\tavec une tabulation.\r\n',
    '| a\t| b |\n| - | - |\n| 1 | 2 |',
  ]) {
    assert.deepEqual(report(body), [], body);
    assert.deepEqual(checkBody(ACTION, body, FIRST, 'markdown'), [], body);
  }
  // A carriage return alone is not a line break.
  refused('Ligne\rsuite', FIRST, /\(U\+000D, retour chariot\)/);
});
