/**
 * Changes a few values in the YAML front matter of an MDX file and leaves every other byte as it
 * was: the `yaml` Document API locates the nodes (their offsets in the source), and only their
 * text is replaced or a line inserted. Keys, order, comments, quoting of the other values and the
 * MDX body are untouched. The result is parsed again and compared with the expected data.
 */
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parse, parseDocument, type Scalar, type YAMLMap } from 'yaml';

/** One change to an action's front matter. */
export type FrontmatterEdit =
  | { kind: 'set'; path: (string | number)[]; value: string }
  /** Adds `{ round, status[, comment] }` to `statuses`, before the item at `before` (or at the end). */
  | { kind: 'add-status'; round: string; status: string; comment?: string; before?: number }
  /** Adds a key to a one-line map (`{ round: a, status: R }` gets `comment`). */
  | { kind: 'add-key'; path: (string | number)[]; key: string; value: string }
  /** Adds a review round at the end of a document's `rounds` (a list of block maps). */
  | { kind: 'add-round'; round: NewRound }
  /** Adds a dated entry at the end of a document's `updates` (created after `published` when absent). */
  | { kind: 'add-update'; date: string; note: string }
  /** Adds `{ round, value[, source] }` at the end of `indicators[indicator].values` (created when absent; issue 24). */
  | { kind: 'add-value'; indicator: number; round: string; value: number; source?: string };

/** A review round added from the workbook's new-round column. */
export interface NewRound {
  id: string;
  label: string;
  date?: string;
  period?: string;
}

const roundData = (r: NewRound) => ({
  id: r.id,
  label: r.label,
  ...(r.date ? { date: r.date } : {}),
  ...(r.period ? { period: r.period } : {}),
});

/** Keys that follow `statuses` in an action (src/model/action.ts): a new `statuses` goes before the first one present. */
const AFTER_STATUSES = ['withdrawn', 'subItems', 'responsible', 'dates', 'themes', 'audience', 'notes', 'sourceNotes'];

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

