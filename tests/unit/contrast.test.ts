/**
 * Colour pairs of both themes (RGAA 3.2 and 3.3): text at least 4.5:1 against every background it
 * is drawn on, borders and focus rings at least 3:1. Read from the stylesheet itself, so a token
 * changed there is checked here; axe checks the rendered text of every page on top of this.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');

/** The custom properties declared in the first block opened by `selector`. */
function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  assert.ok(start >= 0, `bloc « ${selector} » introuvable dans global.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['texte', 'fond'],
  ['texte', 'fond-doux'],
  ['texte-doux', 'fond'],
  ['texte-doux', 'fond-doux'],
  ['accent', 'fond'],
  ['accent', 'fond-doux'],
  ['sur-accent', 'accent'],
  ['texte', 'surlignage'],
  ['realise', 'realise-fond'],
  ['partiel', 'partiel-fond'],
  ['en-cours', 'en-cours-fond'],
  ['non-realise', 'non-realise-fond'],
  ['abandonne', 'abandonne-fond'],
  ['realise', 'fond'],
];
const UI_PAIRS: [string, string][] = [
  ['bordure', 'fond'],
  ['bordure', 'fond-doux'],
  ['focus', 'fond'],
  ['focus', 'fond-doux'],
  ['accent', 'fond'],
];

const themes = { clair: tokens(':root'), sombre: tokens(":root[data-theme='dark']") };

test('contrast() matches known WCAG figures', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
});

test('the dark theme chosen by the reader and the one from the system are the same', () => {
  assert.deepEqual(tokens(":root:not([data-theme='light'])"), themes.sombre);
});

test('both themes define the same tokens', () => {
  assert.deepEqual([...themes.sombre.keys()].sort(), [...themes.clair.keys()].sort());
});

for (const [name, theme] of Object.entries(themes)) {
  test(`thème ${name} : texte ≥ 4,5:1, bordures et focus ≥ 3:1`, () => {
    const failures: string[] = [];
    for (const [pairs, min] of [
      [TEXT_PAIRS, 4.5],
      [UI_PAIRS, 3],
    ] as const) {
      for (const [fg, bg] of pairs) {
        const ratio = contrast(theme.get(fg)!, theme.get(bg)!);
        if (!(ratio >= min)) failures.push(`--${fg} sur --${bg} : ${ratio.toFixed(2)}:1 (minimum ${min}:1)`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
