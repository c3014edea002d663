import type { CollectionName, Entries, Entry } from './collections.ts';
import type { Problem } from './problems.ts';
import { fold } from './text.ts';
import { conventionOf, DOCUMENT_FOLDERS, localName, ROOT_FOLDERS } from './ids.ts';
import { Matcher } from './matcher.ts';
import { textsOf } from './texts.ts';

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

/**
 * The files that did not validate, by collection: id → front matter as read (undefined when it
 * could not be read at all). A link that could point to one of them is not reported: their own
 * problem is, and once it is fixed the next check sees the link.
 */
export type Unvalidated = Partial<Record<CollectionName, ReadonlyMap<string, unknown>>>;

/** What every check reads: the entries, the conventions by id, the files that did not validate, and where problems go. */
interface Context {
  entries: Entries;
  conventions: Map<string, Entry<'conventions'>>;
  /** The conventions' ids, as listed in a message. */
  conventionIds: string;
  unvalidated: Unvalidated;
  problems: Problem[];
}

/** The items of a list that sit in their convention's folder (see checkConventionFolders). */
type Placed = <T extends Child>(list: T[]) => T[];

const CHILD_COLLECTIONS = ['axes', 'objectives', 'actions', 'sections', 'procedures'] as const;

/** Whether a file of `collection` that did not validate has this id. */
const unvalidatedId = (ctx: Context, collection: CollectionName, id: string) => ctx.unvalidated[collection]?.has(id) ?? false;

/**
 * Whether a file of `collection` in the folder of `convention` that did not validate could be the
 * one a link names by `fields` ({ number: "9" }): each field is written with that value, or not
 * readably (missing, a list…), in its front matter.
 */
function unvalidatedMatch(ctx: Context, collection: CollectionName, convention: string, fields: Record<string, string> = {}): boolean {
  const could = (raw: unknown) =>
    Object.entries(fields).every(([name, wanted]) => {
      const found = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
      return (typeof found !== 'string' && typeof found !== 'number') || String(found) === wanted;
    });
  return [...(ctx.unvalidated[collection] ?? [])].some(([id, raw]) => conventionOf(id) === convention && could(raw));
}

/** Folders at the root of the built site that a document may not take as its name. */
export const RESERVED_ROOT_FOLDERS = ROOT_FOLDERS;

/**
 * Every page of a document sits in its folder, named after its file (src/lib/paths.ts): the axis
 * and section pages side by side, beside the folders of its actions, procedures and print page.
 * Two of them may not take one name, and a file may not sit in a sub-folder (its page would not
 * be built).
 */
