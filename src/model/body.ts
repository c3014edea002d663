/**
 * Safe bodies (issue 12). The body of an entry is written by référents and published on
 * intranets: it may hold Markdown and plain formatting HTML, never something that runs code or
 * loads a resource from elsewhere in the reader's browser. Each body is parsed with the parser that
 * renders it (satteri, which Astro uses for Markdown and MDX alike: no second parser that could read
 * it differently), as MDX or as Markdown by the same rule as the content loader (`needsMdx`).
 *
 * Refused, each with the line in the file and what to write instead:
 * - `import`/`export` lines and `{…}` expressions (code run when the site is built), including in
 *   attributes; `{/* … *\/}` comments alone are allowed (they run nothing and render nothing);
 * - components: the site offers none to bodies (src/components/EntryBody.astro renders `<Content />`
 *   without any), so `<Nom />` could only fail or come from an import;
 * - HTML elements outside a list of formatting ones (`ALLOWED_ELEMENTS`): `<script>`, `<iframe>`,
 *   `<object>`, `<embed>`, `<style>`, `<link>`, `<base>`, `<meta>`, forms, `<svg>` (it can hold
 *   scripts), media…;
 * - event handlers (`on…=`), `style=` (the site's styles are checked for contrast and reflow) and
 *   attributes reserved to Astro or React (`set:html`, `dangerouslySetInnerHTML`…);
 * - in links (`href`, `action`, `formaction`, `xlink:href`, `cite`…) any scheme but http, https,
 *   mailto and tel (so `javascript:`, `data:`, `vbscript:`, `file:`…); in sources (`src`, `srcset`,
 *   `poster`…) any address outside the site: no request leaves the host;
 * - attributes that make the browser send a request of its own (`ping`, `attributionsrc`), whatever
 *   their address (issue 19): a click would tell another server who reads what;
 * - a `lang` (RGAA 8.7: a passage in another language, `<span lang="en">…</span>`) whose value is
 *   not a code of the closed list of src/model/languages.ts: a screen reader would not know it;
 * - invisible characters (issue 19, src/model/characters.ts): control characters, lone surrogates,
 *   bidirectional overrides; tabs and line breaks are the body's own.
 */
import { ErrorCodes, parseFragment, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Problem } from './problems.ts';
import { LANGUAGES, LANGUAGE_LIST } from './languages.ts';
import { textAllowed, trapCharacter, trapMessage, visibleText } from './characters.ts';

/**
 * Whether a body must be compiled as MDX rather than rendered as Markdown. MDX differs from
 * Markdown on: `<` (JSX, HTML, autolinks, comments), `{ }` (expressions), `import`/`export` lines,
 * and indented code (off in MDX). Tables are plain Markdown: the page pass (src/page-pass/pass.ts)
 * gives every table its scroll region, whichever renderer wrote it. The content loader and the
 * body check both decide with this function, on the trimmed body.
 */
export function needsMdx(body: string): boolean {
  return /[<{}]/.test(body) || /^(import|export)\s/m.test(body) || /^( {4}|\t)/m.test(body);
}

/** The field named in the report for every problem found in a body. */
export const BODY_FIELD = '(corps du texte)';

/** Formatting elements a body may use, as HTML in Markdown or as lowercase JSX in MDX. */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em ' +
    'figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q rp rt ruby s samp ' +
    'small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
  ).split(' '),
);

const ALLOWED_LIST = [...ALLOWED_ELEMENTS].join(', ');

