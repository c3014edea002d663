/**
 * The one pass over the content of each page's <main> (run by src/layouts/Base.astro on what the
 * page renders there), on its tree: parsed once, changed in one walk, written once. It does
 * together:
 *
 * - id scoping: an element carrying `data-prefixe-ids="p-"` (and optionally
 *   `data-decalage-titres="2"`) has every id below it prefixed, and the attributes pointing to
 *   ids (for, aria-labelledby, aria-describedby, aria-controls, href="#…") follow; its headings
 *   move down that many levels (at most h6). Used where several document texts share a page (the
 *   print version), so that two texts with a heading "Le constat" do not give two elements the
 *   same id (RGAA 8.2) and each text's headings sit under the heading introducing it (RGAA 9.1);
 * - tables: a table not yet inside a scroll region (tables written in the documents' own text)
 *   gets the same region as src/components/ScrollRegion.astro: a focusable section named after the
 *   table's caption or column headers, scrolling on its own at 320 px (RGAA 10.11, WCAG 2.1.1);
 * - "cf. annexe 4", "cf. action 7.2"… of a document become links when the document has the item;
 * - glossary terms: the first occurrence of each is marked <abbr> and linked to its entry (the
 *   expansion is one link away, not hidden behind a hover);
 * - passages in another language that the content declares (./foreign.ts): every occurrence, in
 *   every text (headings, links, labels included), gets <span lang="…"> (RGAA 8.7).
 *
 * Where each of these goes (which text counts, where a term may be marked, which table is wrapped)
 * is decided in one place, the rule table of ./rules.ts, which both walkers below read. A term
 * that crosses the edge of a passage in another language is not marked there either.
 *
 * Pages made of lists (indexes, the table of all actions) and the lists that end a page (the slot
 * `hors-texte` of src/layouts/Base.astro) get the language marks only (`languageOnly`): their
 * labels are not the documents' text, but the titles they print are read aloud all the same.
 * Those naming nothing in another language are not even parsed (./page-pass.ts).
 */
