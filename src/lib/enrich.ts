/**
 * Last touch on every built page, inside <main> only: the first occurrence of each glossary term
 * is marked <abbr> and linked to its entry (RGAA 8.? / WCAG 3.1.4: the expansion is one link
 * away, not hidden behind a hover), and each "cf. annexe 4", "cf. action 7.2" of a document
 * becomes a link when the document has that item. Text inside links, headings, buttons, labels,
 * code and existing abbreviations is left as it is, and so is any element marked
 * `data-sans-glossaire` (labels such as the document name above a title).
 */
import type { Catalogue } from './catalogue.ts';
import type { GlossaryNode } from './crosscut.ts';
import { localName } from './catalogue.ts';
import { joinBase } from './paths.ts';
import { escapeRegExp } from './mentions.ts';

const SKIP = new Set(['a', 'abbr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'label', 'script', 'style', 'code', 'pre', 'textarea', 'select', 'option', 'summary', 'title', 'svg', 'caption']);

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A regular expression for a glossary term in page text (HTML-escaped apostrophes included). */
export function termPattern(entry: GlossaryNode['data']): RegExp {
  const forms = [entry.term, ...(entry.variants ?? [])]
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/'/g, "(?:'|’|&#39;)").replace(/\s+/g, '\\s+'));
  // A hyphen joins words: "CAP" is not marked inside "CAP-BEP".
  return new RegExp(`(?<![\\p{L}\\p{N}&#-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, entry.caseSensitive === false ? 'iu' : 'u');
}

/** Each term's pattern, compiled once for the whole build rather than once per page. */
const patterns = new WeakMap<GlossaryNode, RegExp>();
function patternOf(g: GlossaryNode): RegExp {
  let pattern = patterns.get(g);
  if (!pattern) patterns.set(g, (pattern = termPattern(g.data)));
  return pattern;
}

export interface EnrichContext {
  /** The page's path under the base ("inserm…/actions/action-12/"). */
  path: string;
  base: string;
  catalogue: Pick<Catalogue, 'glossary' | 'conventions'>;
}

/** Where a "cf." points inside a document, as a base-relative path. */
function crossReference(catalogue: EnrichContext['catalogue'], conventionId: string, kind: string, number: string): string | undefined {
  const convention = catalogue.conventions.find((c) => c.id === conventionId);
  if (!convention) return undefined;
  switch (kind.toLowerCase()) {
    case 'annexe':
    case 'article':
      return convention.sections.find((s) => localName(s.id) === `${kind.toLowerCase()}-${number}`)?.path;
    case 'action':
      return convention.actions.find((a) => a.data.number === number)?.path;
    case 'axe':
    case 'thème':
      return convention.axes.find((a) => a.data.number === number)?.path;
    default:
      return undefined;
  }
}

export function enrichHtml(html: string, { path, base, catalogue }: EnrichContext): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < 0) return html;
  const conventionId = path.split('/')[0] ?? '';
  const terms = catalogue.glossary
    .filter((g) => g.path !== path)
    .map((g) => ({ g, pattern: patternOf(g), done: false }));
  // Tags (quoted attribute values may hold ">"), comments, and the text between them.
  const parts = html.slice(start, end).split(/(<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>)/);
  // Open elements whose text is left alone: by name (SKIP), or marked data-sans-glossaire.
  const skipped: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.startsWith('<')) {
      const tag = part.match(/^<\/?([a-zA-Z0-9]+)/)?.[1]?.toLowerCase();
      if (!tag || part.startsWith('<!') || part.endsWith('/>')) continue;
      if (part.startsWith('</')) {
        if (skipped.at(-1) === tag) skipped.pop();
      } else if (SKIP.has(tag) || /\sdata-sans-glossaire\b/.test(part)) skipped.push(tag);
      continue;
    }
    if (skipped.length > 0 || !part.trim()) continue;
    // Cross-references first: their link text must not also become a glossary link.
    let text = part.replace(/\bcf\.\s+((?:l['’]|la |le )?)(annexe|action|article|axe|thème)\s+(\d+(?:\.\d+)*)/giu, (match, article: string, kind: string, number: string) => {
      const target = crossReference(catalogue, conventionId, kind, number);
      return target ? `cf. ${article}<a href="${joinBase(base, target)}">${kind} ${number}</a>` : match;
    });
    // Glossary terms, first occurrence on the page, never inside a link made here (nor in the
    // expansion of a term just marked).
    for (const t of terms) {
      // Most terms are absent from most pieces of text: look before cutting the text up.
      if (t.done || !t.pattern.test(text)) continue;
      text = text
        .split(/(<a\b[^>]*>.*?<\/a>)/)
        .map((chunk) => {
          if (t.done || chunk.startsWith('<a')) return chunk;
          return chunk.replace(t.pattern, (found) => {
            t.done = true;
            const inner = t.g.data.expansion ? `<abbr title="${escapeAttr(t.g.data.expansion)}">${found}</abbr>` : found;
            return `<a class="terme" href="${joinBase(base, t.g.path)}">${inner}</a>`;
          });
        })
        .join('');
    }
    parts[i] = text;
  }
  return html.slice(0, start) + parts.join('') + html.slice(end);
}