/** Refused elements that get their own reason and replacement; any other is refused in general terms. */
const REFUSED_ELEMENTS: { names: string[]; reason: string; instead: string }[] = [
  {
    names: ['script', 'noscript'],
    reason: 'elle exécuterait du code dans le navigateur de chaque lecteur',
    instead: 'du texte ; pour montrer du code sans l’exécuter, entourez-le d’accents graves : `…`',
  },
  {
    names: ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal'],
    reason: 'elle incorporerait une autre page ou un programme dans la page',
    instead: 'un lien vers la page : [titre de la page](https://…)',
  },
  {
    names: ['style', 'link'],
    reason: 'elle changerait la mise en forme du site (vérifiée pour l’accessibilité) ou chargerait un fichier',
    instead: 'la mise en forme Markdown : **gras**, *italique*, ## titre, listes à puces',
  },
  {
    names: ['base', 'meta'],
    reason: 'elle changerait le comportement de toute la page (adresse des liens, redirection)',
    instead: 'rien : retirez la balise ; un lien s’écrit [texte du lien](https://…)',
  },
  {
    names: ['form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'fieldset', 'label', 'output', 'datalist'],
    reason: 'un formulaire enverrait ailleurs des données saisies par le lecteur',
    instead: 'un lien vers le formulaire en ligne : [Remplir le formulaire](https://…)',
  },
];
const REFUSED_BY_NAME = new Map(REFUSED_ELEMENTS.flatMap((r) => r.names.map((n) => [n, r] as const)));

/** Schemes a link may use; a link without a scheme is a path on the site. */
const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
const LINK_ALLOWED = 'une adresse en http:// ou https://, mailto: ou tel:, ou un chemin du site (commençant par / ou relatif)';
const SOURCE_ALLOWED = 'le chemin d’un fichier du site (commençant par / ou relatif), sans http:// ni //';

/** Attribute names (lowercase, letters and digits only: `formAction` = `formaction`) that hold a link. */
const LINK_ATTRIBUTES = new Set(['href', 'action', 'formaction', 'xlinkhref', 'cite', 'longdesc']);
/**
 * Attributes (same form) that make the reader's browser send a request of its own, whatever the
 * address: refused outright, since an address on the site itself would serve no purpose either.
 */
const REQUEST_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['ping', 'à chaque clic sur le lien, le navigateur du lecteur enverrait de lui-même une requête à cette adresse'],
  ['attributionsrc', 'le navigateur du lecteur enverrait de lui-même une requête de mesure publicitaire à cette adresse'],
]);
/** Attribute names (same form) whose address the browser loads at once. */
const SOURCE_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'imagesrcset',
  'poster',
  'background',
  'data',
  'lowsrc',
  'dynsrc',
  'codebase',
  'classid',
  'archive',
  'manifest',
  'icon',
]);
/** Attributes that insert HTML or run code whatever their value. */
const RAW_ATTRIBUTES = new Set(['dangerouslysetinnerhtml', 'srcdoc']);

/** An MDX comment alone, `{/* … *\/}`: it renders nothing and runs nothing. */
const COMMENT_ONLY = /^\s*(?:\/\*(?:[^*]|\*(?!\/))*\*\/\s*)+$/;

const SNIPPET = 80;
const snippet = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SNIPPET ? `${flat.slice(0, SNIPPET - 1)}…` : flat;
};

/** The scheme of an address as a browser reads it (spaces and control characters dropped), lowercase. */
function schemeOf(url: string): string | undefined {
  const kept = [...url].filter((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code > 0x20 && (code < 0x7f || code > 0x9f);
  });
  return /^([a-z][a-z0-9+.-]*):/.exec(kept.join('').toLowerCase())?.[1];
}

/** Character references decoded as an HTML parser would (`&colon;` is `:`), by parse5 itself. */
function decodeReferences(value: string): string {
  if (!value.includes('&')) return value;
  const [a] = parseFragment(`<a title="${value.replaceAll('"', '&quot;')}">`).childNodes;
  return (a as P5.Element | undefined)?.attrs[0]?.value ?? value;
}

/** What is wrong with an address, or undefined when it is allowed; `source`: loaded at once (src…), not followed (href…). */
function addressProblem(url: string, source: boolean): { message: string; allowed: string } | undefined {
  const allowed = source ? SOURCE_ALLOWED : LINK_ALLOWED;
  for (const form of new Set([url, decodeReferences(url)])) {
    const scheme = schemeOf(form);
    if (scheme === 'javascript' || scheme === 'vbscript') {
      return { message: `adresse « ${scheme}: » refusée : elle exécuterait du code dans le navigateur du lecteur`, allowed };
    }
    if (scheme === 'data') {
      return { message: 'adresse « data: » refusée : elle ferait entrer dans la page un contenu que personne n’a vérifié', allowed };
    }
    if (source && (scheme !== undefined || /^[\\/]{2}/.test(form.trim()))) {
      return {
        message:
          'adresse extérieure au site refusée : une image ou un média ne peut venir que du site lui-même (aucune requête ne sort du serveur)',
        allowed,
      };
    }
    if (scheme !== undefined && !LINK_SCHEMES.has(scheme)) {
      return {
        message: `adresse « ${scheme}: » refusée : seuls les liens web, les adresses de courriel et les numéros de téléphone sont permis`,
        allowed,
      };
    }
  }
  return undefined;
}

