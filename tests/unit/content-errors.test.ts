/**
 * Bad input is refused with its own French message naming the file, the field, the value and what
 * is allowed. The messages are pinned here: a référent reads them, so they are part of the product.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAll } from '../../src/model/validate.ts';
import { formatProblem, formatReport } from '../../src/model/problems.ts';
import { validFiles, withChange } from './fixtures.ts';
import { trapCharacter } from '../../src/model/characters.ts';

const ACTION_1 = 'content/actions/essai/action-1.mdx';
const ACTION_2 = 'content/actions/essai/action-2.mdx';
const report = (files: ReturnType<typeof validFiles>) => validateAll(files).problems.map(formatProblem);

test('the valid fixture passes and yields every entry', () => {
  const { entries, problems } = validateAll(validFiles());
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, v.length])), {
    conventions: 1,
    axes: 1,
    objectives: 1,
    actions: 2,
    sections: 0,
    procedures: 0,
    glossary: 0,
    organisations: 0,
  });
});

test('an unknown status names the file, the field, the value and the scale', () => {
  assert.deepEqual(report(withChange(ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'FAIT' }] })), [
    [
      `✗ ${ACTION_1}, ligne 12`,
      "  champ « statuses.0.status » : statut inconnu de l'échelle de la convention « essai »",
      '  valeur trouvée : « FAIT »',
      '  valeurs permises : R (Objectif réalisé), NR (Objectif non réalisé)',
    ].join('\n'),
  ]);
});

test('a reference to a missing axis lists the axes that exist', () => {
  assert.deepEqual(report(withChange(ACTION_1, { axis: '9' })), [
    [
      `✗ ${ACTION_1}, ligne 3`,
      '  champ « axis » : aucun axe ne porte ce numéro dans la convention « essai »',
      '  valeur trouvée : « 9 »',
      '  valeurs permises : 1',
    ].join('\n'),
  ]);
});

test('a reference to a missing objective or convention is refused', () => {
  assert.match(
    report(withChange(ACTION_1, { objective: '4' })).join(),
    /champ « objective » : aucun objectif ne porte ce numéro dans l'axe 1\n.*« 4 »\n  valeurs permises : 1/,
  );
  assert.match(
    report(withChange(ACTION_1, { convention: 'autre' })).join(),
    /champ « convention » : aucune convention ne porte cet identifiant\n  valeur trouvée : « autre »\n  valeurs permises : essai/,
  );
});

test('a duplicate number within the convention is refused on the second file', () => {
  assert.deepEqual(report(withChange(ACTION_2, { number: '1' })), [
    [
      `✗ ${ACTION_2}, ligne 6`,
      `  champ « number » : numéro déjà utilisé par une autre action de la même convention (aussi dans ${ACTION_1})`,
      '  valeur trouvée : « 1 »',
      "  valeurs permises : un numéro unique, tel qu'imprimé dans la source",
    ].join('\n'),
  ]);
});

test('a missing title says the field is required', () => {
  assert.deepEqual(report(withChange(ACTION_1, { title: undefined })), [
    [`✗ ${ACTION_1}`, '  champ « title » : champ obligatoire manquant', '  valeurs permises : un texte'].join('\n'),
  ]);
});

test('an empty title, a bad kind, an unknown field and a bad date each get their own message', () => {
  assert.match(report(withChange(ACTION_1, { title: '  ' })).join(), /champ « title » : texte vide : ce champ doit être rempli/);
  assert.match(
    report(withChange(ACTION_1, { kind: 'tache' })).join(),
    /champ « kind » : valeur non autorisée\n  valeur trouvée : « tache »\n  valeurs permises : action, mesure/,
  );
  assert.match(report(withChange(ACTION_1, { statut: 'R' })).join(), /champ « statut » : champ inconnu \(faute de frappe \?\)/);
  assert.match(
    report(withChange('content/conventions/essai.mdx', { dates: { inForce: '16/11/2023' } })).join(),
    /champ « dates.inForce » : date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ .*\n  valeur trouvée : « 16\/11\/2023 »/,
  );
});

test('an unnumbered item must be declared a measure', () => {
  assert.match(report(withChange(ACTION_1, { number: undefined })).join(), /champ « number » : une action doit porter son numéro/);
  assert.deepEqual(report(withChange(ACTION_1, { number: undefined, kind: 'mesure' })), []);
});

test('a file name that cannot be a URL is refused', () => {
  const files = validFiles().map((f) =>
    f.file === ACTION_1 ? { ...f, file: 'content/actions/essai/Action 1.mdx', pathInCollection: 'essai/Action 1.mdx' } : f,
  );
  assert.match(report(files).join(), /champ « \(nom du fichier\) » : nom de fichier inutilisable dans une adresse web/);
});

test('the report counts the problems', () => {
  const { problems } = validateAll(
    withChange(ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'X' }], subItems: [{ letter: 'a', text: 'T', status: 'Y' }] }),
  );
  assert.equal(problems.length, 2);
  assert.match(formatReport(problems), /^Le contenu comporte 2 erreurs\./);
});

test("a convention's scale must use the shared statuses, each code once", () => {
  const CONVENTION = 'content/conventions/essai.mdx';
  const scale = (validFiles()[0]!.frontmatter as { statusScale: object[] }).statusScale;
  assert.match(
    report(withChange(CONVENTION, { statusScale: [{ code: 'F', legend: 'Fini', status: 'fini' }] })).join(),
    /champ « statusScale.0.status » : valeur non autorisée\n  valeur trouvée : « fini »\n  valeurs permises : realise, partiellement-realise, en-cours, non-realise/,
  );
  assert.match(
    report(withChange(CONVENTION, { statusScale: [...scale, { code: 'R', legend: 'Réalisé', status: 'realise' }] })).join(),
    /champ « statusScale » : code de statut défini plusieurs fois\n  valeur trouvée : « R »/,
  );
});

test('two axes with the same number in one convention are refused', () => {
  const files = validFiles();
  files.push({ ...files[1]!, file: 'content/axes/essai/axe-1-bis.mdx', pathInCollection: 'essai/axe-1-bis.mdx' });
  assert.match(
    report(files).join(),
    /axe-1-bis\.mdx, ligne 3\n  champ « number » : numéro déjà utilisé par un autre axe de la même convention/,
  );
});

const CONVENTION_FILE = 'content/conventions/essai.mdx';
const section = (name: string, frontmatter: Record<string, unknown>) => ({
  collection: 'sections' as const,
  file: `content/sections/essai/${name}.mdx`,
  pathInCollection: `essai/${name}.mdx`,
  frontmatter: { convention: 'essai', kind: 'article', title: 'Article', order: 1, ...frontmatter },
});
const procedure = (frontmatter: Record<string, unknown>) => ({
  collection: 'procedures' as const,
  file: 'content/procedures/essai/recrutement.mdx',
  pathInCollection: 'essai/recrutement.mdx',
  frontmatter: {
    convention: 'essai',
    title: 'Recrutement',
    summary: 'Recruter.',
    order: 1,
    steps: [{ title: 'Candidater' }],
    themes: ['recrutement-integration'],
    ...frontmatter,
  },
});

test('numbers restart per axis when the document says so', () => {
  const levels = (validFiles()[0]!.frontmatter as { levels: Record<string, object> }).levels;
  const byAxis = { levels: { ...levels, action: { ...levels.action, numbering: 'axis' } } };
  const files = [
    ...withChange(CONVENTION_FILE, byAxis),
    {
      collection: 'axes' as const,
      file: 'content/axes/essai/axe-2.mdx',
      pathInCollection: 'essai/axe-2.mdx',
      frontmatter: { convention: 'essai', number: '2', title: 'Maintien' },
    },
  ];
  const second = files.find((f) => f.file === ACTION_2)!;
  second.frontmatter = { ...(second.frontmatter as object), number: '1', axis: '2', objective: undefined };
  delete (second.frontmatter as Record<string, unknown>).objective;
  assert.deepEqual(report(files), [], 'action n°1 in axis 1 and in axis 2');
  const clash = withChange(CONVENTION_FILE, byAxis).map((f) =>
    f.file === ACTION_2 ? { ...f, frontmatter: { ...(f.frontmatter as object), number: '1' } } : f,
  );
  assert.match(report(clash).join(), /champ « number » : numéro déjà utilisé par une autre action du même axe/);
});

test('sections, procedures and cross-references must resolve', () => {
  const files = [
    ...withChange(ACTION_1, { seeAlso: ['9'] }),
    section('article-3', { parent: 'titre-1' }),
    procedure({ section: 'partie-2' }),
  ];
  const messages = report(files).join('\n');
  assert.match(messages, /champ « seeAlso.0 » : aucune action de la convention « essai » ne porte ce numéro\n  valeur trouvée : « 9 »/);
  assert.match(
    messages,
    /sections\/essai\/article-3\.mdx\n  champ « parent » : aucune section de la convention « essai » ne porte ce nom de fichier\n  valeur trouvée : « titre-1 »\n  valeurs permises : article-3/,
  );
  assert.match(messages, /procedures\/essai\/recrutement\.mdx\n  champ « section » : aucune section/);
});

test('a section or an axis may not take the name of a folder of its document', () => {
  for (const name of ['actions', 'procedures', 'imprimer', 'indicateurs']) {
    assert.deepEqual(report([...validFiles(), section(name, {})]), [
      [
        `✗ content/sections/essai/${name}.mdx`,
        '  champ « (nom du fichier) » : nom réservé à un dossier du document (ses actions, ses procédures, sa version à imprimer, ses bilans, ses indicateurs)',
        `  valeur trouvée : « ${name} »`,
        '  valeurs permises : un autre nom que actions, procedures, imprimer, bilans, indicateurs (par exemple article-3.mdx, preambule.mdx)',
      ].join('\n'),
    ]);
  }
  const axisNamedActions = validFiles().map((f) =>
    f.file === 'content/axes/essai/axe-1.mdx' ? { ...f, file: 'content/axes/essai/actions.mdx', pathInCollection: 'essai/actions.mdx' } : f,
  );
  assert.match(
    report(axisNamedActions).join(),
    /axes\/essai\/actions\.mdx\n  champ « \(nom du fichier\) » : nom réservé à un dossier du document.*\n  valeur trouvée : « actions »\n  valeurs permises : un autre nom que actions, procedures, imprimer, bilans, indicateurs \(par exemple section-1\.mdx, theme-3\.mdx\)/,
  );
});

test('an axis and a section of one document may not share a name, since their pages sit side by side', () => {
  assert.deepEqual(report([...validFiles(), section('axe-1', {})]), [
    [
      '✗ content/sections/essai/axe-1.mdx',
      "  champ « (nom du fichier) » : nom déjà pris par la page de content/axes/essai/axe-1.mdx : les axes et les sections d'un document ont leur page côte à côte",
      '  valeur trouvée : « axe-1 »',
      '  valeurs permises : un nom de fichier unique parmi les axes et les sections du document',
    ].join('\n'),
  ]);
  // A document's own page names are free in another document, and a section may be named like an axis word.
  assert.deepEqual(report([...validFiles(), section('axe-2', {})]), []);
});

test('a file in a sub-folder of its document, or a document named like a folder of the site, is refused', () => {
  const nested = validFiles().map((f) =>
    f.file === ACTION_1 ? { ...f, file: 'content/actions/essai/axe-1/action-1.mdx', pathInCollection: 'essai/axe-1/action-1.mdx' } : f,
  );
  assert.match(
    report(nested).join(),
    /actions\/essai\/axe-1\/action-1\.mdx\n  champ « \(nom du fichier\) » : fichier rangé dans un sous-dossier : sa page ne serait pas construite\n  valeur trouvée : « axe-1\/action-1 »\n  valeurs permises : un fichier placé directement dans le dossier « essai\/ »/,
  );
  const renamed = validFiles().map((f) =>
    f.collection === 'conventions' ? { ...f, file: 'content/conventions/glossaire.mdx', pathInCollection: 'glossaire.mdx' } : f,
  );
  assert.match(
    report(renamed).join(),
    /conventions\/glossaire\.mdx\n  champ « \(nom du fichier\) » : nom réservé à une rubrique du site\n  valeur trouvée : « glossaire »/,
  );
});

test('a procedure needs steps', () => {
  assert.match(
    report([...validFiles(), procedure({ steps: [] })]).join(),
    /champ « steps » : liste vide : au moins un élément est attendu/,
  );
});

test("a status needs a scale, and an entry must sit in its convention's folder", () => {
  const noScale = withChange(CONVENTION_FILE, { statusScale: undefined });
  assert.match(
    report(noScale).join(),
    /champ « statuses.0.status » : statut inconnu.*\n.*\n  valeurs permises : aucun : ce document n'a pas d'échelle de statuts/,
  );
  const misplaced = validFiles().map((f) =>
    f.file === ACTION_1 ? { ...f, file: 'content/actions/autre/action-1.mdx', pathInCollection: 'autre/action-1.mdx' } : f,
  );
  assert.match(report(misplaced).join(), /champ « convention » : le fichier doit être rangé dans un dossier « essai\/ »/);
});

test('a theme or an audience outside the closed lists is refused, with the allowed values', () => {
  const lines = report(withChange(ACTION_1, { themes: ['apprentis'], audience: [] })).join('\n');
  assert.match(
    lines,
    /champ « themes\.0 » : valeur non autorisée\n  valeur trouvée : « apprentis »\n  valeurs permises : recrutement-integration, apprentissage, /,
  );
  assert.match(lines, /champ « audience » : liste vide : au moins un élément est attendu/);
  assert.match(report(withChange(ACTION_1, { themes: undefined })).join('\n'), /champ « themes » : champ obligatoire manquant/);
});

test('review rounds: a status names a round of the document, once, in their order; a withdrawal comes after', () => {
  const CONVENTION = 'content/conventions/essai.mdx';
  const rounds = [
    { id: 'bilan-2024', label: 'Bilan 2024', date: '2024' },
    { id: 'bilan-2025', label: 'Bilan 2025', date: '2025' },
  ];
  const files = (change: Record<string, unknown>) =>
    withChange(ACTION_1, change).map((f) => (f.file === CONVENTION ? { ...f, frontmatter: { ...(f.frontmatter as object), rounds } } : f));
  assert.deepEqual(
    report(
      files({
        statuses: [
          { round: 'bilan-2024', status: 'NR' },
          { round: 'bilan-2025', status: 'R' },
        ],
      }),
    ),
    [],
  );
  assert.match(
    report(files({ statuses: [{ round: 'bilan-2030', status: 'R' }] })).join(),
    /champ « statuses.0.round » : bilan inconnu du document « essai »\n  valeur trouvée : « bilan-2030 »\n  valeurs permises : bilan-2024, bilan-2025/,
  );
  assert.match(
    report(
      files({
        statuses: [
          { round: 'bilan-2025', status: 'R' },
          { round: 'bilan-2024', status: 'R' },
        ],
      }),
    ).join(),
    /champ « statuses.1.round » : un statut par bilan, dans l’ordre des bilans du document/,
  );
  assert.match(
    report(files({ statuses: [{ round: 'bilan-2025', status: 'R' }], withdrawn: { round: 'bilan-2024' } })).join(),
    /champ « withdrawn.round » : l'action a encore un statut au bilan bilan-2025/,
  );
  assert.match(
    report(files({ withdrawn: { round: 'bilan-2025', mergedInto: '9' } })).join(),
    /champ « withdrawn.mergedInto » : aucune autre action du document « essai » ne porte ce numéro/,
  );
  const disordered = withChange(CONVENTION, { rounds: [...rounds].reverse() });
  assert.match(report(disordered).join(), /champ « rounds.1.date » : les bilans se suivent du plus ancien au plus récent/);
  assert.match(report(withChange(CONVENTION, { rounds: [{ id: 'b', label: 'B' }] })).join(), /bilan donne sa date \(date\) ou la période/);
});

test('dates: publication and updates are real days, updates in order after publication; replacements go both ways', () => {
  const CONVENTION = 'content/conventions/essai.mdx';
  assert.match(
    report(withChange(CONVENTION, { published: '2024-02-30' })).join(),
    /champ « published » : cette date n'existe pas dans le calendrier/,
  );
  assert.match(report(withChange(CONVENTION, { published: undefined })).join(), /champ « published »/);
  assert.match(
    report(withChange(CONVENTION, { updates: [{ date: '2023-01-01', note: 'Avant' }] })).join(),
    /champ « updates.0.date » : les mises à jour suivent la publication \(2024-01-15\)/,
  );
  assert.match(
    report(withChange(CONVENTION, { replacedBy: 'autre' })).join(),
    /champ « replacedBy » : aucun autre document ne porte cet identifiant/,
  );
});

test('an expression declared in another language must be written so in the document; its language comes from the closed list', () => {
  // "Action 2" is the title of the fixture's action 2: declared as written, it passes.
  assert.deepEqual(report(withChange(CONVENTION_FILE, { foreignPhrases: [{ text: 'Action 2', lang: 'en' }] })), []);
  // Another case, or a word that is not there: nothing would be marked.
  const messages = report(
    withChange(CONVENTION_FILE, {
      foreignPhrases: [
        { text: 'ACTION 2', lang: 'en' },
        { text: 'Serious Game', lang: 'en' },
      ],
    }),
  );
  assert.equal(messages.length, 2, messages.join('\n'));
  assert.equal(
    messages[0],
    [
      `✗ ${CONVENTION_FILE}, ligne 41`,
      '  champ « foreignPhrases » : expression introuvable dans les textes du document et de ses éléments : elle n’y serait marquée nulle part',
      '  valeur trouvée : « ACTION 2 »',
      '  valeurs permises : l’expression recopiée telle qu’elle est écrite (mêmes majuscules, mots entiers) dans un titre, un libellé ou un texte',
    ].join('\n'),
  );
  assert.match(messages[1]!, /valeur trouvée : « Serious Game »/);
  assert.match(
    report(withChange(CONVENTION_FILE, { foreignPhrases: [{ text: 'Action 2', lang: 'anglais' }] })).join('\n'),
    /champ « foreignPhrases\.0\.lang » [^\n]*\n  valeur trouvée : « anglais »\n  valeurs permises : en, de, es, it, pt, nl, la/,
  );
});

test('an invisible character in a field is refused in French: file, field, the character by its code, where, what to do', () => {
  // A vertical tab in a round label: Excel writes it as _x000B_ and it made the feed unreadable (issue 19).
  const rounds = [{ id: 'bilan-2024', label: 'Bilan\u000B2024', date: '2024' }];
  assert.deepEqual(report(withChange(CONVENTION_FILE, { rounds })), [
    [
      `✗ ${CONVENTION_FILE}, ligne 34`,
      '  champ « rounds.0.label » : caractère invisible interdit (U+000B, tabulation verticale) après « Bilan » ; retapez ce passage (un copier-coller depuis un PDF, une page web ou un tableur en apporte souvent)',
      '  valeur trouvée : « Bilan[U+000B]2024 »',
      '  valeurs permises : du texte sur une seule ligne, sans caractère invisible de contrôle ni tabulation',
    ].join('\n'),
  ]);
  // NUL, a C1 control, a lone surrogate, the bidirectional override and isolate: every text field,
  // at every depth (lists, objects in lists), each with its own code in the message and the value.
  const cases: [string, Record<string, unknown>, string, number, RegExp][] = [
    [ACTION_1, { title: 'Action\u00001' }, 'title', 8, /\(U\+0000, caractère nul\) après « Action »/],
    [ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'R', comment: 'Fait\u0085' }] }, 'statuses.0.comment', 13, /\(U\+0085, /],
    [ACTION_1, { notes: ['Note', 'demi \uD83D caractère'] }, 'notes.1', 19, /\(U\+D83D, moitié de caractère isolée/],
    [
      CONVENTION_FILE,
      { shortTitle: '\u202EIASSE' },
      'shortTitle',
      3,
      /\(U\+202E, contrôle bidirectionnel : forçage droite-gauche\) au début du texte/,
    ],
    [
      CONVENTION_FILE,
      { parties: [{ name: 'Employeur \u2066RH\u2069', role: 'employeur' }] },
      'parties.0.name',
      7,
      /\(U\+2066, contrôle bidirectionnel : isolat/,
    ],
    [ACTION_1, { wording: 'Libellé\u000Bcomplet' }, 'wording', 9, /\(U\+000B, tabulation verticale\)/],
  ];
  for (const [file, change, field, at, message] of cases) {
    const blocks = report(withChange(file, change));
    assert.equal(blocks.length, 1, blocks.join('\n'));
    const [head, line, value] = blocks[0]!.split('\n');
    assert.equal(head, `✗ ${file}, ligne ${at}`);
    assert.ok(line!.startsWith(`  champ « ${field} » : caractère invisible interdit `), line);
    assert.match(line!, message);
    assert.match(line!, /retapez ce passage/);
    // The report itself holds no invisible character: each is written as its code.
    assert.match(value!, /^  valeur trouvée : « .*\[U\+[0-9A-F]{4}\].* »$/);
    assert.equal(trapCharacter(blocks[0]!, true), undefined, blocks[0]);
  }
});

test('tab and line feed: refused in a one-line field, allowed in a multi-line one (wording, comment, summary, definition…)', () => {
  const block = report(withChange(ACTION_1, { title: 'Action\n1' })).join();
  assert.match(block, /champ « title » : caractère invisible interdit \(U\+000A, saut de ligne\) après « Action »/);
  assert.match(block, /valeur trouvée : « Action\[U\+000A\]1 »\n  valeurs permises : du texte sur une seule ligne/);
  assert.match(report(withChange(ACTION_1, { title: 'Action\t1' })).join(), /\(U\+0009, tabulation\)/);
  // A stray line break at either end is trimmed away, as the site publishes the text: not refused.
  assert.deepEqual(report(withChange(ACTION_1, { title: 'Action 1\n' })), []);
  assert.deepEqual(
    report(
      withChange(ACTION_1, {
        wording: 'Premier alinéa.\n\tSecond alinéa,\r\nen retrait.',
        statuses: [{ round: 'bilan-2024', status: 'R', comment: 'Ligne 1\nLigne 2' }],
      }),
    ),
    [],
  );
  assert.deepEqual(report(withChange(CONVENTION_FILE, { summary: 'Un plan\npour les tests.' })), []);
  // A carriage return alone is no line break anywhere.
  assert.match(
    report(withChange(ACTION_1, { wording: 'Texte\rsuite' })).join(),
    /champ « wording » : caractère invisible interdit \(U\+000D, retour chariot\)[^\n]*\n.*\n  valeurs permises : du texte sans caractère invisible de contrôle \(tabulations et sauts de ligne permis\)/,
  );
});

test('French text passes: non-breaking spaces, narrow ones before « ; : ! ? », accents, emoji, other scripts', () => {
  const title = 'Action\u00A0n°\u202F1 : « recruter » ; l’équipe — 😀 👩🏽‍🦽 ✔ 日本 عربي';
  assert.deepEqual(report(withChange(ACTION_1, { title, wording: `${title}\n${title}` })), []);
});

test('a field name holding an invisible character is shown by its code too', () => {
  const block = report(withChange(ACTION_1, { 'tit\u202Ele': 'Titre' })).join();
  assert.match(block, /champ « tit\[U\+202E\]le » : champ inconnu/);
  assert.equal(trapCharacter(block, true), undefined);
});

test('a schema error in one file does not hide a broken link in another: both are reported, each at its line', () => {
  const files = withChange(ACTION_2, { seeAlso: ['9'] }).map((f) =>
    f.file === ACTION_1 ? withChange(ACTION_1, { kind: 'tache' }).find((g) => g.file === ACTION_1)! : f,
  );
  assert.deepEqual(report(files), [
    [
      `✗ ${ACTION_1}, ligne 5`,
      '  champ « kind » : valeur non autorisée',
      '  valeur trouvée : « tache »',
      '  valeurs permises : action, mesure, engagement',
    ].join('\n'),
    [
      `✗ ${ACTION_2}, ligne 18`,
      '  champ « seeAlso.0 » : aucune action de la convention « essai » ne porte ce numéro',
      '  valeur trouvée : « 9 »',
      "  valeurs permises : le numéro d'une action du même document",
    ].join('\n'),
  ]);
});

test('a link to a file that did not validate, or could not be read, is not reported: that file’s own problem is', () => {
  const AXIS = 'content/axes/essai/axe-1.mdx';
  // The axis does not validate: the objective's and the actions' links to it are left unchecked.
  const badAxis = withChange(AXIS, { number: undefined });
  assert.deepEqual(
    validateAll(badAxis).problems.map((p) => [p.file, p.field]),
    [[AXIS, 'number']],
  );
  // Nor does the convention: its items' links to it are left unchecked, the rest still is.
  const badConvention = withChange(CONVENTION_FILE, { published: undefined }).map((f) =>
    f.file === ACTION_2 ? withChange(ACTION_2, { kind: 'tache' }).find((g) => g.file === ACTION_2)! : f,
  );
  assert.deepEqual(
    validateAll(badConvention).problems.map((p) => [p.file, p.field]),
    [
      [CONVENTION_FILE, 'published'],
      [ACTION_2, 'kind'],
    ],
  );
  // Action 1 does not validate, but its number is written: a link to it is no broken link, a link to 9 is.
  const badAction = withChange(ACTION_2, { seeAlso: ['1', '9'] }).map((f) =>
    f.file === ACTION_1 ? withChange(ACTION_1, { kind: 'tache' }).find((g) => g.file === ACTION_1)! : f,
  );
  assert.deepEqual(
    validateAll(badAction).problems.map((p) => [p.file, p.field, p.value]),
    [
      [ACTION_1, 'kind', 'tache'],
      [ACTION_2, 'seeAlso.1', '9'],
    ],
  );
  // An axis whose front matter could not be read at all (its YAML problem is reported by the reader).
  const unread = validFiles().filter((f) => f.file !== AXIS);
  assert.deepEqual(validateAll(unread, [{ collection: 'axes', file: AXIS, pathInCollection: 'essai/axe-1.mdx' }]).problems, []);
  // Self-test: the same file simply absent leaves the links broken, and they are reported.
  assert.deepEqual(
    validateAll(unread).problems.map((p) => [p.file, p.field]),
    [
      ['content/objectives/essai/axe-1-objectif-1.mdx', 'axis'],
      [ACTION_1, 'axis'],
      [ACTION_2, 'axis'],
    ],
  );
});

test('a field inside a list or a group is placed at its own line; a field left out, at its group’s', () => {
  const unknownInList = report(withChange(ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'R', statut: 'R' }] }));
  assert.match(unknownInList.join(), new RegExp(`^✗ ${ACTION_1}, ligne 13\\n  champ « statut » : champ inconnu`));
  const missingInList = report(withChange(ACTION_1, { statuses: [{ round: 'bilan-2024' }] }));
  assert.match(missingInList.join(), new RegExp(`^✗ ${ACTION_1}, ligne 11\\n  champ « statuses.0.status » : champ obligatoire manquant`));
  // A field left out at the top has no line: the file is named.
  assert.match(report(withChange(ACTION_1, { title: undefined })).join(), new RegExp(`^✗ ${ACTION_1}\\n  champ « title »`));
  // A value repeated in a list: the repeat's line.
  const scale = (validFiles()[0]!.frontmatter as { statusScale: object[] }).statusScale;
  const repeated = report(withChange(CONVENTION_FILE, { statusScale: [...scale, { code: 'R', legend: 'Réalisé', status: 'realise' }] }));
  assert.match(
    repeated.join(),
    new RegExp(`^✗ ${CONVENTION_FILE}, ligne 32\\n  champ « statusScale » : code de statut défini plusieurs fois`),
  );
});

test('the places of a file’s fields are used only for its front matter as read, not for a copy changed in memory', () => {
  // The spreadsheet import checks its changes on a copy before writing them: the file's lines do not describe it.
  const files = withChange(ACTION_1, { axis: '9' }).map((f) =>
    f.file === ACTION_1 ? { ...f, frontmatter: { ...(f.frontmatter as object) } } : f,
  );
  assert.match(report(files).join(), new RegExp(`^✗ ${ACTION_1}\\n  champ « axis »`));
  // Self-test: the same file as read is placed.
  assert.match(report(withChange(ACTION_1, { axis: '9' })).join(), new RegExp(`^✗ ${ACTION_1}, ligne 3\\n  champ « axis »`));
});

test('indicators: an id once in the document, values at its rounds, one per round; figures are numbers; a target has its value', () => {
  const CONVENTION = 'content/conventions/essai.mdx';
  const rounds = [
    { id: 'bilan-2024', label: 'Bilan 2024', date: '2024' },
    { id: 'bilan-2025', label: 'Bilan 2025', date: '2025' },
  ];
  const indicator = (change: Record<string, unknown> = {}) => ({
    id: 'taux-emploi',
    label: 'Taux d’emploi',
    unit: '%',
    direction: 'hausse',
    baseline: { value: 5.2, date: '2022-12' },
    target: { value: 6, note: 'au moins 6 %' },
    values: [
      { round: 'bilan-2024', value: 5.4, source: 'Rapport social unique 2024' },
      { round: 'bilan-2025', value: 6.1 },
    ],
    ...change,
  });
  /** The valid set, the document with two rounds and `document` indicators, action 1 with `action` ones. */
  const files = (action: unknown[] | undefined, document?: unknown[]) =>
    withChange(ACTION_1, { indicators: action }).map((f) =>
      f.file === CONVENTION ? withChange(CONVENTION, { rounds, indicators: document }).find((g) => g.file === CONVENTION)! : f,
    );
  assert.deepEqual(report(files([indicator()], [indicator({ id: 'recrutements', direction: 'baisse' })])), []);

  // The same id in the document and in one of its actions: the action's is reported, with its line.
  assert.deepEqual(report(files([indicator()], [indicator()])), [
    [
      `✗ ${ACTION_1}, ligne 18`,
      `  champ « indicators.0.id » : indicateur déjà déclaré dans ${CONVENTION} : un identifiant ne désigne qu’un indicateur du document`,
      '  valeur trouvée : « taux-emploi »',
      '  valeurs permises : un identifiant unique dans le document et ses actions (par exemple taux-emploi-2)',
    ].join('\n'),
  ]);
  assert.match(report(files([indicator(), indicator()])).join(), /champ « indicators.1.id » : indicateur déjà déclaré dans ce fichier/);
  // Another document may use the same id: it is unique within a document only.
  assert.deepEqual(report(files([indicator()], undefined)), []);

  const withValues = (values: unknown[]) => report(files([indicator({ values })])).join('\n');
  assert.match(
    withValues([{ round: 'bilan-2030', value: 6 }]),
    /✗ content\/actions\/essai\/action-1\.mdx, ligne \d+\n  champ « indicators.0.values.0.round » : bilan inconnu du document « essai »\n  valeur trouvée : « bilan-2030 »\n  valeurs permises : bilan-2024, bilan-2025/,
  );
  assert.match(
    withValues([
      { round: 'bilan-2024', value: 5 },
      { round: 'bilan-2024', value: 6 },
    ]),
    /champ « indicators.0.values.1.round » : ce bilan a déjà sa valeur plus haut : une valeur par bilan\n  valeur trouvée : « bilan-2024 »\n  valeurs permises : un autre bilan du document, ou une seule des deux valeurs/,
  );
  const NUMBER = 'un nombre, sans guillemets ni unité, avec un point pour les décimales \\(par exemple 6\\.1 ; le tableur accepte 6,1\\)';
  assert.match(
    withValues([{ round: 'bilan-2024', value: '6,1' }]),
    new RegExp(
      `champ « indicators.0.values.0.value » : type de valeur incorrect\\n  valeur trouvée : « 6,1 »\\n  valeurs permises : ${NUMBER}`,
    ),
  );
  assert.match(
    report(files([indicator({ target: { note: 'au moins 6 %' } })])).join('\n'),
    new RegExp(`champ « indicators.0.target.value » : champ obligatoire manquant\\n  valeurs permises : ${NUMBER}`),
  );
  assert.match(
    report(files([indicator({ baseline: { date: '2022' } })])).join('\n'),
    /champ « indicators.0.baseline.value » : champ obligatoire manquant/,
  );
  assert.match(
    report(files([indicator({ direction: 'monte' })])).join('\n'),
    /champ « indicators.0.direction » : valeur non autorisée\n  valeur trouvée : « monte »\n  valeurs permises : hausse, baisse/,
  );
  assert.match(
    report(files([indicator({ target: { value: 6, date: '12/2026' } })])).join('\n'),
    /champ « indicators.0.target.date » : date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ/,
  );
});

