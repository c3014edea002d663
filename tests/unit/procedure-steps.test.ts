/**
 * Procedures step by step (issue 23, point 3): steps numbered from 1 with their fragment, « ou » /
 * « et » sub-steps and « (facultatif) » in the model and in words, and the pages a step names
 * (an action, a section, a glossary entry) told which step they are part of. Bad references and
 * a step that is both « ou » and « et » are refused with messages pinned here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAll, type RawFile } from '../../src/model/validate.ts';
import { formatProblem } from '../../src/model/problems.ts';
import { joinIntro, procedureName, stepHeading, stepReference, subSteps } from '../../src/catalogue/steps.ts';
import { ACCORD, catalogueFiles, fixtureCatalogue } from './catalogue-fixtures.ts';

const PROCEDURE_FILE = `content/procedures/${ACCORD}/amenagement.mdx`;

/** The fixture's procedure with these steps. */
function withSteps(steps: unknown[]): RawFile[] {
  return catalogueFiles().map((f) => (f.file === PROCEDURE_FILE ? { ...f, frontmatter: { ...(f.frontmatter as object), steps } } : f));
}

const STEPS = [
  { title: 'Demande', actions: ['a'] },
  {
    title: 'Étude du poste',
    sections: ['chapitre-1'],
    together: [{ title: 'Visite' }, { title: 'Entretien', optional: true }],
  },
  { title: 'Avis du médecin', optional: true, glossary: ['rqth'], actions: ['a'] },
  { title: 'Décision', alternatives: [{ title: 'Accord' }, { title: 'Refus' }] },
];

test('the fixture procedure with links, « et », « ou » and an optional step is valid', () => {
  assert.deepEqual(validateAll(withSteps(STEPS)).problems.map(formatProblem), []);
});

test('steps are numbered from 1, each with its fragment on the procedure page', () => {
  const procedure = fixtureCatalogue(withSteps(STEPS)).procedures[0]!;
  assert.deepEqual(
    procedure.steps.map((s) => [s.number, s.anchor, s.path]),
    STEPS.map((_, i) => [i + 1, `etape-${i + 1}`, `${procedure.path}#etape-${i + 1}`]),
  );
});

test('a page named by a step knows the step it is part of; a page named by none, none', () => {
  const catalogue = fixtureCatalogue(withSteps(STEPS));
  const steps = catalogue.procedures[0]!.steps;
  const action = (n: string) => catalogue.actions.find((a) => a.data.number === n)!;
  assert.deepEqual(action('a').partOf, [steps[0], steps[2]]);
  assert.deepEqual(action('b').partOf, []);
  assert.deepEqual(catalogue.sections.find((s) => s.id.endsWith('/chapitre-1'))!.partOf, [steps[1]]);
  assert.deepEqual(catalogue.sections.find((s) => s.id.endsWith('/partie-1'))!.partOf, []);
  assert.deepEqual(catalogue.glossary.find((g) => g.id === 'rqth')!.partOf, [steps[2]]);
});

test('headings carry their number, and the join of sub-steps is said in words', () => {
  assert.equal(stepHeading(2, 'Étude du poste'), 'Étape 2\u00a0: Étude du poste');
  assert.equal(joinIntro('ou', 3), 'Une seule de ces 3 possibilités s’applique\u00a0:');
  assert.equal(joinIntro('et', 2), 'Ces 2 actions sont toutes à mener\u00a0:');
  const [, study, , decision] = STEPS as Parameters<typeof subSteps>[0][];
  assert.equal(subSteps(study!)?.join, 'et');
  assert.equal(subSteps(decision!)?.join, 'ou');
  assert.equal(subSteps({ title: 'Seule' }), undefined);
  const step = fixtureCatalogue(withSteps(STEPS)).procedures[0]!.steps[1]!;
  assert.equal(stepReference(step), 'étape 2 sur 4\u00a0: Étude du poste');
  assert.equal(procedureName('Le contrat'), 'Procédure\u00a0: Le contrat');
  assert.equal(procedureName('Procédure de titularisation'), 'Procédure de titularisation');
});

test('a step that names a missing action, section or glossary entry is refused, with what exists', () => {
  const messages = validateAll(withSteps([{ title: 'Demande', actions: ['z'], sections: ['annexe-9'], glossary: ['inconnu'] }]))
    .problems.map(formatProblem)
    .join('\n');
  assert.match(
    messages,
    /champ « steps\.0\.actions\.0 » : aucune action de la convention « accord-essai » ne porte ce numéro\n  valeur trouvée : « z »\n  valeurs permises : le numéro d’une action du même document, tel qu’imprimé/,
  );
  assert.match(
    messages,
    /champ « steps\.0\.sections\.0 » : aucune section de la convention « accord-essai » ne porte ce nom de fichier\n  valeur trouvée : « annexe-9 »/,
  );
  assert.match(
    messages,
    /champ « steps\.0\.glossary\.0 » : aucun terme du glossaire ne porte ce nom de fichier\n  valeur trouvée : « inconnu »/,
  );
});

test('a step is « ou » or « et », not both, and has at least two of them', () => {
  const both = validateAll(
    withSteps([{ title: 'Décision', alternatives: [{ title: 'A' }, { title: 'B' }], together: [{ title: 'C' }, { title: 'D' }] }]),
  ).problems.map(formatProblem);
  assert.equal(both.length, 1);
  assert.match(
    both[0]!,
    /champ « steps\.0 » : une étape a soit des possibilités \(alternatives, reliées par « ou »\), soit des parties à mener ensemble \(together, reliées par « et »\), pas les deux/,
  );
  const alone = validateAll(withSteps([{ title: 'Décision', alternatives: [{ title: 'A' }] }])).problems.map(formatProblem);
  assert.equal(alone.length, 1);
  assert.match(alone[0]!, /champ « steps\.0\.alternatives » : liste trop courte : au moins 2 éléments sont attendus/);
});