/** The problem with one attribute (name as written, value as a string), or undefined. */
function attributeProblem(name: string, value: string | undefined): { message: string; allowed: string } | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key.startsWith('on')) {
    return {
      message: `attribut ${name} refusé : il exécuterait du code quand le lecteur agit sur la page`,
      allowed: 'rien : retirez l’attribut ; un lien s’écrit [texte du lien](https://…)',
    };
  }
  if (key === 'style') {
    return {
      message: 'attribut style refusé : la mise en forme est celle du site (contrastes et tailles vérifiés pour l’accessibilité)',
      allowed: 'la mise en forme Markdown : **gras**, *italique*, ## titre',
    };
  }
  if (key === 'lang') {
    if (value !== undefined && Object.hasOwn(LANGUAGES, value)) return undefined;
    return {
      message:
        value === undefined || value.trim() === ''
          ? 'attribut lang sans langue : il doit dire la langue du passage'
          : `langue « ${value} » inconnue (attribut lang) : le code d’une langue de la liste, en minuscules`,
      allowed: `lang="en" et les autres codes de la liste : ${LANGUAGE_LIST}`,
    };
  }
  const request = REQUEST_ATTRIBUTES.get(key);
  if (request) {
    return {
      message: `attribut ${name} refusé : ${request} ; un autre serveur saurait ainsi qui lit la page`,
      allowed: 'rien : retirez l’attribut ; le lien lui-même reste, écrit [texte du lien](https://…)',
    };
  }
  if (LINK_ATTRIBUTES.has(key) || SOURCE_ATTRIBUTES.has(key)) {
    if (value === undefined) return undefined;
    const source = SOURCE_ATTRIBUTES.has(key);
    // srcset: "a.png 1x, b.png 2x", each candidate's address first.
    const urls = key.endsWith('srcset') ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
    for (const url of urls) {
      const found = addressProblem(url, source);
      if (found) return { message: `${found.message} (attribut ${name})`, allowed: found.allowed };
    }
    return undefined;
  }
  if (RAW_ATTRIBUTES.has(key) || name.includes(':')) {
    return { message: `attribut ${name} refusé : il insérerait du HTML ou du code non vérifié`, allowed: 'rien : retirez l’attribut' };
  }
  return undefined;
}

/** The problem with an element name, or undefined when the element is allowed. */
function elementProblem(name: string): { message: string; allowed: string } | undefined {
  const refused = REFUSED_BY_NAME.get(name.toLowerCase());
  if (refused) return { message: `balise <${name}> refusée : ${refused.reason}`, allowed: refused.instead };
  if (ALLOWED_ELEMENTS.has(name)) return undefined;
  return {
    message: `balise <${name}> non permise dans un corps de texte`,
    allowed: `la mise en forme Markdown, ou l’une de ces balises : ${ALLOWED_LIST}`,
  };
}

interface Point {
  line: number;
}
/** The mdast nodes the check reads (satteri's tree: mdast with the MDX node types). */
interface Node {
  type: string;
  position?: { start: Point };
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | { type: string; value: string } | null;
  position?: { start: Point };
}

