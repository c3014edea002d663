import type { Entries, Entry } from './collections.ts';
import type { Problem } from './problems.ts';
import { fold } from '../lib/text.ts';
import { conventionOf, localName } from './ids.ts';
import { DOCUMENT_FOLDERS, ROOT_FOLDERS } from '../lib/paths.ts';

/** Finds values that occur more than once, keeping the entries that repeat them. */
function duplicates<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const seen = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = seen.get(k);
    if (group) group.push(item);
    else seen.set(k, [item]);
  }
  return new Map([...seen].filter(([, group]) => group.length > 1));
}

const key = (...parts: (string | number | undefined)[]) => parts.join('\u0000');

type Child = Entry<'axes' | 'objectives' | 'actions' | 'sections' | 'procedures'>;

/** Folders at the root of the built site that a document may not take as its name. */
export const RESERVED_ROOT_FOLDERS = ROOT_FOLDERS;

/**
 * Every page of a document sits in its folder, named after its file (src/lib/paths.ts): the axis
 * and section pages side by side, beside the folders of its actions, procedures and print page.
 * Two of them may not take one name, and a file may not sit in a sub-folder (its page would not
 * be built).
 */
function checkPageNames(entries: Entries, problems: Problem[]) {
  const folders = Object.values(DOCUMENT_FOLDERS) as string[];
  const taken = new Map<string, string>();
  const pages: [Child, string][] = [
    ...entries.axes.map((a) => [a, 'section-1.mdx, theme-3.mdx'] as [Child, string]),
    ...entries.sections.map((s) => [s, 'article-3.mdx, preambule.mdx'] as [Child, string]),
  ];
  for (const [e, example] of pages) {
    const name = localName(e.id);
    if (folders.includes(name)) {
      problems.push({
        file: e.file,
        field: '(nom du fichier)',
        value: name,
        message: 'nom réservé à un dossier du document (ses actions, ses procédures, sa version à imprimer)',
        allowed: `un autre nom que ${folders.join(', ')} (par exemple ${example})`,
      });
      continue;
    }
    const k = key(conventionOf(e.id), name);
    const other = taken.get(k);
    if (other)
      problems.push({
        file: e.file,
        field: '(nom du fichier)',
        value: name,
        message: `nom déjà pris par la page de ${other} : les axes et les sections d'un document ont leur page côte à côte`,
        allowed: 'un nom de fichier unique parmi les axes et les sections du document',
      });
    else taken.set(k, e.file);
  }
  for (const e of [...entries.axes, ...entries.objectives, ...entries.actions, ...entries.sections, ...entries.procedures]) {
    const name = localName(e.id);
    if (name.includes('/'))
      problems.push({
        file: e.file,
        field: '(nom du fichier)',
        value: name,
        message: 'fichier rangé dans un sous-dossier : sa page ne serait pas construite',
        allowed: `un fichier placé directement dans le dossier « ${conventionOf(e.id)}/ »`,
      });
  }
}

/** Glossary: one entry per term (variants included), related entries that exist. */
function checkGlossary(entries: Entries, problems: Problem[]) {
  const ids = new Set(entries.glossary.map((g) => g.id));
  const seen = new Map<string, string>();
  for (const g of entries.glossary) {
    for (const form of [g.data.term, ...(g.data.variants ?? [])]) {
      const k = g.data.caseSensitive === false ? form.toLowerCase() : form;
      const other = seen.get(k);
      if (other)
        problems.push({
          file: g.file,
          field: 'term',
          value: form,
          message: `terme déjà défini dans ${other}`,
          allowed: 'un terme ou une variante par fiche',
        });
      else seen.set(k, g.file);
    }
    for (const id of g.data.seeAlso ?? []) {
      if (!ids.has(id))
        problems.push({
          file: g.file,
          field: 'seeAlso',
          value: id,
          message: 'aucune fiche du glossaire ne porte ce nom',
          allowed: [...ids].join(', '),
        });
    }
  }
}

/** Organisations and roles: a name identifies one entry only. */
function checkOrganisations(entries: Entries, problems: Problem[]) {
  const seen = new Map<string, string>();
  for (const o of entries.organisations) {
    for (const name of o.data.names) {
      const k = fold(name);
      const other = seen.get(k);
      if (other && other !== o.file)
        problems.push({
          file: o.file,
          field: 'names',
          value: name,
          message: `nom déjà utilisé par ${other}`,
          allowed: 'un nom qui ne désigne que cet organisme ou ce rôle',
        });
      else seen.set(k, o.file);
    }
  }
}

/**
 * Checks what a schema cannot see alone: every reference resolves, numbers are unique within their
 * parent, statuses belong to the convention's own scale. Returns every problem found (empty when
 * the content is sound); the build stops on any.
 */
