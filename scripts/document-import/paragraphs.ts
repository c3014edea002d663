/**
 * The paragraphs of a plan outside its tables (issue 22): level words opening them ("Axe 1 :",
 * "Article premier"), ranked by heading level then first appearance; headings with no level word
 * by their level; items as paragraphs opening with an item word, numbered or lettered list
 * paragraphs; the text under them left out, and said so.
 */
import type { Paragraph } from './blocks.ts';
import { isItemWord, labelNumber, letterOpening, levelOpening, normaliseSpace, numberOpening, stripBullet } from './levels.ts';
import { paragraphPlace, type Builder, type HeadingRole } from './plan.ts';

/**
 * The status column's header printed after a level's title, past a tab (« Objectif n°1 : Recruter⇥Ind. »,
 * a table flattened into paragraphs): not part of the title.
 */
const STATUS_HEADER = /\t+\s*(?:Ind\.?|Indicateurs?|Statut|[ÉE]tat d['’]avancement)\s*$/iu;

/** The body paragraphs, in order, outside the tables of actions. */
export function readParagraphs(paragraphs: Paragraph[], b: Builder, words: ParagraphWords): void {
  for (const p of paragraphs) {
    const text = p.text.replace(STATUS_HEADER, '');
    if (normaliseSpace(text) === '') continue;
    const opening = levelOpening(stripBullet(text));
    const folded = opening?.folded;
    const role = opening === undefined && p.headingLevel !== undefined ? words.headings?.get(p.headingLevel) : undefined;
    if (role) {
      b.addHeading(role, p);
      continue;
    }
    if (opening && folded === words.axis) {
      b.addAxis(opening, text, paragraphPlace(p));
      continue;
    }
    if (opening && folded === words.objective) {
      b.addObjective(opening, paragraphPlace(p));
      continue;
    }
    if (opening && folded !== undefined && folded === words.item && isItemWord(folded)) {
      b.words.action ??= opening.word;
      b.addItem({ number: opening.number, kind: 'action', ...withStatus(text, opening.rest, b), place: paragraphPlace(p) });
      continue;
    }
    if (!b.started) {
      b.plan.presentation.push(normaliseSpace(text));
      continue;
    }
    // A lettered paragraph: a commitment of its article, or a sub-item of the action above.
    const typed = letterOpening(text);
    const shownLetter = p.label && !p.bullet ? labelNumber(p.label) : undefined;
    const letter = typed?.letter ?? (shownLetter && /^[a-z]$/.test(shownLetter) ? shownLetter : undefined);
    if (letter) {
      const rest = typed ? typed.rest : normaliseSpace(text);
      if (words.letters && !words.item) {
        b.words.action ??= 'Engagement';
        b.addItem({ number: letter, kind: 'engagement', wording: rest, place: paragraphPlace(p) });
      } else if (!b.subItem(letter, rest, paragraphPlace(p)))
        b.plan.leftOut.push({ place: paragraphPlace(p), why: 'lettre sans action au-dessus' });
      continue;
    }
    // A numbered paragraph under the last level, when the document has no item word.
    const shownNumber = p.label && !p.bullet ? labelNumber(p.label) : undefined;
    const bare = numberOpening(text);
    if (!words.item && !words.letters && (shownNumber || bare)) {
      const number = shownNumber ?? bare!.number;
      b.addItem({ number, kind: 'action', wording: shownNumber ? normaliseSpace(text) : bare!.rest, place: paragraphPlace(p) });
      b.numberedParagraphs.push(paragraphPlace(p));
      continue;
    }
    b.plan.leftOut.push(
      b.currentItem
        ? { place: paragraphPlace(p), why: b.underItem(b.currentItem), text: true }
        : { place: paragraphPlace(p), why: 'texte entre deux niveaux du plan, sans action' },
    );
  }
}

/** The level words of the paragraphs, ranked: heading level first, then first appearance. */
export interface ParagraphWords {
  axis?: string;
  objective?: string;
  item?: string;
  letters: boolean;
  /** When no paragraph opens with a level word: the part each heading level plays. */
  headings?: Map<number, HeadingRole>;
}

/**
 * The parts heading levels play in a document whose headings carry no level word: the first
 * level is the axis; below it, if numbered paragraphs are the items, the second is the objective;
 * otherwise the deepest heading level is the item, and a level between the two the objective.
 */
function headingRoles(paragraphs: Paragraph[]): Map<number, HeadingRole> | undefined {
  const levels = [
    ...new Set(paragraphs.filter((p) => p.headingLevel !== undefined && normaliseSpace(p.text) !== '').map((p) => p.headingLevel!)),
  ].sort((a, b) => a - b);
  if (levels.length === 0) return undefined;
  const numberedItems = paragraphs.some(
    (p) => p.headingLevel === undefined && p.label && !p.bullet && /^\d/.test(labelNumber(p.label) ?? ''),
  );
  const roles = new Map<number, HeadingRole>([[levels[0]!, 'axis']]);
  if (numberedItems) {
    if (levels[1] !== undefined) roles.set(levels[1], 'objective');
  } else if (levels.length >= 2) {
    roles.set(levels.at(-1)!, 'item');
    if (levels.length >= 3) roles.set(levels[1]!, 'objective');
  }
  return roles;
}

export function paragraphWords(paragraphs: Paragraph[]): ParagraphWords {
  const seen = new Map<string, { rank: number; first: number; count: number }>();
  paragraphs.forEach((p, i) => {
    const opening = levelOpening(stripBullet(p.text));
    if (!opening || (opening.number === undefined && opening.numberWord === undefined)) return;
    const entry = seen.get(opening.folded) ?? { rank: 99, first: i, count: 0 };
    entry.count++;
    if (p.headingLevel !== undefined) entry.rank = Math.min(entry.rank, p.headingLevel);
    seen.set(opening.folded, entry);
  });
  const ranked = [...seen.entries()].sort((a, b) => a[1].rank - b[1].rank || a[1].first - b[1].first).map(([w]) => w);
  const item = ranked.find(isItemWord);
  const structure = ranked.filter((w) => !isItemWord(w));
  const letters = paragraphs.some((p) => letterOpening(p.text) || (p.label && !p.bullet && /^[a-z]$/.test(labelNumber(p.label) ?? '')));
  return {
    axis: structure[0],
    objective: structure[1],
    item,
    letters,
    ...(structure.length === 0 && !item ? { headings: headingRoles(paragraphs) } : {}),
  };
}

/**
 * A status code printed after the item's text, past a tab ("Action n°1 : Recruter⇥⇥R", a table
 * flattened into paragraphs): taken as its status when the legend has that code.
 */
function withStatus(text: string, rest: string, b: Builder): { wording: string; status?: string } {
  const code = /\t\s*([A-Z]{1,4})\s*$/.exec(text)?.[1];
  if (code === undefined || !b.plan.scale.some((s) => s.code === code)) return { wording: rest };
  return { wording: rest.slice(0, rest.lastIndexOf(code)).trimEnd(), status: code };
}