/** A string as YAML, in the style the value had (plain when it can stay plain, else double-quoted). */
export function renderScalar(value: string, style: Scalar['type'] | undefined): string {
  if (style === 'PLAIN' && /^[A-Za-z][A-Za-z0-9._-]*$/.test(value) && !RESERVED.test(value)) return value;
  if (style === 'QUOTE_SINGLE' && !/[\n\r\t]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** Keys written as plain YAML when they can be (identifiers and codes); other strings are double-quoted. */
const PLAIN = new Set(['convention', 'kind', 'role', 'status', 'round', 'id', 'numbering', 'direction']);

/** A value of a field as YAML, in the content's style: identifiers and codes plain, other strings double-quoted. */
export const scalar = (key: string, v: unknown): string =>
  typeof v === 'string' ? renderScalar(v, PLAIN.has(key) ? 'PLAIN' : 'QUOTE_DOUBLE') : String(v);

/** A map on one line of YAML: `{ round: b2027, value: 6.4, source: "…" }`. */
export const flowMap = (o: Record<string, unknown>): string =>
  Object.keys(o).length === 0
    ? '{}'
    : `{ ${Object.entries(o)
        .map(([k, v]) => `${k}: ${scalar(k, v)}`)
        .join(', ')} }`;

const valueData = (e: { round: string; value: number; source?: string }) => ({
  round: e.round,
  value: e.value,
  ...(e.source !== undefined ? { source: e.source } : {}),
});

const commentText = (comment: string | undefined) => (comment === undefined ? '' : `, comment: ${renderScalar(comment, 'QUOTE_DOUBLE')}`);

/** The front matter of an MDX file: its text and where it sits in the file. */
function frontmatterOf(source: string): { start: number; end: number } {
  const open = source.startsWith('---\r\n') ? 5 : source.startsWith('---\n') ? 4 : -1;
  if (open < 0) throw new Error('en-tête YAML introuvable (le fichier doit commencer par ---)');
  const close = source.indexOf('\n---', open - 1);
  if (close < 0) throw new Error('fin de l’en-tête YAML introuvable (---)');
  return { start: open, end: close + 1 };
}

/** Applies the edits to plain data, as the file would read once edited. */
export function applyToData(data: Record<string, unknown>, edits: FrontmatterEdit[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const edit of edits) {
    if (edit.kind === 'set') {
      let node: Record<string | number, unknown> = copy;
      for (const key of edit.path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      node[edit.path.at(-1)!] = edit.value;
    } else if (edit.kind === 'add-key') {
      let node: Record<string | number, unknown> = copy;
      for (const key of edit.path) node = node[key] as Record<string | number, unknown>;
      node[edit.key] = edit.value;
    } else if (edit.kind === 'add-round') {
      ((copy.rounds ??= []) as unknown[]).push(roundData(edit.round));
    } else if (edit.kind === 'add-update') {
      ((copy.updates ??= []) as unknown[]).push({ date: edit.date, note: edit.note });
    } else if (edit.kind === 'add-value') {
      const indicator = (copy.indicators as Record<string, unknown>[])[edit.indicator]!;
      ((indicator.values ??= []) as unknown[]).push(valueData(edit));
    } else {
      const statuses = (copy.statuses ??= []) as unknown[];
      const item = { round: edit.round, status: edit.status, ...(edit.comment !== undefined ? { comment: edit.comment } : {}) };
      statuses.splice(edit.before ?? statuses.length, 0, item);
    }
  }
  return copy;
}

/** Returns the file's text with the edits made; throws (in French) when it cannot do so safely. */
export function editFrontmatter(source: string, edits: FrontmatterEdit[]): string {
  const { start, end } = frontmatterOf(source);
  const fm = source.slice(start, end);
  const doc = parseDocument(fm);
  if (doc.errors.length > 0) throw new Error(`en-tête YAML illisible : ${doc.errors[0]!.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new Error('l’en-tête YAML n’est pas un ensemble de champs');
  const splices: { at: number; remove: number; text: string }[] = [];
  let createdStatuses: { at: number; remove: number; text: string } | undefined;
  const lineStart = (offset: number) => fm.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const n = fm.indexOf('\n', offset);
    return n < 0 ? fm.length : n + 1;
  };

  for (const edit of edits) {
    if (edit.kind === 'set') {
      const node = doc.getIn(edit.path, true);
      if (!isScalar(node) || !node.range) throw new Error(`champ « ${edit.path.join('.')} » introuvable ou non textuel`);
      splices.push({ at: node.range[0], remove: node.range[1] - node.range[0], text: renderScalar(edit.value, node.type) });
      continue;
    }
    if (edit.kind === 'add-key') {
      const node = doc.getIn(edit.path, true);
      if (!isMap(node) || !node.flow || !node.range || fm[node.range[1] - 1] !== '}') {
        throw new Error(`champ « ${edit.path.join('.')} » : seuls les éléments sur une ligne ({ … }) peuvent être complétés`);
      }
      const close = node.range[1] - 1;
      const at = fm[close - 1] === ' ' ? close - 1 : close;
      splices.push({ at, remove: 0, text: `, ${edit.key}: ${renderScalar(edit.value, 'QUOTE_DOUBLE')}` });
      continue;
    }
    if (edit.kind === 'add-round') {
      const rounds = root.get('rounds', true);
      const block = isSeq(rounds) && rounds.items.length > 0 && rounds.items.every((i) => isMap(i) && !i.flow && i.range);
      // One-line rounds ({ id: …, label: … }), as the fixture site writes them, get a one-line round.
      const oneLine = isSeq(rounds) && rounds.items.length > 0 && rounds.items.every((i) => isMap(i) && i.flow && i.range);
      if (!isSeq(rounds) || rounds.flow || !(block || oneLine)) {
        throw new Error('champ « rounds » absent ou dans une forme que l’import ne sait pas compléter : ajoutez le bilan à la main');
      }
      const first = rounds.items[0] as { range: [number, number, number] };
      const last = rounds.items.at(-1) as { range: [number, number, number] };
      const prefix = fm.slice(lineStart(first.range[0]), first.range[0]);
      const indent = ' '.repeat(prefix.length);
      const fields = Object.entries(roundData(edit.round)).map(
        ([k, v]) => `${k}: ${renderScalar(v, k === 'id' ? 'PLAIN' : 'QUOTE_DOUBLE')}`,
      );
      const lines = oneLine ? [`${prefix}{ ${fields.join(', ')} }\n`] : fields.map((f, i) => `${i === 0 ? prefix : indent}${f}\n`);
      const end = last.range[1];
      splices.push({ at: fm[end - 1] === '\n' ? end : lineEnd(end), remove: 0, text: lines.join('') });
      continue;
    }
    if (edit.kind === 'add-update') {
      splices.push(updateSplice(fm, root, edit, lineStart, lineEnd));
      continue;
    }
    if (edit.kind === 'add-value') {
      splices.push(valueSplice(fm, doc.getIn(['indicators', edit.indicator], true), edit, lineStart, lineEnd));
      continue;
    }
    const seq = root.get('statuses', true);
    if (seq === undefined) {
      const item = `  - { round: ${renderScalar(edit.round, 'PLAIN')}, status: ${renderScalar(edit.status, 'PLAIN')}${commentText(edit.comment)} }\n`;
      // A status for an older round and one for the new round, on an action that had none: one list.
      if (createdStatuses) {
        createdStatuses.text += item;
        continue;
      }
      const next = root.items.find((pair) => isScalar(pair.key) && AFTER_STATUSES.includes(String(pair.key.value)));
      const at = next && isScalar(next.key) && next.key.range ? lineStart(next.key.range[0]) : fm.length;
      createdStatuses = { at, remove: 0, text: `${at > 0 && fm[at - 1] !== '\n' ? '\n' : ''}statuses:\n${item}` };
      splices.push(createdStatuses);
      continue;
    }
    if (!isSeq(seq) || seq.flow || seq.items.length === 0)
      throw new Error('champ « statuses » dans une forme que l’import ne sait pas compléter');
    const items = seq.items;
    const anchor = items[edit.before ?? items.length] as { range: [number, number, number] } | undefined;
    const last = items.at(-1) as { range: [number, number, number] };
    // A list written as block maps (round: on one line, status: on the next, evidence below), as
    // a hand-written file may have it (issue 24: a status with evidence is no one-line item).
    if (items.every((item) => isMap(item) && !item.flow && item.range)) {
      const first = items[0] as { range: [number, number, number] };
      const prefix = fm.slice(lineStart(first.range[0]), first.range[0]);
      const indent = ' '.repeat(prefix.length);
      const text =
        `${prefix}round: ${renderScalar(edit.round, 'PLAIN')}\n${indent}status: ${renderScalar(edit.status, 'PLAIN')}\n` +
        (edit.comment === undefined ? '' : `${indent}comment: ${renderScalar(edit.comment, 'QUOTE_DOUBLE')}\n`);
      const end = last.range[1];
      splices.push({ at: anchor ? lineStart(anchor.range[0]) : fm[end - 1] === '\n' ? end : lineEnd(end), remove: 0, text });
      continue;
    }
    if (!items.every((item) => isMap(item) && item.flow && item.range)) {
      throw new Error(
        'champ « statuses » : éléments sur une ligne ({ round: …, status: … }) et sur plusieurs lignes mêlés ; écrivez-les tous de la même façon',
      );
    }
    const sample = items[0] as NonNullable<(typeof items)[number]> & { range: [number, number, number] };
    const sampleStatus = doc.getIn(['statuses', 0, 'status'], true);
    const padded = fm.slice(sample.range[0], sample.range[0] + 2) === '{ ';
    const prefix = fm.slice(lineStart(sample.range[0]), sample.range[0]);
    const body = `round: ${renderScalar(edit.round, 'PLAIN')}, status: ${renderScalar(edit.status, isScalar(sampleStatus) ? sampleStatus.type : 'PLAIN')}${commentText(edit.comment)}`;
    const line = `${prefix}${padded ? `{ ${body} }` : `{${body}}`}\n`;
    splices.push({ at: anchor ? lineStart(anchor.range[0]) : lineEnd(last.range[1]), remove: 0, text: line });
  }

  let edited = fm;
  // From the end, so that offsets stay right; at the same offset, the later edit first, so that
  // the texts end up in the order of the edits.
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  for (const s of ordered) edited = edited.slice(0, s.at) + s.text + edited.slice(s.at + s.remove);
  // Safety net: the edited text must read as the old data with exactly these edits.
  const expected = applyToData(parse(fm) as Record<string, unknown>, edits);
  if (!isDeepStrictEqual(parse(edited), expected)) throw new Error('la modification de l’en-tête YAML ne donne pas les valeurs attendues');
  return source.slice(0, start) + edited + source.slice(end);
}

/**
 * Where and what to insert for a new `updates` entry (issue 20: a new round dates the document's
 * update): after the last entry, in its indentation, or a new `updates` list after `published`.
 */
function updateSplice(
  fm: string,
  root: YAMLMap,
  edit: { date: string; note: string },
  lineStart: (offset: number) => number,
  lineEnd: (offset: number) => number,
): { at: number; remove: number; text: string } {
  const entry = (prefix: string, indent: string) =>
    `${prefix}date: ${renderScalar(edit.date, 'QUOTE_DOUBLE')}\n${indent}note: ${renderScalar(edit.note, 'QUOTE_DOUBLE')}\n`;
  const updates = root.get('updates', true);
  if (updates === undefined) {
    const published = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'published');
    const value = published?.value;
    const at = isScalar(value) && value.range ? lineEnd(value.range[1]) : fm.length;
    return { at, remove: 0, text: `${at > 0 && fm[at - 1] !== '\n' ? '\n' : ''}updates:\n${entry('  - ', '    ')}` };
  }
  const oneLine = isSeq(updates) && updates.items.length > 0 && updates.items.every((i) => isMap(i) && i.flow && i.range);
  if (
    !isSeq(updates) ||
    updates.flow ||
    updates.items.length === 0 ||
    !(oneLine || updates.items.every((i) => isMap(i) && !i.flow && i.range))
  ) {
    throw new Error('champ « updates » dans une forme que l’import ne sait pas compléter : ajoutez la mise à jour à la main');
  }
  const first = updates.items[0] as { range: [number, number, number] };
  const last = updates.items.at(-1) as { range: [number, number, number] };
  const prefix = fm.slice(lineStart(first.range[0]), first.range[0]);
  const end = last.range[1];
  const text = oneLine
    ? `${prefix}{ date: ${renderScalar(edit.date, 'QUOTE_DOUBLE')}, note: ${renderScalar(edit.note, 'QUOTE_DOUBLE')} }\n`
    : entry(prefix, ' '.repeat(prefix.length));
  return { at: fm[end - 1] === '\n' ? end : lineEnd(end), remove: 0, text };
}

/**
 * Where and what to insert for an indicator's new value (issue 24): a line after its last value,
 * in that value's indentation, or a `values` list at the end of the indicator (a block map).
 */
function valueSplice(
  fm: string,
  indicator: unknown,
  edit: { round: string; value: number; source?: string },
  lineStart: (offset: number) => number,
  lineEnd: (offset: number) => number,
): { at: number; remove: number; text: string } {
  if (!isMap(indicator) || indicator.flow || !indicator.range || indicator.items.length === 0) {
    throw new Error('indicateur dans une forme que l’import ne sait pas compléter : ajoutez la valeur à la main');
  }
  const values = indicator.get('values', true);
  const after = (end: number) => (fm[end - 1] === '\n' ? end : lineEnd(end));
  if (values === undefined) {
    const first = indicator.items[0]!.key as { range?: [number, number, number] };
    const last = indicator.items.at(-1)!.value as { range?: [number, number, number] } | null;
    if (!first.range || !last?.range) throw new Error('indicateur illisible : ajoutez la valeur à la main');
    const indent = ' '.repeat(first.range[0] - lineStart(first.range[0]));
    return { at: after(last.range[1]), remove: 0, text: `${indent}values:\n${indent}  - ${flowMap(valueData(edit))}\n` };
  }
  if (!isSeq(values) || values.flow || values.items.length === 0 || !values.items.every((i) => isMap(i) && i.range)) {
    throw new Error('champ « values » d’un indicateur dans une forme que l’import ne sait pas compléter : ajoutez la valeur à la main');
  }
  const first = values.items[0] as { range: [number, number, number] };
  const last = values.items.at(-1) as { range: [number, number, number] };
  const prefix = fm.slice(lineStart(first.range[0]), first.range[0]);
  return { at: after(last.range[1]), remove: 0, text: `${prefix}${flowMap(valueData(edit))}\n` };
}
