/**
 * French labels of the form fields, next to the generator (scripts/editor/config.ts). The
 * generator takes everything else from the zod schemas of src/model/ (names, types, required,
 * drop-down values, patterns); a field without a label here is reported by `buildCmsConfig` and
 * fails tests/unit/editor.test.ts, so that no English key ever reaches the form.
 *
 * Keys: `<collection>.<path>` first (path with dots through objects and lists, no index), then
 * `<path>` for the fields every collection names the same way.
 */

/**
 * A label, or a label with a hint (shown under the field) and a default. Whether a text takes
 * several lines is the model's fact (`multilineText`, src/model/common.ts): the same schema lets
 * the check accept line breaks and gives the form a text area.
 */
export type FieldLabel =
  | string
  | {
      label: string;
      hint?: string;
      /** Value a new entry starts with, when the schema's default lives in the site code ("true" for caseSensitive). */
      default?: boolean;
    };

export const FIELD_LABELS: Record<string, FieldLabel> = {
  // Shared by several collections.
  convention: { label: 'Document', hint: 'Le document (convention, plan, circulaire) auquel cet élément appartient.' },
  title: 'Titre',
  number: { label: 'Numéro', hint: 'Tel qu’imprimé dans le document : « 12 », « 1.2 », « II ».' },
  label: { label: 'Libellé imprimé', hint: 'Seulement s’il diffère du modèle du document (« Article premier »).' },
  order: { label: 'Position dans le document', hint: '1, 2, 3… : fixe l’ordre d’affichage ; unique dans le document.' },
  summary: { label: 'Résumé', hint: 'Une ou deux phrases qui disent de quoi il s’agit.' },
  sourceNotes: { label: 'Notes sur le document source', hint: 'Lacunes ou particularités de la source, affichées aux lecteurs.' },
  notes: 'Remarques du document',
  themes: 'Thèmes',
  foreignPhrases: {
    label: 'Expressions dans une autre langue',
    hint: 'Recopiez chaque expression telle qu’elle est écrite dans un titre, un libellé ou une définition (« Serious Game ») : elle est lue dans sa langue partout où le site l’affiche. Dans le texte libre, écrivez <span lang="en">…</span>.',
  },
  'foreignPhrases.text': { label: 'Expression', hint: 'Mêmes majuscules, mots entiers.' },
  'foreignPhrases.lang': 'Langue',
  body: {
    label: 'Texte',
    hint: 'Texte libre du fichier, en Markdown : ni script, ni code, ni contenu venu d’un autre site (README, « Ce qu’un corps de texte peut contenir »).',
  },

  // Documents.
  'conventions.title': 'Titre complet',
  'conventions.shortTitle': { label: 'Titre court', hint: 'Pour le fil d’Ariane, les titres de page et les tableaux.' },
  'conventions.kind': 'Type de document',
  'conventions.issuer': 'Émetteur',
  'conventions.reference': { label: 'Référence officielle', hint: '« NOR JUSG0460111C », « Circulaire DAGE 2004-21 ».' },
  'conventions.milestones': 'Jalons',
  'conventions.milestones.date': 'Date',
  'conventions.milestones.label': 'Jalon',
  'conventions.parties': 'Parties et signataires',
  'conventions.parties.name': 'Nom',
  'conventions.parties.role': 'Rôle',
  'conventions.parties.representative': 'Représentant ou signataire',
  'conventions.dates': 'Dates clés',
  'conventions.dates.signed': 'Signature',
  'conventions.dates.inForce': 'Entrée en vigueur',
  'conventions.dates.end': 'Fin',
  'conventions.dates.extendedTo': 'Prorogé jusqu’au',
  'conventions.levels': 'Mots du document pour ses niveaux',
  'conventions.levels.axis': 'Premier niveau (axe, thème, section…)',
  'conventions.levels.objective': 'Deuxième niveau (objectif, article…)',
  'conventions.levels.action': 'Troisième niveau (action, engagement…)',
  'conventions.levels.axis.singular': 'Nom au singulier',
  'conventions.levels.axis.plural': 'Nom au pluriel',
  'conventions.levels.axis.label': { label: 'Modèle du numéro', hint: '{n} est remplacé par le numéro : « Axe {n} ».' },
  'conventions.levels.axis.numbering': 'Numérotation',
  'conventions.levels.objective.singular': 'Nom au singulier',
  'conventions.levels.objective.plural': 'Nom au pluriel',
  'conventions.levels.objective.label': { label: 'Modèle du numéro', hint: '{n} est remplacé par le numéro : « Objectif {n} ».' },
  'conventions.levels.objective.numbering': 'Numérotation',
  'conventions.levels.action.singular': 'Nom au singulier',
  'conventions.levels.action.plural': 'Nom au pluriel',
  'conventions.levels.action.label': { label: 'Modèle du numéro', hint: '{n} est remplacé par le numéro : « Action n°{n} ».' },
  'conventions.levels.action.numbering': { label: 'Numérotation', hint: 'Où les numéros recommencent ; vide : dans tout le document.' },
  'conventions.statusScale': {
    label: 'Échelle de statuts',
    hint: 'Les codes du document, leur légende et le statut commun qu’ils veulent dire.',
  },
  'conventions.statusScale.code': { label: 'Code', hint: 'Tel qu’imprimé : « R », « PR », « En cours ».' },
  'conventions.statusScale.legend': 'Légende',
  'conventions.statusScale.status': 'Statut commun',
  'conventions.statusScale.completion': {
    label: 'Part de réalisation (%)',
    hint: 'De 0 à 100 ; à donner pour chaque code, ou pour aucun.',
  },
  'conventions.rounds': { label: 'Bilans', hint: 'Du plus ancien au plus récent.' },
  'conventions.rounds.id': { label: 'Identifiant', hint: 'Minuscules, chiffres et tirets : « bilan-2026 ».' },
  'conventions.rounds.label': 'Libellé',
  'conventions.rounds.date': 'Date',
  'conventions.rounds.period': { label: 'Période couverte', hint: '« 2023-2025 » ; une date ou une période au moins.' },
  'conventions.rounds.note': 'Note',
  'conventions.published': 'Date de publication sur le site',
  'conventions.updates': { label: 'Mises à jour', hint: 'Ajoutez-en une à la fin à chaque modification.' },
  'conventions.updates.date': 'Date',
  'conventions.updates.note': 'Note',
  'conventions.replaces': 'Document remplacé',
  'conventions.replacedBy': 'Remplacé par',
  'conventions.source': 'Source',
  'conventions.source.file': 'Fichier source',
  'conventions.source.note': 'Note sur la source',
  'conventions.order': { label: 'Position sur la page d’accueil', hint: 'Le plus petit en premier.' },

  // Axes, objectives.
  'axes.section': { label: 'Section', hint: 'Nom du fichier de la section où l’axe est imprimé : « article-3 ».' },
  'objectives.axis': 'Axe',

  // Actions.
  'actions.axis': 'Axe',
  'actions.objective': { label: 'Objectif', hint: 'Vide quand le document place l’action directement sous l’axe.' },
  'actions.kind': 'Type',
  'actions.group': 'Intertitre',
  'actions.title': { label: 'Titre court', hint: 'Les premiers mots du libellé.' },
  'actions.wording': { label: 'Libellé complet', hint: 'Exactement comme imprimé.' },
  'actions.extension': 'Prolongement',
  'actions.novelty': 'Nouveauté',
  'actions.seeAlso': { label: 'Voir aussi (numéros d’actions)', hint: 'Numéros d’autres actions du même document.' },
  'actions.statuses': { label: 'Statuts par bilan', hint: 'Un par bilan du document, du plus ancien au plus récent.' },
  'actions.statuses.round': { label: 'Bilan', hint: 'Identifiant d’un bilan du document.' },
  'actions.statuses.status': { label: 'Statut', hint: 'Un code de l’échelle du document (« R », « EC »…).' },
  'actions.statuses.comment': 'Commentaire',
  'actions.statuses.evidence': 'Justificatif',
  'actions.withdrawn': 'Retrait',
  'actions.withdrawn.round': { label: 'Bilan du retrait', hint: 'Identifiant d’un bilan du document.' },
  'actions.withdrawn.mergedInto': { label: 'Fusionnée dans l’action n°', hint: 'Numéro de l’action qui la reprend.' },
  'actions.withdrawn.note': 'Note',
  'actions.subItems': 'Points (a., b., c.)',
  'actions.subItems.letter': 'Lettre',
  'actions.subItems.text': 'Texte',
  'actions.subItems.status': { label: 'Statut', hint: 'Un code de l’échelle du document.' },
  'actions.subItems.dates': 'Dates',
  'actions.subItems.dates.done': 'Réalisé',
  'actions.subItems.dates.due': 'Échéance',
  'actions.responsible': 'Responsables',
  'actions.dates': 'Dates',
  'actions.dates.done': { label: 'Réalisé', hint: 'Tel qu’imprimé : « 2022 », « 2nd sem. 2022 ».' },
  'actions.dates.due': { label: 'Échéance', hint: 'Telle qu’imprimée.' },
  'actions.audience': 'Publics',

  // Sections.
  'sections.kind': 'Type de partie',
  'sections.parent': { label: 'Partie parente', hint: 'Nom du fichier de la partie qui contient celle-ci.' },
  'sections.audience': 'Destinataires',

  // Procedures.
  'procedures.section': { label: 'Partie du document', hint: 'Nom du fichier de la partie : « partie-1 ».' },
  'procedures.audience': 'Destinataires',
  'procedures.actors': 'Acteurs',
  'procedures.actors.name': 'Nom',
  'procedures.actors.role': 'Rôle',
  'procedures.steps': 'Étapes',
  'procedures.steps.title': 'Étape',
  'procedures.steps.actor': 'Qui agit',
  'procedures.steps.when': 'Quand, dans quel délai',
  'procedures.steps.text': 'Texte',
  'procedures.documents': 'Pièces à réunir',
  'procedures.legalReferences': 'Références juridiques',

  // Glossary.
  'glossary.term': 'Terme',
  'glossary.expansion': 'Forme développée',
  'glossary.definition': 'Définition',
  'glossary.variants': 'Autres graphies',
  'glossary.caseSensitive': {
    label: 'Respecter la casse',
    hint: 'Coché : le terme n’est reconnu qu’écrit exactement ainsi.',
    default: true,
  },
  'glossary.seeAlso': 'Voir aussi',
  'glossary.lang': {
    label: 'Langue du terme',
    hint: 'Seulement pour un terme dans une autre langue (« HR Excellence in Research ») : il est alors lu dans cette langue partout où il est écrit. Vide pour un terme français, un sigle ou un nom propre.',
  },

  // Organisations.
  'organisations.kind': 'Organisme ou rôle',
  'organisations.name': 'Nom complet',
  'organisations.shortName': 'Nom court',
  'organisations.names': { label: 'Formes du nom dans les documents', hint: 'Toutes les graphies à reconnaître dans les textes.' },
  'organisations.description': 'Description',
};

/** Labels of the one closed list that has none in the model (where action numbers restart). */
export const NUMBERING_LABELS: Record<string, string> = {
  document: 'Dans tout le document',
  axis: 'Dans chaque axe (premier niveau)',
  objective: 'Dans chaque objectif (deuxième niveau)',
};