import { fromHtml } from 'hast-util-from-html';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml, type Options as ToHtmlOptions } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h, s } from 'hastscript';
import { defaultTreeAdapter, html as p5html, parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { Catalogue, GlossaryNode } from '../catalogue/types.ts';
import { localName } from '../catalogue/catalogue.ts';
import { mentionForms } from '../catalogue/crosscut.ts';
import { joinBase } from '../lib/paths.ts';
import { Matcher } from '../model/matcher.ts';
import { NOT_TEXT_ATTRIBUTE, TERM_CLASS } from './mentions.ts';
import { foreignForms, languageRanges, termLanguage } from './foreign.ts';
import { mainPlace, placement, textChanges, type ElementFacts, type Place } from './rules.ts';

/** One page for the pass: where it is, and whether it gets the language marks alone (see the module's comment). */
export interface PassPage {
  /** The page's path under the base ("inserm…/actions/action-12/"). */
  path: string;
  base: string;
  /** The language marks alone: pages made of lists, the lists ending a page. */
  languageOnly?: boolean;
}

/**
 * What the pass needs of the catalogue, as plain data (it crosses to the worker thread that runs the
 * pass during a build, ./page-pass.ts): where a "cf." may point, and what the matcher finds.
 */
export interface PassData {
  /** "cf." targets per document: `${conventionId}/${kind} ${number}` ("…/annexe 4", "…/action 7.2") → base-relative path. */
  references: [string, string][];
  /**
   * The forms the matcher finds (src/catalogue/crosscut.ts `mentionForms`, then ./foreign.ts
   * `foreignForms`): a glossary term with its page and expansion, an organisation, or an expression
   * in another language (`lang`, also on a glossary term written in another language).
   */
  findables: Findable[];
}
type Findable = { forms: string[]; caseSensitive: boolean; term?: { path: string; expansion?: string }; lang?: string };

/** The pass's data, from the catalogue: computed once per build (src/catalogue/site.ts). */
export function passData(catalogue: Pick<Catalogue, 'glossary' | 'organisations' | 'conventions'>): PassData {
  const references = new Map<string, string>();
  const add = (conventionId: string, kind: string, number: string | undefined, path: string) => {
    const key = `${conventionId}/${kind} ${number}`;
    if (number !== undefined && !references.has(key)) references.set(key, path);
  };
  for (const c of catalogue.conventions) {
    for (const s of c.sections) {
      const [, kind, number] = /^(annexe|article)-(.+)$/.exec(localName(s.id)) ?? [];
      if (kind) add(c.id, kind, number, s.path);
    }
    for (const a of c.actions) add(c.id, 'action', a.data.number, a.path);
    for (const a of c.axes) {
      add(c.id, 'axe', a.data.number, a.path);
      add(c.id, 'thème', a.data.number, a.path);
    }
  }
  const findables: Findable[] = mentionForms(catalogue.glossary, catalogue.organisations).map(({ value, forms, caseSensitive }) => {
    const lang = 'term' in value.data ? termLanguage(value as GlossaryNode) : undefined;
    return {
      forms,
      caseSensitive,
      term: 'term' in value.data ? { path: value.path, expansion: value.data.expansion } : undefined,
      ...(lang ? { lang } : {}),
    };
  });
  findables.push(...foreignForms(catalogue));
  return { references: [...references], findables };
}

const entry = (f: Findable) => ({ value: f, forms: f.forms, caseSensitive: f.caseSensitive });

/**
 * The one matcher of the expressions in another language (glossary terms with a `lang`, declared
 * phrases): the pass's marks, the breadcrumb's (src/components/Breadcrumb.astro) and the look that
 * skips list pages naming none (./page-pass.ts). Undefined when the content declares none.
 */
export type LanguageMatcher = Matcher<Findable>;
export function languageMatcher(data: PassData): LanguageMatcher | undefined {
  const foreign = data.findables.filter((f) => f.lang);
  return foreign.length > 0 ? new Matcher(foreign.map(entry)) : undefined;
}

/**
 * The pass compiled for a site, ready for any number of pages: `main` on the content of a page's
 * <main> as Astro rendered it, `tree` on a hast tree of it (what `main` does where it cannot
 * splice, and what its result must equal).
 */
export interface PagePass {
  main(content: string, page: PassPage): string;
  tree(root: Root, page: PassPage): Root;
}

/** Compiles the pass's data once (the matcher, the lookups); `languages`, when the caller has compiled it already. */
export function compilePass(data: PassData, languages: LanguageMatcher | undefined = languageMatcher(data)): PagePass {
  const lookups: Lookups = {
    references: new Map(data.references),
    termAt: new Map(data.findables.flatMap((f) => (f.term ? [[f.term.path, f] as const] : []))),
    matcher: new Matcher(data.findables.map(entry)),
    languages,
  };
  return {
    main: (content, page) => {
      const pass = pageState(lookups, page);
      return spliceMain(content, pass) ?? toHtml(pass.tree(fromHtml(content, { fragment: true })), WRITE);
    },
    tree: (root, page) => pageState(lookups, page).tree(root),
  };
}

interface Lookups {
  references: Map<string, string>;
  termAt: Map<string, Findable>;
  matcher: Matcher<Findable>;
  /** The matcher of the expressions in another language alone (see `languageMatcher`). */
  languages: LanguageMatcher | undefined;
}

const CROSS_REFERENCE = /\bcf\.\s+((?:l['’]|la |le )?)(annexe|action|article|axe|thème)\s+(\d+(?:\.\d+)*)/giu;

const text = (value: string): Text => ({ type: 'text', value });

/** Applies the scoping declared by `data-prefixe-ids` / `data-decalage-titres` below `container`. */
function scope(container: Element, prefix: string, shift: number) {
  const prefixed = (v: unknown) => (Array.isArray(v) ? v.map((id) => prefix + String(id)) : prefix + String(v));
  const walk = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const p = child.properties;
      for (const key of ['id', 'htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls']) {
        if (p[key] !== undefined && p[key] !== null) p[key] = prefixed(p[key]);
      }
      if (typeof p.href === 'string' && p.href.startsWith('#') && p.href.length > 1) p.href = `#${prefix}${p.href.slice(1)}`;
      const level = /^h([1-6])$/.exec(child.tagName)?.[1];
      if (level && shift > 0) child.tagName = `h${Math.min(6, Number(level) + shift)}`;
      walk(child);
    }
  };
  walk(container);
}

/** A bare table wrapped as ScrollRegion.astro wraps the site's own tables. */
function scrollRegion(table: Element): Element {
  const caption = table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
  const properties: Element['properties'] = { className: ['tableau'], tabIndex: 0 };
  if (caption && typeof caption.properties.id === 'string') properties.ariaLabelledBy = [caption.properties.id];
  else {
    const headers: string[] = [];
    const collect = (n: Element) => {
      for (const c of n.children) {
        if (c.type !== 'element') continue;
        if (c.tagName === 'th') {
          const t = toString(c).replace(/\s+/g, ' ').trim();
          if (t) headers.push(t);
        } else collect(c);
      }
    };
    collect(table);
    const named = caption ? toString(caption).replace(/\s+/g, ' ').trim() : '';
    properties.ariaLabel = named || (headers.length > 0 ? `Tableau : ${headers.join(', ')}` : 'Tableau');
  }
  return { type: 'element', tagName: 'section', properties, children: [table] };
}

/** Written as Astro writes: named references (&amp;), apostrophes left as they are in attributes. */
const WRITE: ToHtmlOptions = {
  collapseEmptyAttributes: true,
  allowDangerousCharacters: true,
  characterReferences: { useNamedReferences: true },
};

/** What the rules read of a hast element (attributes under their hast property names). */
function hastFacts(el: Element): ElementFacts {
  const p = el.properties;
  return {
    tagName: el.tagName,
    prefixIds: p.dataPrefixeIds === undefined ? undefined : String(p.dataPrefixeIds),
    shiftHeadings: p.dataDecalageTitres === undefined ? undefined : String(p.dataDecalageTitres),
    notText: p.dataSansGlossaire !== undefined,
    hasLang: p.lang !== undefined,
    scrollRegion: el.tagName === 'section' && Array.isArray(p.className) && p.className.includes('tableau'),
  };
}

/** What the rules read of a parse5 element (attributes under their HTML names). */
function parse5Facts(el: P5.Element): ElementFacts {
  const attribute = (name: string) => el.attrs.find((a) => a.name === name)?.value;
  return {
    tagName: el.tagName,
    prefixIds: attribute('data-prefixe-ids'),
    shiftHeadings: attribute('data-decalage-titres'),
    notText: attribute(NOT_TEXT_ATTRIBUTE) !== undefined,
    hasLang: attribute('lang') !== undefined,
    scrollRegion: el.tagName === 'section' && (attribute('class')?.split(/\s+/).includes('tableau') ?? false),
  };
}

/**
 * The pass on the content of a <main>, as Astro rendered it (src/layouts/Base.astro gives its
 * slot): returns that content changed, or undefined when it must go through the tree.
 *
 * The result is the same as if the whole content had been turned into a tree, changed and written
 * back with hast-util-to-html (`PagePass.tree`), but cheaper: it is parsed by parse5 alone (no hast
 * tree for all of it), and only what the pass or the writer would change is written again; the
 * rest is copied as Astro wrote it. Written again:
 * - a text the pass changes ("cf." links, marks), or whose spelling the writer would change (a
 *   character reference: Astro writes `&#39;`, hast-util-to-html `'`);
 * - a start tag the writer might spell otherwise (see `plainStartTag`);
 * - the elements the pass changes as a whole (id scoping, tables to wrap) and templates: turned
 *   into a hast tree and run through the tree's walk, marking terms on the way in document
 *   order like the rest.
 * Content the parser had to mend (a missing end tag, an element it added) goes the whole way
 * through the tree instead, so that the result never depends on how Astro spelled it.
 */
function spliceMain(content: string, pass: PageState): string | undefined {
  // As hast-util-from-html parses: <noscript> holds elements, not text.
  const fragment = parseFragment(MAIN, content, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  // Replacements of ranges of `content`, in document order.
  const edits: { start: number; end: number; html: string }[] = [];
  let mended = false;
  /** Writes a start tag again, from the element's attributes, when Astro's spelling may differ. */
  const startTag = (el: P5.Element, tag: { startOffset: number; endOffset: number }) => {
    if (plainStartTag(content.slice(tag.startOffset, tag.endOffset))) return;
    const properties = Object.fromEntries(el.attrs.map((a) => [a.prefix ? `${a.prefix}:${a.name}` : a.name, a.value]));
    const written = toHtml((el.namespaceURI === p5html.NS.SVG ? s : h)(el.tagName, properties), WRITE);
    const close = `</${el.tagName}>`;
    edits.push({ start: tag.startOffset, end: tag.endOffset, html: written.endsWith(close) ? written.slice(0, -close.length) : written });
  };

  const walk = (parent: P5.ParentNode, place: Place) => {
    const parentTag = isElement(parent) ? parent.tagName : '';
    const rawText = parentTag === 'script' || parentTag === 'style';
    for (const child of parent.childNodes) {
      const at = child.sourceCodeLocation;
      if (!at) {
        mended = true;
        return;
      }
      if (child.nodeName === '#text') {
        const { value } = child as P5.TextNode;
        const replacement = textChanges(place) && value.trim() ? pass.changeText(value, place) : undefined;
        if (replacement) edits.push({ start: at.startOffset, end: at.endOffset, html: toHtml(replacement, WRITE) });
        else if (!rawText && /[&<\r]/.test(content.slice(at.startOffset, at.endOffset)))
          edits.push({ start: at.startOffset, end: at.endOffset, html: toHtml(text(value), WRITE) });
        continue;
      }
      if (child.nodeName === '#comment') {
        const { data } = child as P5.CommentNode;
        if (content.slice(at.startOffset, at.endOffset) !== `<!--${data}-->`)
          edits.push({ start: at.startOffset, end: at.endOffset, html: toHtml({ type: 'comment', value: data }, WRITE) });
        continue;
      }
      if (!isElement(child)) continue;
      const el = child;
      const { scope: scoped, wrap, inside } = placement(parse5Facts(el), place);
      // parse5 keeps a template's content apart from its children: the tree reads it.
      if (scoped || wrap || (place.structure && el.tagName === 'template')) {
        // Changed as a whole: through the tree's walk (the element as parse5 read it, not read again).
        const tree: Root = { type: 'root', children: [fromParse5(el) as Element] };
        pass.walk(tree, place);
        edits.push({ start: at.startOffset, end: at.endOffset, html: toHtml(tree, WRITE) });
        continue;
      }
      const { startTag: tag, endTag } = el.sourceCodeLocation ?? {};
      if (!tag || (!endTag && !VOID.has(el.tagName))) {
        mended = true;
        return;
      }
      startTag(el, tag);
      walk(el, inside);
      if (mended) return;
    }
  };
  walk(fragment, pass.start);
  if (mended) return undefined;
  let out = '';
  let last = 0;
  for (const e of edits) {
    out += content.slice(last, e.start) + e.html;
    last = e.end;
  }
  return out + content.slice(last);
}

/**
 * A start tag that hast-util-to-html writes exactly as Astro did: lower-case names, each attribute
 * either `name="value"` with a value of single-spaced tokens free of the characters the writer
 * escapes or splits lists on, or a bare `data-…` (an empty value, which the writer leaves bare).
 */
const PLAIN_START_TAG = /^<[a-z][a-z0-9-]*(?: (?:[a-z][a-z0-9-]*="[^\s"&'<>,]+(?: [^\s"&'<>,]+)*"|data-[a-z0-9-]+))*>$/;
const plainStartTag = (tag: string) => PLAIN_START_TAG.test(tag);

const isElement = (node: P5.ChildNode | P5.ParentNode): node is P5.Element => 'tagName' in node;

/** What <main> holds is parsed as it is inside <main>. */
const MAIN = defaultTreeAdapter.createElement('main', p5html.NS.HTML, []);

/** Elements without an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The state of the pass over one page (the terms already marked) and its steps: the change of one
 * text, and the walk of a tree below a place the rules (./rules.ts) have given.
 */
type PageState = ReturnType<typeof pageState>;
function pageState({ references, termAt, matcher, languages }: Lookups, { path, base, languageOnly = false }: PassPage) {
  const conventionId = path.split('/')[0] ?? '';
  // A glossary entry's own page does not link the term to itself: it counts as already marked.
  const own = termAt.get(path);
  const marked = new Set<Findable>(own ? [own] : []);
  const start = mainPlace(languageOnly);

  /**
   * Replacement for a text node at `place`: in running text (`markable`) "cf." links and the first
   * marks of terms; where a language may be marked (`foreign`), the passages in another language.
   */
  const changeText = (value: string, { markable, foreign }: Place): ElementContent[] | undefined => {
    const languageMarks = foreign && languages !== undefined;
    if (!markable && !languageMarks) return undefined;
    const pieces: ElementContent[] = [];
    let last = 0;
    let changed = false;
    for (const m of markable ? value.matchAll(CROSS_REFERENCE) : []) {
      const [match, article = '', kind = '', number = ''] = m;
      const target = references.get(`${conventionId}/${kind.toLowerCase()} ${number}`);
      if (!target) continue;
      pieces.push(text(value.slice(last, m.index) + `cf. ${article}`));
      pieces.push({ type: 'element', tagName: 'a', properties: { href: joinBase(base, target) }, children: [text(`${kind} ${number}`)] });
      last = m.index + match.length;
      changed = true;
    }
    pieces.push(text(value.slice(last)));
    const out: ElementContent[] = [];
    for (const piece of pieces) {
      if (piece.type !== 'text') {
        out.push(piece);
        continue;
      }
      const found = (markable ? matcher : languages!).find(piece.value);
      // The text cut into the passages in another language and the runs between them; a term is
      // marked inside one of them, never across the edge of a passage.
      const segments: { start: number; end: number; lang?: string }[] = [];
      let from = 0;
      for (const r of languageMarks ? languageRanges(found) : []) {
        if (r.start > from) segments.push({ start: from, end: r.start });
        segments.push(r);
        from = r.end;
      }
      if (from < piece.value.length) segments.push({ start: from, end: piece.value.length });
      for (const segment of segments) {
        const inner: ElementContent[] = [];
        let at = segment.start;
        for (const o of markable ? found : []) {
          if (o.start < at || o.end > segment.end) continue;
          const entry = o.values.find((v) => v.term && !marked.has(v));
          const term = entry?.term;
          if (!term) continue;
          marked.add(entry);
          const written = piece.value.slice(o.start, o.end);
          const mark: ElementContent = term.expansion
            ? { type: 'element', tagName: 'abbr', properties: { title: term.expansion }, children: [text(written)] }
            : text(written);
          if (o.start > at) inner.push(text(piece.value.slice(at, o.start)));
          inner.push({
            type: 'element',
            tagName: 'a',
            properties: { className: [TERM_CLASS], href: joinBase(base, term.path) },
            children: [mark],
          });
          at = o.end;
          changed = true;
        }
        if (at < segment.end) inner.push(text(piece.value.slice(at, segment.end)));
        if (segment.lang) {
          out.push({ type: 'element', tagName: 'span', properties: { lang: segment.lang }, children: inner });
          changed = true;
        } else out.push(...inner);
      }
    }
    return changed ? out.filter((n) => n.type !== 'text' || n.value !== '') : undefined;
  };

  /** Walks below `parent`, whose content stands at `place`. */
  const walk = (parent: Root | Element, place: Place) => {
    const children = parent.children as (RootContent | ElementContent)[];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type === 'element') {
        const { scope: scoped, wrap, inside } = placement(hastFacts(child), place);
        if (scoped) {
          scope(child, scoped.prefix, scoped.shift);
          delete child.properties.dataPrefixeIds;
          delete child.properties.dataDecalageTitres;
        }
        if (wrap) children[i] = scrollRegion(child);
        walk(child, inside);
      } else if (child.type === 'text' && textChanges(place) && child.value.trim()) {
        const replacement = changeText(child.value, place);
        if (replacement) {
          children.splice(i, 1, ...replacement);
          i += replacement.length - 1;
        }
      }
    }
  };
  /** The pass on a whole tree of a <main> content. */
  const tree = (root: Root) => {
    walk(root, start);
    return root;
  };
  return { changeText, walk, tree, start };
}