test('evidence: a title and either an address (http, https, a page of the site) or a file of an accepted type inside its folder', () => {
  const evidence = (...items: unknown[]) =>
    report(withChange(ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'R', evidence: items }] })).join('\n');
  assert.equal(
    evidence(
      { title: 'Rapport', url: 'https://exemple.fr/rapport' },
      { title: 'Page', url: '/documents/' },
      { title: 'Fichier', file: '2025/bilan annuel.PDF' },
      { title: 'Photo', file: 'photo.jpeg' },
    ),
    '',
  );
  assert.match(
    evidence({ title: 'Rapport', url: 'ftp://exemple.fr' }),
    /champ « statuses.0.evidence.0.url » : adresse inutilisable : ni une adresse web \(https:\/\/…\), ni une page du site \(\/…\)\n  valeur trouvée : « ftp:\/\/exemple.fr »\n  valeurs permises : une adresse web commençant par https:\/\/ ou http:\/\/, ou une page du site commençant par \//,
  );
  assert.match(
    evidence({ title: 'Rapport', file: 'rapport.exe' }),
    /, ligne \d+\n  champ « statuses.0.evidence.0.file » : type de fichier refusé : le site ne publie comme justificatif que les documents, tableurs et images courants\n  valeur trouvée : « rapport.exe »\n  valeurs permises : un fichier PDF, ODT, DOCX, ODS, XLSX, CSV, PNG, JPEG \(extension \.pdf, \.odt, \.docx, \.ods, \.xlsx, \.csv, \.png, \.jpg, \.jpeg\) déposé dans public\/justificatifs\//,
  );
  for (const outside of ['../secret.pdf', '/etc/rapport.pdf', 'a/../../b.pdf', 'C:\\rapport.pdf', 'bilan#2.pdf'])
    assert.match(
      evidence({ title: 'Rapport', file: outside }),
      /champ « statuses.0.evidence.0.file » : nom de fichier inutilisable : il se lit depuis le dossier public\/justificatifs\/, sans en sortir, et ne contient aucun des caractères \\ : \* \? " < > \| # %\n/,
      outside,
    );
  for (const both of [{ title: 'Rien' }, { title: 'Les deux', url: '/documents/', file: 'a.pdf' }])
    assert.match(
      evidence(both),
      /champ « statuses.0.evidence.0 » : un justificatif donne soit une adresse \(url\), soit un fichier \(file\) : l’un des deux, pas les deux\n  valeur trouvée : .*\n  valeurs permises : soit url : une adresse web/,
    );
  // The old free text, once accepted: what to write instead.
  assert.match(
    report(withChange(ACTION_1, { statuses: [{ round: 'bilan-2024', status: 'R', evidence: '12 recrutements' }] })).join('\n'),
    /champ « statuses.0.evidence » : type de valeur incorrect\n  valeur trouvée : « 12 recrutements »\n  valeurs permises : une liste de justificatifs/,
  );
});