export function checkIntegrity(entries: Entries): Problem[] {
  const problems: Problem[] = [];
  const conventions = new Map(entries.conventions.map((c) => [c.id, c]));
  const conventionIds = [...conventions.keys()].join(', ') || '(aucune convention)';
  // A document's pages sit at the root of the site, beside the site's own folders.
  for (const c of entries.conventions) {
    if (RESERVED_ROOT_FOLDERS.includes(c.id)) {
      problems.push({
        file: c.file,
        field: '(nom du fichier)',
        value: c.id,
        message: 'nom réservé à une rubrique du site',
        allowed: `un autre nom que ${RESERVED_ROOT_FOLDERS.join(', ')}`,
      });
    }
  }
  checkGlossary(entries, problems);
  checkPageNames(entries, problems);
  checkOrganisations(entries, problems);
  const axes = new Set(entries.axes.map((a) => key(a.data.convention, a.data.number)));
  const objectives = new Set(entries.objectives.map((o) => key(o.data.convention, o.data.axis, o.data.number)));
  const sections = new Set(entries.sections.map((s) => key(s.data.convention, localName(s.id))));

  const unique = <T extends Child>(
    list: T[],
    scope: (e: T) => string | undefined,
    field: string,
    value: (e: T) => string | number | undefined,
    where: string,
  ) => {
    const groups = duplicates(list, (e) => {
      const v = value(e);
      const s = scope(e);
      return v === undefined || s === undefined ? undefined : key(s, v);
    });
    for (const group of groups.values()) {
      for (const e of group.slice(1)) {
        problems.push({
          file: e.file,
          field,
          value: value(e),
          message: `${field === 'order' ? 'position déjà utilisée' : 'numéro déjà utilisé'} ${where} (aussi dans ${group[0]!.file})`,
          allowed: field === 'order' ? 'une position unique dans le document' : "un numéro unique, tel qu'imprimé dans la source",
        });
      }
    }
  };

  // Every entry sits in the folder of its convention, which must exist.
  const children: Child[] = [...entries.axes, ...entries.objectives, ...entries.actions, ...entries.sections, ...entries.procedures];
  const known = new Set<Child>();
  for (const e of children) {
    if (!conventions.has(e.data.convention)) {
      problems.push({
        file: e.file,
        field: 'convention',
        value: e.data.convention,
        message: 'aucune convention ne porte cet identifiant',
        allowed: conventionIds,
      });
    } else if (!e.id.startsWith(`${e.data.convention}/`)) {
      problems.push({
        file: e.file,
        field: 'convention',
        value: e.data.convention,
        message: `le fichier doit être rangé dans un dossier « ${e.data.convention}/ »`,
        allowed: `le nom du dossier du fichier (${conventionOf(e.id)})`,
      });
    } else known.add(e);
  }
  const ok = <T extends Child>(list: T[]) => list.filter((e) => known.has(e));

  for (const [shortTitle, group] of duplicates(entries.conventions, (c) => c.data.shortTitle)) {
    for (const c of group.slice(1)) {
      problems.push({
        file: c.file,
        field: 'shortTitle',
        value: shortTitle,
        message: 'titre court déjà utilisé par une autre convention',
        allowed: 'un titre court unique',
      });
    }
  }
  for (const c of entries.conventions) {
    for (const code of duplicates(c.data.statusScale ?? [], (s) => s.code).keys()) {
      problems.push({
        file: c.file,
        field: 'statusScale',
        value: code,
        message: 'code de statut défini plusieurs fois',
        allowed: 'un code unique par statut',
      });
    }
  }

  unique(
    ok(entries.axes),
    (a) => a.data.convention,
    'number',
    (a) => a.data.number,
    'par un autre axe de la même convention',
  );
  unique(
    ok(entries.objectives),
    (o) => key(o.data.convention, o.data.axis),
    'number',
    (o) => o.data.number,
    'par un autre objectif du même axe',
  );
  // Actions are numbered across the document, or afresh in each axis or objective.
  const scopeWords = { document: 'de la même convention', axis: 'du même axe', objective: 'du même objectif' };
  // Each convention's actions and their numbers, gathered once (not per action: issue 9).
  const actionsOf = new Map<string, Entry<'actions'>[]>();
  for (const a of ok(entries.actions)) {
    const own = actionsOf.get(a.data.convention);
    if (own) own.push(a);
    else actionsOf.set(a.data.convention, [a]);
  }
  const numbersOf = new Map<string, Set<string | undefined>>();
  for (const a of entries.actions) {
    const numbers = numbersOf.get(a.data.convention);
    if (numbers) numbers.add(a.data.number);
    else numbersOf.set(a.data.convention, new Set([a.data.number]));
  }
  for (const c of entries.conventions) {
    const scope = c.data.levels.action.numbering ?? 'document';
    const scopeKey = (a: Entry<'actions'>) =>
      scope === 'document' ? '' : scope === 'axis' ? key(a.data.axis) : key(a.data.axis, a.data.objective ?? '');
    unique(actionsOf.get(c.id) ?? [], scopeKey, 'number', (a) => a.data.number, `par une autre action ${scopeWords[scope]}`);
  }
  unique(
    ok(entries.actions),
    (a) => a.data.convention,
    'order',
    (a) => a.data.order,
    'par une autre action de la même convention',
  );
  unique(
    ok(entries.sections),
    (s) => s.data.convention,
    'order',
    (s) => s.data.order,
    'par une autre section de la même convention',
  );
  unique(
    ok(entries.sections),
    (s) => key(s.data.convention, s.data.kind, s.data.parent),
    'number',
    (s) => s.data.number,
    'par une autre section du même type',
  );
  unique(
    ok(entries.procedures),
    (p) => p.data.convention,
    'order',
    (p) => p.data.order,
    'par une autre procédure de la même convention',
  );

  const sectionNames = (convention: string) =>
    entries.sections
      .filter((s) => s.data.convention === convention)
      .map((s) => localName(s.id))
      .join(', ') || '(aucune section dans cette convention)';
  const checkSection = (e: Child, field: string, name: string | undefined) => {
    if (name === undefined || sections.has(key(e.data.convention, name))) return;
    problems.push({
      file: e.file,
      field,
      value: name,
      message: `aucune section de la convention « ${e.data.convention} » ne porte ce nom de fichier`,
      allowed: sectionNames(e.data.convention),
    });
  };
  for (const s of ok(entries.sections)) {
    checkSection(s, 'parent', s.data.parent);
  }
  for (const a of ok(entries.axes)) checkSection(a, 'section', a.data.section);
  for (const p of ok(entries.procedures)) checkSection(p, 'section', p.data.section);

  const axesOf = (convention: string) =>
    entries.axes
      .filter((a) => a.data.convention === convention)
      .map((a) => a.data.number)
      .join(', ') || '(aucun axe dans cette convention)';
  const checkAxis = (e: Entry<'objectives' | 'actions'>) => {
    if (axes.has(key(e.data.convention, e.data.axis))) return true;
    problems.push({
      file: e.file,
      field: 'axis',
      value: e.data.axis,
      message: `aucun axe ne porte ce numéro dans la convention « ${e.data.convention} »`,
      allowed: axesOf(e.data.convention),
    });
    return false;
  };
  for (const objective of ok(entries.objectives)) checkAxis(objective);

  for (const action of ok(entries.actions)) {
    const { data } = action;
    if (checkAxis(action) && data.objective !== undefined && !objectives.has(key(data.convention, data.axis, data.objective))) {
      const knownObjectives = entries.objectives
        .filter((o) => o.data.convention === data.convention && o.data.axis === data.axis)
        .map((o) => o.data.number);
      problems.push({
        file: action.file,
        field: 'objective',
        value: data.objective,
        message: `aucun objectif ne porte ce numéro dans l'axe ${data.axis}`,
        allowed: knownObjectives.join(', ') || "(cet axe n'a pas d'objectif : retirez le champ)",
      });
    }
    if (data.kind !== 'mesure' && data.number === undefined) {
      problems.push({
        file: action.file,
        field: 'number',
        message: "une action doit porter son numéro tel qu'imprimé",
        allowed: 'le numéro de la source, ou kind: mesure pour un élément non numéroté',
      });
    }
    const numbers = numbersOf.get(data.convention)!;
    for (const [i, n] of (data.seeAlso ?? []).entries()) {
      if (!numbers.has(n)) {
        problems.push({
          file: action.file,
          field: `seeAlso.${i}`,
          value: n,
          message: `aucune action de la convention « ${data.convention} » ne porte ce numéro`,
          allowed: "le numéro d'une action du même document",
        });
      }
    }
    const scale = conventions.get(data.convention)!.data.statusScale ?? [];
    const codes = scale.map((s) => s.code);
    const allowed =
      scale.map((s) => `${s.code} (${s.legend})`).join(', ') || "aucun : ce document n'a pas d'échelle de statuts (statusScale)";
    const checkStatus = (field: string, code: string | undefined) => {
      if (code !== undefined && !codes.includes(code)) {
        problems.push({
          file: action.file,
          field,
          value: code,
          message: `statut inconnu de l'échelle de la convention « ${data.convention} »`,
          allowed,
        });
      }
    };
    checkStatus('status', data.status);
    data.reviews?.forEach((r, i) => checkStatus(`reviews.${i}.status`, r.status));
    data.subItems?.forEach((s, i) => checkStatus(`subItems.${i}.status`, s.status));
  }
  return problems;
}