function checkPageNames({ entries, problems }: Context) {
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
        message: 'nom réservé à un dossier du document (ses actions, ses procédures, sa version à imprimer, ses bilans, ses indicateurs)',
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
function checkGlossary(ctx: Context) {
  const { entries, problems } = ctx;
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
      if (!ids.has(id) && !unvalidatedId(ctx, 'glossary', id))
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

/**
 * Expressions declared in another language (src/model/languages.ts): each one is written, with the
 * same case and as whole words, in a text it declares: the document's own texts and its items'
 * (fields and bodies), or a glossary entry's own. A slip would otherwise mark nothing, silently.
 * A document with an item that did not validate is left out: the phrase may be in that item.
 */
function checkForeignPhrases(ctx: Context) {
  const { entries, problems } = ctx;
  const check = (file: string, declared: { text: string }[] | undefined, texts: string[], where: string) => {
    if (!declared?.length) return;
    const found = new Matcher(declared.map((d, i) => ({ value: i, forms: [d.text], caseSensitive: true }))).valuesIn(texts);
    declared.forEach((d, i) => {
      if (!found.has(i))
        problems.push({
          file,
          field: 'foreignPhrases',
          value: d.text,
          message: `expression introuvable dans ${where} : elle n’y serait marquée nulle part`,
          allowed: 'l’expression recopiée telle qu’elle est écrite (mêmes majuscules, mots entiers) dans un titre, un libellé ou un texte',
        });
    });
  };
  const items = [...entries.axes, ...entries.objectives, ...entries.actions, ...entries.sections, ...entries.procedures];
  for (const c of entries.conventions) {
    if (!c.data.foreignPhrases?.length || CHILD_COLLECTIONS.some((name) => unvalidatedMatch(ctx, name, c.id))) continue;
    const own = items.filter((e) => e.data.convention === c.id);
    check(c.file, c.data.foreignPhrases, [textsOf(c), ...own.map(textsOf)].flat(), 'les textes du document et de ses éléments');
  }
  for (const g of entries.glossary) check(g.file, g.data.foreignPhrases, textsOf(g), 'le terme, sa forme développée ou sa définition');
}

/** Organisations and roles: a name identifies one entry only. */
function checkOrganisations({ entries, problems }: Context) {
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

/** Orders partial dates (2022, 2022-03, 2022-03-15): a date before another, or undefined when one holds the other. */
function before(a: string, b: string): boolean | undefined {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n) ? undefined : a < b;
}

/** A document's rounds (unique, in order), its updates (after publication, in order) and the documents it replaces. */
function checkDocumentHistory(ctx: Context, c: Entry<'conventions'>) {
  const { conventions, conventionIds, problems } = ctx;
  const rounds = c.data.rounds ?? [];
  rounds.forEach((r, i) => {
    if (rounds.findIndex((x) => x.id === r.id) !== i)
      problems.push({
        file: c.file,
        field: `rounds.${i}.id`,
        value: r.id,
        message: 'bilan déjà déclaré',
        allowed: 'un identifiant unique par bilan',
      });
    const previous = rounds[i - 1];
    if (previous?.date && r.date && before(r.date, previous.date))
      problems.push({
        file: c.file,
        field: `rounds.${i}.date`,
        value: r.date,
        message: `les bilans se suivent du plus ancien au plus récent : celui-ci précède « ${previous.label} » (${previous.date})`,
        allowed: `une date postérieure à ${previous.date}, ou ce bilan placé plus haut dans la liste`,
      });
  });
  let last = c.data.published;
  (c.data.updates ?? []).forEach((u, i) => {
    if (u.date < last)
      problems.push({
        file: c.file,
        field: `updates.${i}.date`,
        value: u.date,
        message: `les mises à jour suivent la publication (${c.data.published}) et se suivent dans l'ordre`,
        allowed: `une date à partir du ${last}`,
      });
    else last = u.date;
  });
  for (const field of ['replaces', 'replacedBy'] as const) {
    const other = c.data[field];
    if (other === undefined || unvalidatedId(ctx, 'conventions', other)) continue;
    if (other === c.id || !conventions.has(other))
      problems.push({
        file: c.file,
        field,
        value: other,
        message: 'aucun autre document ne porte cet identifiant',
        allowed: conventionIds,
      });
    else {
      const back = conventions.get(other)!.data[field === 'replaces' ? 'replacedBy' : 'replaces'];
      if (back !== c.id)
        problems.push({
          file: c.file,
          field,
          value: other,
          message: `le lien doit aller dans les deux sens : « ${other} » doit porter ${field === 'replaces' ? 'replacedBy' : 'replaces'}: ${c.id}`,
          allowed: `${field === 'replaces' ? 'replacedBy' : 'replaces'}: ${c.id} dans ${conventions.get(other)!.file}`,
        });
    }
  }
}

/** An action's statuses per round: known rounds, in their order, once each; its withdrawal, after them. */
function checkActionRounds(
  ctx: Context,
  action: Entry<'actions'>,
  convention: Entry<'conventions'>,
  numbers: Set<string | undefined>,
  checkStatus: (field: string, code: string | undefined) => void,
) {
  const { problems } = ctx;
  const rounds = (convention.data.rounds ?? []).map((r) => r.id);
  const allowed = rounds.join(', ') || 'aucun : ce document ne déclare pas de bilan (rounds)';
  const position = (id: string) => rounds.indexOf(id);
  let previous = -1;
  /** The round's position in the document, or -1 after reporting it unknown. */
  const known = (field: string, id: string) => {
    const at = position(id);
    if (at < 0) problems.push({ file: action.file, field, value: id, message: `bilan inconnu du document « ${convention.id} »`, allowed });
    return at;
  };
  (action.data.statuses ?? []).forEach((s, i) => {
    checkStatus(`statuses.${i}.status`, s.status);
    const at = known(`statuses.${i}.round`, s.round);
    if (at < 0) return;
    if (at <= previous)
      problems.push({
        file: action.file,
        field: `statuses.${i}.round`,
        value: s.round,
        message: 'un statut par bilan, dans l’ordre des bilans du document',
        allowed: `un bilan après ${rounds[previous]} : ${rounds.slice(previous + 1).join(', ') || '(aucun)'}`,
      });
    else previous = at;
  });
  const w = action.data.withdrawn;
  if (!w) return;
  const at = known('withdrawn.round', w.round);
  if (at >= 0 && at <= previous)
    problems.push({
      file: action.file,
      field: 'withdrawn.round',
      value: w.round,
      message: `l'action a encore un statut au bilan ${rounds[previous]} : elle ne peut être retirée qu'après`,
      allowed: rounds.slice(previous + 1).join(', ') || '(aucun bilan après le dernier statut)',
    });
  const into = w.mergedInto;
  if (into === undefined) return;
  const unknown = !numbers.has(into) && !unvalidatedMatch(ctx, 'actions', convention.id, { number: into });
  if (unknown || into === action.data.number)
    problems.push({
      file: action.file,
      field: 'withdrawn.mergedInto',
      value: w.mergedInto,
      message: `aucune autre action du document « ${convention.id} » ne porte ce numéro`,
      allowed: "le numéro de l'action qui reprend celle-ci",
    });
}

/** A document's pages sit at the root of the site, beside the site's own folders. */
function checkReservedNames({ entries, problems }: Context) {
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
}

/**
 * Every item sits in the folder of its convention, which must exist. Returns the items that do:
 * the checks below read their convention.
 */
function checkConventionFolders(ctx: Context): Set<Child> {
  const { entries, conventions, conventionIds, problems } = ctx;
  const placed = new Set<Child>();
  for (const e of CHILD_COLLECTIONS.flatMap((name): Child[] => entries[name])) {
    if (!conventions.has(e.data.convention)) {
      if (unvalidatedId(ctx, 'conventions', e.data.convention)) continue;
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
    } else placed.add(e);
  }
  return placed;
}

/** Each document has a short title of its own. */
function checkShortTitles({ entries, problems }: Context) {
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
}

/** Each status code of a document's scale is defined once. */
function checkStatusScales({ entries, problems }: Context) {
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
}

/** Reports the items of `list` whose value repeats another's in the same scope (the first one keeps it). */
function checkUnique<T extends Child>(
  problems: Problem[],
  list: T[],
  scope: (e: T) => string | undefined,
  field: 'number' | 'order',
  value: (e: T) => string | number | undefined,
  where: string,
) {
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
}

type CheckUnique = <T extends Child>(
  list: T[],
  scope: (e: T) => string | undefined,
  field: 'number' | 'order',
  value: (e: T) => string | number | undefined,
  where: string,
) => void;

/** Numbers are unique within their parent, positions within their document. */
function checkNumbering({ entries, problems }: Context, ok: Placed) {
  const unique: CheckUnique = (...args) => checkUnique(problems, ...args);
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
  // Each convention's actions, gathered once (not per action: issue 9).
  const actionsOf = groupBy(ok(entries.actions), (a) => a.data.convention);
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
}

/** The items of `list` by the key each one gives. */
function groupBy<T>(list: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

/** A section's parent, an axis's or a procedure's section: a section of the same document. */
function checkSectionLinks(ctx: Context, placed: Placed) {
  const { entries, problems } = ctx;
  const sections = new Set(entries.sections.map((s) => key(s.data.convention, localName(s.id))));
  const sectionNames = (convention: string) =>
    entries.sections
      .filter((s) => s.data.convention === convention)
      .map((s) => localName(s.id))
      .join(', ') || '(aucune section dans cette convention)';
  const checkSection = (e: Child, field: string, name: string | undefined) => {
    if (name === undefined || sections.has(key(e.data.convention, name))) return;
    if (unvalidatedId(ctx, 'sections', `${e.data.convention}/${name}`)) return;
    problems.push({
      file: e.file,
      field,
      value: name,
      message: `aucune section de la convention « ${e.data.convention} » ne porte ce nom de fichier`,
      allowed: sectionNames(e.data.convention),
    });
  };
  for (const s of placed(entries.sections)) checkSection(s, 'parent', s.data.parent);
  for (const a of placed(entries.axes)) checkSection(a, 'section', a.data.section);
  for (const p of placed(entries.procedures)) checkSection(p, 'section', p.data.section);
}

/**
 * The pages a procedure's step concerns (issue 23): actions and sections of the same document,
 * glossary entries of the site. Each must exist, since its page will say it is part of the step.
 */
function checkStepLinks(ctx: Context, placed: Placed, numbersOf: Map<string, Set<string | undefined>>) {
  const { entries, problems } = ctx;
  const sections = new Set(entries.sections.map((s) => key(s.data.convention, localName(s.id))));
  const glossary = new Set(entries.glossary.map((g) => g.id));
  for (const p of placed(entries.procedures)) {
    const { convention } = p.data;
    const report = (field: string, value: string, message: string, allowed: string) =>
      problems.push({ file: p.file, field, value, message, allowed });
    for (const [i, step] of p.data.steps.entries()) {
      for (const [j, n] of (step.actions ?? []).entries()) {
        if (numbersOf.get(convention)?.has(n) || unvalidatedMatch(ctx, 'actions', convention, { number: n })) continue;
        report(
          `steps.${i}.actions.${j}`,
          n,
          `aucune action de la convention « ${convention} » ne porte ce numéro`,
          'le numéro d’une action du même document, tel qu’imprimé',
        );
      }
      for (const [j, name] of (step.sections ?? []).entries()) {
        if (sections.has(key(convention, name)) || unvalidatedId(ctx, 'sections', `${convention}/${name}`)) continue;
        report(
          `steps.${i}.sections.${j}`,
          name,
          `aucune section de la convention « ${convention} » ne porte ce nom de fichier`,
          'le nom de fichier (sans .mdx) d’une partie du même document',
        );
      }
      for (const [j, id] of (step.glossary ?? []).entries()) {
        if (glossary.has(id) || unvalidatedId(ctx, 'glossary', id)) continue;
        report(
          `steps.${i}.glossary.${j}`,
          id,
          'aucun terme du glossaire ne porte ce nom de fichier',
          'le nom de fichier (sans .mdx) d’un terme du dossier glossaire',
        );
      }
    }
  }
}

/**
 * An objective's or an action's axis: an axis of the same document. Returns whether it is one
 * (false as well when an axis of the document did not validate: the axis is then unknown).
 */
function checkAxisLink(ctx: Context, axes: Set<string>, e: Entry<'objectives' | 'actions'>): boolean {
  if (axes.has(key(e.data.convention, e.data.axis))) return true;
  if (unvalidatedMatch(ctx, 'axes', e.data.convention, { number: e.data.axis })) return false;
  const axesOf =
    ctx.entries.axes
      .filter((a) => a.data.convention === e.data.convention)
      .map((a) => a.data.number)
      .join(', ') || '(aucun axe dans cette convention)';
  ctx.problems.push({
    file: e.file,
    field: 'axis',
    value: e.data.axis,
    message: `aucun axe ne porte ce numéro dans la convention « ${e.data.convention} »`,
    allowed: axesOf,
  });
  return false;
}

/** An action's objective, when it names one: an objective of its axis. */
function checkObjectiveLink(ctx: Context, objectives: Set<string>, action: Entry<'actions'>) {
  const { data } = action;
  if (data.objective === undefined || objectives.has(key(data.convention, data.axis, data.objective))) return;
  if (unvalidatedMatch(ctx, 'objectives', data.convention, { axis: data.axis, number: data.objective })) return;
  const knownObjectives = ctx.entries.objectives
    .filter((o) => o.data.convention === data.convention && o.data.axis === data.axis)
    .map((o) => o.data.number);
  ctx.problems.push({
    file: action.file,
    field: 'objective',
    value: data.objective,
    message: `aucun objectif ne porte ce numéro dans l'axe ${data.axis}`,
    allowed: knownObjectives.join(', ') || "(cet axe n'a pas d'objectif : retirez le champ)",
  });
}

/** An action carries its printed number (a measure may not), and the actions it refers to exist. */
function checkActionNumbers(ctx: Context, action: Entry<'actions'>, numbers: Set<string | undefined>) {
  const { data } = action;
  if (data.kind !== 'mesure' && data.number === undefined) {
    ctx.problems.push({
      file: action.file,
      field: 'number',
      message: "une action doit porter son numéro tel qu'imprimé",
      allowed: 'le numéro de la source, ou kind: mesure pour un élément non numéroté',
    });
  }
  for (const [i, n] of (data.seeAlso ?? []).entries()) {
    if (!numbers.has(n) && !unvalidatedMatch(ctx, 'actions', data.convention, { number: n })) {
      ctx.problems.push({
        file: action.file,
        field: `seeAlso.${i}`,
        value: n,
        message: `aucune action de la convention « ${data.convention} » ne porte ce numéro`,
        allowed: "le numéro d'une action du même document",
      });
    }
  }
}

/** An action's statuses (its sub-items' too) belong to its document's scale, at the document's rounds. */
function checkActionStatuses(ctx: Context, action: Entry<'actions'>, numbers: Set<string | undefined>) {
  const { data } = action;
  const convention = ctx.conventions.get(data.convention)!;
  const scale = convention.data.statusScale ?? [];
  const codes = scale.map((s) => s.code);
  const allowed =
    scale.map((s) => `${s.code} (${s.legend})`).join(', ') || "aucun : ce document n'a pas d'échelle de statuts (statusScale)";
  const checkStatus = (field: string, code: string | undefined) => {
    if (code !== undefined && !codes.includes(code)) {
      ctx.problems.push({
        file: action.file,
        field,
        value: code,
        message: `statut inconnu de l'échelle de la convention « ${data.convention} »`,
        allowed,
      });
    }
  };
  data.subItems?.forEach((s, i) => checkStatus(`subItems.${i}.status`, s.status));
  checkActionRounds(ctx, action, convention, numbers, checkStatus);
}

/**
 * Indicators (src/model/indicator.ts) of a document and of its actions: an id names one indicator
 * in the whole document (pages and exports find it by that id), and its values are given at the
 * document's rounds, one per round.
 */
function checkIndicators(ctx: Context, placed: Placed) {
  const actionsOf = groupBy(placed(ctx.entries.actions), (a) => a.data.convention);
  for (const c of ctx.entries.conventions) {
    const rounds = (c.data.rounds ?? []).map((r) => r.id);
    const allowedRounds = rounds.join(', ') || 'aucun : ce document ne déclare pas de bilan (rounds)';
    /** The file that first declared each id. */
    const declared = new Map<string, string>();
    for (const e of [c, ...(actionsOf.get(c.id) ?? [])]) {
      (e.data.indicators ?? []).forEach((indicator, i) => {
        const report = (field: string, value: string, message: string, allowed: string) =>
          ctx.problems.push({ file: e.file, field: `indicators.${i}.${field}`, value, message, allowed });
        const first = declared.get(indicator.id);
        if (first === undefined) declared.set(indicator.id, e.file);
        else
          report(
            'id',
            indicator.id,
            `indicateur déjà déclaré${first === e.file ? ' dans ce fichier' : ` dans ${first}`} : un identifiant ne désigne qu’un indicateur du document`,
            `un identifiant unique dans le document et ses actions (par exemple ${indicator.id}-2)`,
          );
        const seen = new Set<string>();
        (indicator.values ?? []).forEach((v, j) => {
          if (!rounds.includes(v.round)) report(`values.${j}.round`, v.round, `bilan inconnu du document « ${c.id} »`, allowedRounds);
          else if (seen.has(v.round))
            report(
              `values.${j}.round`,
              v.round,
              'ce bilan a déjà sa valeur plus haut : une valeur par bilan',
              'un autre bilan du document, ou une seule des deux valeurs',
            );
          seen.add(v.round);
        });
      });
    }
  }
}

/**
 * Checks what a schema cannot see alone: every reference resolves, numbers are unique within their
 * parent, statuses belong to the convention's own scale. Runs on the entries that validated;
 * `unvalidated` names the files that did not, so that no link to them is reported. Returns every
 * problem found (empty when the content is sound); the build stops on any.
 */
export function checkIntegrity(entries: Entries, unvalidated: Unvalidated = {}): Problem[] {
  const conventions = new Map(entries.conventions.map((c) => [c.id, c]));
  const ctx: Context = {
    entries,
    conventions,
    conventionIds: [...conventions.keys()].join(', ') || '(aucune convention)',
    unvalidated,
    problems: [],
  };
  checkReservedNames(ctx);
  checkGlossary(ctx);
  checkForeignPhrases(ctx);
  checkPageNames(ctx);
  checkOrganisations(ctx);
  const inFolder = checkConventionFolders(ctx);
  const placed: Placed = (list) => list.filter((e) => inFolder.has(e));
  for (const c of entries.conventions) checkDocumentHistory(ctx, c);
  checkShortTitles(ctx);
  checkStatusScales(ctx);
  checkNumbering(ctx, placed);
  checkSectionLinks(ctx, placed);

  const axes = new Set(entries.axes.map((a) => key(a.data.convention, a.data.number)));
  const objectives = new Set(entries.objectives.map((o) => key(o.data.convention, o.data.axis, o.data.number)));
  // Each document's action numbers, gathered once (not per action: issue 9).
  const numbersOf = new Map(
    [...groupBy(entries.actions, (a) => a.data.convention)].map(([c, list]) => [c, new Set(list.map((a) => a.data.number))]),
  );
  for (const objective of placed(entries.objectives)) checkAxisLink(ctx, axes, objective);
  for (const action of placed(entries.actions)) {
    if (checkAxisLink(ctx, axes, action)) checkObjectiveLink(ctx, objectives, action);
    const numbers = numbersOf.get(action.data.convention)!;
    checkActionNumbers(ctx, action, numbers);
    checkActionStatuses(ctx, action, numbers);
  }
  checkStepLinks(ctx, placed, numbersOf);
  checkIndicators(ctx, placed);
  return ctx.problems;
}