/** Problems in the raw HTML of a Markdown body, one `html` node at a time (`line`: its first line in the file). */
function checkHtml(
  html: string,
  line: number,
  report: (line: number, found: { message: string; allowed: string }, value?: string) => void,
) {
  let unfinished = false;
  const fragment = parseFragment(html, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      if (error.code === ErrorCodes.eofInTag) unfinished = true;
    },
  });
  const at = (l: number | undefined) => line + (l ?? 1) - 1;
  const walk = (nodes: P5.ChildNode[]) => {
    for (const node of nodes) {
      if (!('tagName' in node)) continue;
      const location = node.sourceCodeLocation;
      const found = elementProblem(node.tagName);
      if (found) {
        report(at(location?.startLine), found, `<${node.tagName}>`);
        continue;
      }
      for (const attribute of node.attrs) {
        const problem = attributeProblem(attribute.name, attribute.value);
        if (problem)
          report(
            at(location?.attrs?.[attribute.name]?.startLine ?? location?.startLine),
            problem,
            `${attribute.name}="${attribute.value}"`,
          );
      }
      walk(node.childNodes);
    }
  };
  walk(fragment.childNodes);
  // A tag left open at the end of the block would go on in the page with what follows it.
  if (unfinished) {
    report(
      line,
      {
        message: 'balise HTML inachevée : sa fin (>) manque, elle avalerait le texte qui suit',
        allowed: 'une balise fermée par > sur la même ligne, ou la mise en forme Markdown',
      },
      html,
    );
  }
}

/** Around the character at `index` of `line`, made visible: what the report shows of a line with an invisible character. */
function around(line: string, index: number): string {
  let start = Math.max(0, index - 30);
  let end = Math.min(line.length, index + 30);
  // Whole words when there are spaces to cut at; never half of a pair (an emoji would show as a lone surrogate).
  const space = line.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < index) start = space + 1;
  const lastSpace = line.lastIndexOf(' ', end);
  if (end < line.length && lastSpace > index) end = lastSpace;
  if (start > 0 && /[\uDC00-\uDFFF]/.test(line.charAt(start))) start++;
  if (end < line.length && /[\uDC00-\uDFFF]/.test(line.charAt(end))) end++;
  return `${start > 0 ? '…' : ''}${visibleText(line.slice(start, end))}${end < line.length ? '…' : ''}`;
}

/**
 * Invisible characters (issue 19): one problem per line that holds one, with the line in the file.
 * Tab, line feed and CRLF are the body's own (src/model/characters.ts, multi-line text).
 */
function trapProblems(file: string, body: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    // The line with its line feed, so that a CRLF reads as one.
    const trap = trapCharacter(i < lines.length - 1 ? `${line}\n` : line, true);
    if (!trap) return;
    // A CRLF's carriage return is not shown, unless it is the character refused (a lone one, at the end).
    const shown = trap.index < line.length - 1 ? line.replace(/\r$/, '') : line;
    problems.push({
      file,
      line: firstLine + i,
      field: BODY_FIELD,
      message: trapMessage(trap, shown),
      value: around(shown, trap.index),
      allowed: textAllowed(true),
    });
  });
  return problems;
}

/**
 * Checks one body: its characters, then its markup. `firstLine` is the line of the file where the
 * body starts (after the front matter), so that every problem gives the line as the editor shows
 * it; problems come in the order of their lines. `format`: how the build reads it, by the content
 * loader's rule unless given (tests read a body both ways).
 */
export function checkBody(
  file: string,
  body: string | undefined,
  firstLine = 1,
  format: 'mdx' | 'markdown' = needsMdx(body?.trim() ?? '') ? 'mdx' : 'markdown',
): Problem[] {
  if (body === undefined || body.trim() === '') return [];
  return [...trapProblems(file, body, firstLine), ...markupProblems(file, body, firstLine, format)].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0),
  );
}

