/**
 * The colours of both themes, written once: the stylesheet of the tokens is generated from them
 * (src/pages/couleurs.css.ts), their contrast is checked by tests/unit/contrast.test.ts, and the
 * publisher's accent colour (src/config.ts, `identity.accent`) is checked against them when the
 * settings are read (src/model/site.ts), so that a colour too pale is refused before it is built.
 *
 * Every text pair is at least 4.5:1 and every UI part 3:1 (RGAA 3.2, 3.3). Names are the CSS
 * custom properties' (`--texte`…), which src/styles/global.css uses.
 */

export type Theme = 'light' | 'dark';
/** The light theme: its tokens are every theme's (the type holds the dark one to the same). */
const LIGHT = {
  texte: '#161616',
  'texte-doux': '#3a3a3a',
  fond: '#ffffff',
  'fond-doux': '#f4f4f6',
  accent: '#1f3a93',
  'sur-accent': '#ffffff',
  bordure: '#6b6b6b',
  focus: '#0a5cd8',
  surlignage: '#fff1a8',
  realise: '#18753c',
  'realise-fond': '#eefaf2',
  partiel: '#7a4a00',
  'partiel-fond': '#fff6e5',
  'en-cours': '#0b4ea2',
  'en-cours-fond': '#eef4fc',
  'non-realise': '#ab1f1f',
  'non-realise-fond': '#fdeeee',
  abandonne: '#5c3d8f',
  'abandonne-fond': '#f5f0fb',
};
/** A colour token: a CSS custom property of the stylesheet (`--texte`…). */
export type Token = keyof typeof LIGHT;
export type Palette = Record<Token, string>;

export const PALETTE: Record<Theme, Palette> = {
  light: LIGHT,
  dark: {
    texte: '#eeeeee',
    'texte-doux': '#c9c9c9',
    fond: '#161616',
    'fond-doux': '#242426',
    accent: '#a4bcff',
    'sur-accent': '#161616',
    bordure: '#939393',
    focus: '#79aaff',
    surlignage: '#5a4a00',
    realise: '#6fd69a',
    'realise-fond': '#10291a',
    partiel: '#ffc46b',
    'partiel-fond': '#2e2210',
    'en-cours': '#93bdff',
    'en-cours-fond': '#0f1f36',
    'non-realise': '#ffa3a3',
    'non-realise-fond': '#361414',
    abandonne: '#cdb3f7',
    'abandonne-fond': '#261b38',
  },
};

/** The theme's name in the messages a publisher reads. */
export const THEME_NAMES: Record<Theme, string> = { light: 'clair', dark: 'sombre' };

/** A colour pair: `fg` drawn on `bg`, with the least contrast it needs. */
export interface Pair {
  fg: Token;
  bg: Token;
  min: number;
}
const text = (fg: Token, bg: Token): Pair => ({ fg, bg, min: 4.5 });
const ui = (fg: Token, bg: Token): Pair => ({ fg, bg, min: 3 });

/** Every pair the stylesheet draws: text at 4.5:1, borders and focus rings at 3:1. */
export const PAIRS: Pair[] = [
  text('texte', 'fond'),
  text('texte', 'fond-doux'),
  text('texte-doux', 'fond'),
  text('texte-doux', 'fond-doux'),
  text('accent', 'fond'),
  text('accent', 'fond-doux'),
  text('sur-accent', 'accent'),
  text('texte', 'surlignage'),
  text('realise', 'realise-fond'),
  text('partiel', 'partiel-fond'),
  text('en-cours', 'en-cours-fond'),
  text('non-realise', 'non-realise-fond'),
  text('abandonne', 'abandonne-fond'),
  text('realise', 'fond'),
  ui('bordure', 'fond'),
  ui('bordure', 'fond-doux'),
  ui('focus', 'fond'),
  ui('focus', 'fond-doux'),
];

/** A colour as the settings write it: `#` and six hexadecimal digits. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

/** WCAG 2.1 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** A pair of a palette below its minimum, with the ratio it has. */
export interface Shortfall extends Pair {
  ratio: number;
}

/** The pairs of `palette` below their minimum; `only` restricts them to those drawing these tokens. */
export function shortfalls(palette: Palette, only?: Token[]): Shortfall[] {
  return PAIRS.filter((p) => !only || only.includes(p.fg) || only.includes(p.bg))
    .map((p) => ({ ...p, ratio: contrast(palette[p.fg], palette[p.bg]) }))
    .filter((p) => !(p.ratio >= p.min));
}

/**
 * The publisher's accent, per theme: links, buttons, the current page in menus, and the focus
 * ring, which then matches it. Held to text contrast (4.5:1) everywhere it is drawn, the focus
 * ring included, so that one rule covers every use.
 */
export type Accent = Record<Theme, string>;

/** The theme's palette with the publisher's accent, if any. */
export function themed(theme: Theme, accent?: Accent): Palette {
  const colour = accent?.[theme].toLowerCase();
  return colour ? { ...PALETTE[theme], accent: colour, focus: colour } : PALETTE[theme];
}

/**
 * The pairs the accent must pass in `theme`: as text on the pages' backgrounds, under the buttons'
 * text. The focus ring takes the same colour, so these pairs hold it to 4.5:1 as well.
 */
export function accentShortfalls(theme: Theme, colour: string): Shortfall[] {
  return shortfalls(themed(theme, { light: colour, dark: colour }), ['accent']);
}

/** `hex` mixed with `towards` by `share` (0 to 1). */
function mix(hex: string, towards: string, share: number): string {
  const channel = (s: string, i: number) => parseInt(s.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) => Math.round(channel(hex, i) * (1 - share) + channel(towards, i) * share))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}

/**
 * The nearest colour of the same hue that passes in `theme`: darker on the light theme, lighter
 * on the dark one; undefined if even black or white does not (a dark-theme accent too dark for
 * the buttons' text, say).
 */
export function nearestAccent(theme: Theme, colour: string): string | undefined {
  const towards = theme === 'light' ? '#000000' : '#ffffff';
  for (let step = 1; step <= 50; step++) {
    const candidate = mix(colour.toLowerCase(), towards, step / 50);
    if (accentShortfalls(theme, candidate).length === 0) return candidate;
  }
  return undefined;
}

/** The stylesheet of the tokens: the light theme, the dark one chosen by the reader, and the system's. */
export function paletteCss(accent?: Accent): string {
  const block = (selector: string, theme: Theme, indent = '') =>
    [
      `${indent}${selector} {`,
      `${indent}  color-scheme: ${theme};`,
      ...Object.entries(themed(theme, accent)).map(([token, colour]) => `${indent}  --${token}: ${colour};`),
      `${indent}}`,
    ].join('\n');
  return [
    '/* Généré par src/model/palette.ts (et la couleur d’accent de src/config.ts) : ne pas modifier ici. */',
    block(':root', 'light'),
    block(":root[data-theme='dark']", 'dark'),
    '@media (prefers-color-scheme: dark) {',
    block(":root:not([data-theme='light'])", 'dark', '  '),
    '}',
    '',
  ].join('\n');
}
