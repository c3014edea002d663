/**
 * Creates a valid minimal document (its convention file) from a few answers: asked one by one
 * when the terminal is interactive, or given as options. Same writer and same checks as the
 * template import (scripts/spreadsheet/document.ts): nothing is written when anything is wrong.
 * Usage: see USAGE below (also `npm run nouveau:document -- --aide`).
 */
import { createInterface } from 'node:readline/promises';
import { exitWithError, readCommandLine } from '../cli.ts';
import { CONVENTION_KINDS, GENERIC_LEVELS, PARTY_ROLES } from '../../src/model/convention.ts';
import { ContentError } from '../../src/model/problems.ts';
import { checkNewDocument, writeNewDocument, type NewDocument } from '../spreadsheet/document.ts';
import { guardInterruptions, newDocumentOrigin, settleBeforeWriting } from '../spreadsheet/journal.ts';

/** Each answer: its option, the question asked, the front-matter field it fills. */
const QUESTIONS = [
  { option: 'id', question: 'Identifiant du document (minuscules, chiffres, tirets ; il devient son adresse)', field: '(nom du fichier)' },
  { option: 'titre', question: 'Titre complet, tel qu’imprimé', field: 'title' },
  { option: 'titre-court', question: 'Titre court (menus, tableaux)', field: 'shortTitle' },
  { option: 'emetteur', question: 'Émetteur (service ou organisme qui publie le document)', field: 'issuer' },
  {
    option: 'type',
    question: `Type de document (${Object.entries(CONVENTION_KINDS)
      .map(([k, l]) => `${k} : ${l}`)
      .join(', ')})`,
    field: 'kind',
  },
  { option: 'resume', question: 'Résumé en une ou deux phrases', field: 'summary' },
  { option: 'source', question: 'Document source (nom du fichier, par exemple plan-2027.pdf)', field: 'source.file' },
  { option: 'partie', question: 'Partie ou signataire (nom)', field: 'parties.0.name', fallback: 'emetteur' },
  {
    option: 'role',
    question: `Rôle de cette partie (${Object.keys(PARTY_ROLES).join(', ')})`,
    field: 'parties.0.role',
    default: 'emetteur',
  },
  {
    option: 'publication',
    question: 'Date de publication sur le site (AAAA-MM-JJ)',
    field: 'published',
    default: new Date().toISOString().slice(0, 10),
  },
] as const;
type Option = (typeof QUESTIONS)[number]['option'];

const USAGE = [
  'Usage : npm run nouveau:document [-- options]',
  'Sans option, les questions sont posées une à une ; dans un terminal non interactif, les réponses se donnent en options.',
  '',
  'Options :',
  ...QUESTIONS.map((q) => `  --${q.option} <réponse>`.padEnd(28) + q.question),
  '  --contenu <dossier>       dossier du contenu (par défaut : content)',
  '  --essai                   vérifie sans rien écrire',
  '  --annuler                 défait une création interrompue',
  '  --debug                   ajoute aux erreurs leur détail technique',
  '  --aide                    affiche cette aide',
].join('\n');

const { values } = readCommandLine({
  usage: USAGE,
  options: {
    ...Object.fromEntries(QUESTIONS.map((q) => [q.option, { type: 'string' as const }])),
    contenu: { type: 'string', default: 'content' },
    essai: { type: 'boolean', default: false },
    annuler: { type: 'boolean', default: false },
    debug: { type: 'boolean', default: false },
  },
});

// ── An interrupted creation (issue 19, scripts/spreadsheet/journal.ts) ──────────────────────────────
// Ctrl+C is handled after the write, never in its middle. An unfinished write is finished when
// given the same --id again, undone with --annuler, and blocks any other creation.
const interruptions = guardInterruptions();
await settleBeforeWriting(
  process.cwd(),
  values.contenu,
  {
    undo: values.annuler,
    dryRun: values.essai,
    same: (journal) =>
      journal.kind === 'nouveau-document' && journal.document === ((values as Record<string, unknown>).id as string | undefined)?.trim(),
  },
  interruptions,
);
// ─────────────────────────────────────────────────────────────────────────────────────────────────
const answers = new Map<Option, string>();
for (const q of QUESTIONS) {
  const v = (values as Record<string, unknown>)[q.option] as string | undefined;
  if (v !== undefined) answers.set(q.option, v.trim());
}

const defaultOf = (q: (typeof QUESTIONS)[number]) => ('default' in q ? q.default : 'fallback' in q ? answers.get(q.fallback) : undefined);