/** The problems of a body's markup (elements, attributes, addresses, expressions), each at its line. */
function markupProblems(file: string, body: string, firstLine: number, format: 'mdx' | 'markdown'): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (point: Point | undefined) => firstLine + (point?.line ?? 1) - 1;
  const report = (line: number, found: { message: string; allowed: string }, value?: string) =>
    problems.push({
      file,
      line,
      field: BODY_FIELD,
      message: found.message,
      ...(value ? { value: snippet(value) } : {}),
      allowed: found.allowed,
    });
  const mdx = format === 'mdx';
  let tree: Node;
  try {
    // No front matter in a body: a body opening on `---` lines is a rule and text, as the build reads it.
    const options = { features: { frontmatter: false } };
    tree = (mdx ? mdxToMdast(body, options) : markdownToMdast(body, options)) as unknown as Node;
  } catch (error) {
    const first = (error as Error).message.split('\n')[0] ?? '';
    // "3:1: Unexpected…": the place in the body, given below as the line in the file.
    const where = /^(\d+):\d+(?:-\d+:\d+)?:\s*/.exec(first);
    report(where ? firstLine + Number(where[1]) - 1 : firstLine, {
      message: `texte illisible en MDX : ${where ? first.slice(where[0].length) : first}`,
      allowed:
        'pour écrire les signes < et { dans le texte, mettez une barre oblique inverse devant : \\< et \\{ ; un lien s’écrit [texte](https://…), une note invisible {/* … */}',
    });
    return problems;
  }

  // The parser gives attributes no position: an attribute's line is where its name first appears
  // from the line its element opens on (a tag written over several lines).
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const attributeLine = (start: Point | undefined, name: string | undefined) => {
    const from = lineStarts[(start?.line ?? 1) - 1] ?? 0;
    const escaped = (name ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found = name ? new RegExp(`\\s${escaped}(?=[\\s=/>]|$)`, 'g') : undefined;
    if (found) found.lastIndex = from;
    const index = found?.exec(body)?.index;
    if (index === undefined) return lineOf(start);
    return firstLine + lineStarts.findLastIndex((s) => s <= index + 1);
  };

  const visit = (node: Node) => {
    const line = lineOf(node.position?.start);
    switch (node.type) {
      case 'mdxjsEsm':
        report(
          line,
          {
            message: 'ligne import/export refusée : en MDX, une ligne qui commence par import ou export est du code',
            allowed: 'du texte ; si la phrase commence par ce mot, mettez une majuscule (Import, Export) ou tournez-la autrement',
          },
          (node.value ?? '').split('\n')[0] ?? '',
        );
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!COMMENT_ONLY.test(node.value ?? '')) {
          report(
            line,
            {
              message: 'expression entre accolades refusée : en MDX, { } contient du code exécuté à la construction du site',
              allowed: 'pour écrire une accolade dans le texte, mettez une barre oblique inverse devant : \\{ et \\}',
            },
            `{${node.value ?? ''}}`,
          );
        }
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name;
        if (name) {
          // A capital, a dot or a colon: a component (`<Nom />`, `<a.b />`), not an HTML element.
          const component = /^[A-Z]|[.:]/.test(name);
          const found = component
            ? {
                message: `composant <${name}> inconnu : aucun composant n’est proposé dans les corps de texte`,
                allowed: `la mise en forme Markdown, ou l’une de ces balises : ${ALLOWED_LIST}`,
              }
            : elementProblem(name);
          if (found) {
            report(line, found, `<${name}>`);
            return;
          }
        }
        for (const attribute of node.attributes ?? []) {
          const at = attribute.position ? lineOf(attribute.position.start) : attributeLine(node.position?.start, attribute.name);
          if (attribute.type === 'mdxJsxExpressionAttribute') {
            report(
              at,
              {
                message: 'attribut calculé {…} refusé : en MDX, { } contient du code exécuté à la construction du site',
                allowed: 'des attributs écrits nom="valeur"',
              },
              `{${typeof attribute.value === 'string' ? attribute.value : ''}}`,
            );
            continue;
          }
          const attributeName = attribute.name ?? '';
          if (attribute.value && typeof attribute.value === 'object') {
            report(
              at,
              {
                message: `valeur entre accolades refusée pour l’attribut ${attributeName} : en MDX, { } contient du code exécuté à la construction du site`,
                allowed: `une valeur entre guillemets : ${attributeName}="…"`,
              },
              `${attributeName}={${attribute.value.value}}`,
            );
            continue;
          }
          const value = attribute.value ?? undefined;
          const found = attributeProblem(attributeName, value);
          if (found) report(at, found, value === undefined ? attributeName : `${attributeName}="${value}"`);
        }
        break;
      }
      case 'html':
        checkHtml(node.value ?? '', line, report);
        return;
      case 'link':
      case 'image':
      case 'definition': {
        const found = addressProblem(node.url ?? '', node.type === 'image');
        if (found) {
          const what = node.type === 'image' ? 'de l’image' : 'du lien';
          report(line, { message: `${found.message} (adresse ${what})`, allowed: found.allowed }, node.url ?? '');
        }
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return problems;
}
