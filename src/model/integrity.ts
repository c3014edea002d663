import type { Entries, Entry, CollectionName } from './collections.ts';
import type { Problem } from './problems.ts';

/** Finds values that occur more than once, keeping the entries that repeat them. */
function duplicates<T>(items: T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const seen = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    seen.set(k, [...(seen.get(k) ?? []), item]);
  }
  return new Map([...seen].filter(([, group]) => group.length > 1));
}

function reportDuplicates<C extends CollectionName>(
  problems: Problem[],
  entries: Entry<C>[],
  scope: (e: Entry<C>) => string,
  field: string,
  value: (e: Entry<C>) => string | number | undefined,
  where: string,
) {
  const groups = duplicates(entries, (e) => {
    const v = value(e);
    return v === undefined ? undefined : `${scope(e)}\u0000${v}`;
  });
  for (const group of groups.values()) {
    const others = group.map((e) => e.file);
    for (const e of group.slice(1)) {
      problems.push({
        file: e.file,
        field,
        value: value(e),
        message: `numéro déjà utilisé ${where} (aussi dans ${others.filter((f) => f !== e.file).join(', ')})`,
        allowed: 'un numéro unique, tel qu\'imprimé dans la source',
      });
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
  const axisKey = (convention: string, axis: string) => `${convention}\u0000${axis}`;
  const axes = new Set(entries.axes.map((a) => axisKey(a.data.convention, a.data.number)));
  const objectives = new Set(
    entries.objectives.map((o) => `${axisKey(o.data.convention, o.data.axis)}\u0000${o.data.number}`),
  );

  const checkConvention = (e: Entry<'axes' | 'objectives' | 'actions'>) => {
    if (conventions.has(e.data.convention)) return true;
    problems.push({
      file: e.file,
      field: 'convention',
      value: e.data.convention,
      message: 'aucune convention ne porte cet identifiant',
      allowed: conventionIds,
    });
    return false;
  };
  const axesOf = (convention: string) =>
    entries.axes.filter((a) => a.data.convention === convention).map((a) => a.data.number).join(', ') ||
    '(aucun axe dans cette convention)';
  const checkAxis = (e: Entry<'objectives' | 'actions'>) => {
    if (axes.has(axisKey(e.data.convention, e.data.axis))) return true;
    problems.push({
      file: e.file,
      field: 'axis',
      value: e.data.axis,
      message: `aucun axe ne porte ce numéro dans la convention « ${e.data.convention} »`,
      allowed: axesOf(e.data.convention),
    });
    return false;
  };

  // Unique numbers within their parent, unique positions within the convention.
  for (const [shortTitle, group] of duplicates(entries.conventions, (c) => c.data.shortTitle)) {
    for (const c of group.slice(1)) {
      problems.push({ file: c.file, field: 'shortTitle', value: shortTitle, message: 'titre court déjà utilisé par une autre convention', allowed: 'un titre court unique' });
    }
  }
  reportDuplicates(problems, entries.axes, (a) => a.data.convention, 'number', (a) => a.data.number, 'par un autre axe de la même convention');
  reportDuplicates(problems, entries.objectives, (o) => axisKey(o.data.convention, o.data.axis), 'number', (o) => o.data.number, 'par un autre objectif du même axe');
  reportDuplicates(problems, entries.actions, (a) => a.data.convention, 'number', (a) => a.data.number, 'par une autre action de la même convention');
  reportDuplicates(problems, entries.actions, (a) => a.data.convention, 'order', (a) => a.data.order, 'comme position par une autre action de la même convention');

  for (const c of entries.conventions) {
    for (const code of duplicates(c.data.statusScale, (s) => s.code).keys()) {
      problems.push({ file: c.file, field: 'statusScale', value: code, message: 'code de statut défini plusieurs fois', allowed: 'un code unique par statut' });
    }
  }

  for (const axis of entries.axes) checkConvention(axis);
  for (const objective of entries.objectives) if (checkConvention(objective)) checkAxis(objective);

  for (const action of entries.actions) {
    if (!checkConvention(action)) continue;
    const { data } = action;
    if (checkAxis(action) && data.objective !== undefined) {
      if (!objectives.has(`${axisKey(data.convention, data.axis)}\u0000${data.objective}`)) {
        const known = entries.objectives
          .filter((o) => o.data.convention === data.convention && o.data.axis === data.axis)
          .map((o) => o.data.number);
        problems.push({
          file: action.file,
          field: 'objective',
          value: data.objective,
          message: `aucun objectif ne porte ce numéro dans l'axe ${data.axis}`,
          allowed: known.join(', ') || "(cet axe n'a pas d'objectif : retirez le champ)",
        });
      }
    }
    if (data.kind === 'action' && data.number === undefined) {
      problems.push({ file: action.file, field: 'number', message: 'une action doit porter son numéro tel qu\'imprimé', allowed: 'le numéro de la source, ou kind: mesure pour un élément non numéroté' });
    }
    const scale = conventions.get(data.convention)!.data.statusScale;
    const codes = scale.map((s) => s.code);
    const allowed = scale.map((s) => `${s.code} (${s.legend})`).join(', ');
    const checkStatus = (field: string, code: string | undefined) => {
      if (code !== undefined && !codes.includes(code)) {
        problems.push({ file: action.file, field, value: code, message: `statut inconnu de l'échelle de la convention « ${data.convention} »`, allowed });
      }
    };
    checkStatus('status', data.status);
    data.reviews?.forEach((r, i) => checkStatus(`reviews.${i}.status`, r.status));
    data.subItems?.forEach((s, i) => checkStatus(`subItems.${i}.status`, s.status));
  }
  return problems;
}