if (process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (const q of QUESTIONS) {
      if (answers.has(q.option)) continue;
      const d = defaultOf(q);
      const answer = (await rl.question(`${q.question}${d ? ` [${d}]` : ''} : `)).trim();
      answers.set(q.option, answer || d || '');
    }
  } catch {
    // Ctrl+D or Ctrl+C before the last answer.
    console.error('\nSaisie interrompue : aucun fichier n’a été écrit.');
    process.exit(2);
  }
  rl.close();
} else {
  for (const q of QUESTIONS) {
    const d = defaultOf(q);
    if (!answers.has(q.option) && d !== undefined) answers.set(q.option, d);
  }
  const missing = QUESTIONS.filter((q) => !answers.get(q.option));
  if (missing.length > 0) {
    console.error(
      `Réponses manquantes (le terminal n’est pas interactif, elles se donnent en options) :\n${missing.map((q) => `  --${q.option} : ${q.question}`).join('\n')}`,
    );
    process.exit(2);
  }
}

const get = (o: Option) => answers.get(o) || undefined;
const type = get('type');
const kind = Object.entries(CONVENTION_KINDS).find(([k, l]) => k === type || l.toLowerCase() === type?.toLowerCase())?.[0] ?? type;
const role = get('role');
const level = (key: keyof typeof GENERIC_LEVELS) => ({
  singular: GENERIC_LEVELS[key].singular,
  plural: GENERIC_LEVELS[key].plural,
  label: `${GENERIC_LEVELS[key].singular} {n}`,
});
const doc: NewDocument = {
  id: get('id') ?? '',
  convention: Object.fromEntries(
    Object.entries({
      title: get('titre'),
      shortTitle: get('titre-court'),
      kind,
      issuer: get('emetteur'),
      parties: [{ name: get('partie'), role: Object.entries(PARTY_ROLES).find(([k, l]) => k === role || l === role)?.[0] ?? role }].map(
        (p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
      ),
      dates: {},
      summary: get('resume'),
      levels: { axis: level('axis'), objective: level('objective'), action: level('action') },
      published: get('publication'),
      source: Object.fromEntries(Object.entries({ file: get('source') }).filter(([, v]) => v !== undefined)),
    }).filter(([, v]) => v !== undefined),
  ),
  axes: [],
  objectives: [],
  actions: [],
};

try {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(doc.id)) {
    console.error(
      `✗ option --id : identifiant inutilisable dans une adresse web\n  valeur trouvée : « ${doc.id} »\n  valeurs permises : minuscules sans accent, chiffres et tirets (par exemple cnrs-fiphfp-2027-2029)`,
    );
    process.exit(1);
  }
  const { planned, problems } = checkNewDocument(process.cwd(), values.contenu, doc);
  if (problems.length > 0) {
    const option = (field: string) =>
      QUESTIONS.find((q) => field === q.field || field.startsWith(`${q.field}.`) || q.field.startsWith(`${field}.`))?.option;
    console.error(
      [
        `Le document n’a pas été créé : ${problems.length === 1 ? '1 erreur' : `${problems.length} erreurs`}.`,
        ...problems.map((p) => {
          const o = option(p.field);
          const lines = [`✗ ${o ? `option --${o}` : `${p.file}, champ « ${p.field} »`} : ${p.message}`];
          if (p.value !== undefined)
            lines.push(`  valeur trouvée : « ${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)} »`);
          if (p.allowed) lines.push(`  valeurs permises : ${p.allowed}`);
          return lines.join('\n');
        }),
      ].join('\n\n'),
    );
    process.exit(1);
  }
  if (values.essai) {
    console.log(`Essai : ${planned[0]!.file} serait créé. Aucun fichier n’a été écrit.`);
  } else {
    writeNewDocument(process.cwd(), planned, {
      contentDir: values.contenu,
      origin: () => newDocumentOrigin(doc.id, values.contenu),
      onStep: interruptions.onStep,
    });
    console.log(
      [
        `Document créé : ${planned[0]!.file}`,
        'Ajoutez ses axes, objectifs et actions (content/axes/, content/objectives/, content/actions/ sous son identifiant),',
        'complétez sa présentation (dates, mots des niveaux, échelle de statuts) puis vérifiez : npm run check:content',
      ].join('\n'),
    );
    await interruptions.afterWrite(); // a Ctrl+C received while writing is said now (issue 19)
  }
} catch (error) {
  exitWithError('Création impossible', error, { report: error instanceof ContentError ? error.message : undefined, debug: values.debug });
}
