/**
 * Colour pairs of both themes (RGAA 3.2 and 3.3): text at least 4.5:1 against every background it
 * is drawn on, borders and focus rings at least 3:1, from the one palette (src/model/palette.ts)
 * the stylesheet of the tokens is generated from; and the publisher's accent colour, refused in
 * French when too pale. axe checks the rendered text of every page on top of this.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PALETTE, PAIRS, accentShortfalls, contrast, nearestAccent, paletteCss, shortfalls } from '../../src/model/palette.ts';

test('contrast() matches known WCAG figures', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrast('#767676', '#ffffff').toFixed(2), '4.54');
});

test('both themes define the same tokens, and every pair draws tokens that exist', () => {
  assert.deepEqual(Object.keys(PALETTE.dark).sort(), Object.keys(PALETTE.light).sort());
  for (const { fg, bg } of PAIRS) assert.ok(fg in PALETTE.light && bg in PALETTE.light, `${fg}/${bg}`);
});

for (const [name, palette] of Object.entries(PALETTE)) {
  test(`thème ${name} : texte ≥ 4,5:1, bordures et focus ≥ 3:1`, () => {
    assert.deepEqual(
      shortfalls(palette).map((p) => `--${p.fg} sur --${p.bg} : ${p.ratio.toFixed(2)}:1 (minimum ${p.min}:1)`),
      [],
    );
  });
}

test('the check can fail: a pale text on white is named with its ratio', () => {
  const [pale] = shortfalls({ ...PALETTE.light, 'texte-doux': '#bbbbbb' });
  assert.deepEqual([pale?.fg, pale?.bg, pale?.ratio.toFixed(2)], ['texte-doux', 'fond', '1.92']);
});

test('every token the stylesheet uses is generated, in both themes and for the system’s dark theme', () => {
  const css = paletteCss();
  const used = new Set(
    [...readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8').matchAll(/var\(--([\w-]+)\)/g)].map((m) => m[1]!),
  );
  for (const token of used) assert.match(css, new RegExp(`--${token}: #`), `--${token}`);
  assert.equal(css.match(/--texte: #eeeeee;/g)?.length, 2, 'le thème sombre choisi et celui du système');
});

test('an accent colour replaces the accent and the focus ring of its theme only', () => {
  const css = paletteCss({ light: '#6A1B5D', dark: '#f0a8dd' });
  assert.match(css, /:root \{[^}]*--accent: #6a1b5d;[^}]*--focus: #6a1b5d;/);
  assert.match(css, /\[data-theme='dark'\] \{[^}]*--accent: #f0a8dd;/);
  assert.doesNotMatch(css, new RegExp(PALETTE.light.accent));
});

/** The hue of `#rrggbb`, in whole degrees. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  const h = max === r ? (g - b) / d : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return Math.round((((h * 60) % 360) + 360) % 360);
}

test('a pale accent fails where it is drawn, and the nearest passing colour of the same hue is found', () => {
  assert.deepEqual(
    accentShortfalls('light', '#8ab4f8').map((p) => `${p.fg}/${p.bg}`),
    ['accent/fond', 'accent/fond-doux', 'sur-accent/accent'],
  );
  assert.deepEqual(accentShortfalls('light', PALETTE.light.accent), []);
  for (const [theme, colour] of [
    ['light', '#8ab4f8'],
    ['dark', '#1f3a93'],
  ] as const) {
    const nearest = nearestAccent(theme, colour)!;
    assert.deepEqual(accentShortfalls(theme, nearest), [], `${theme} ${nearest}`);
    assert.equal(hue(nearest), hue(colour), `${nearest} garde la teinte de ${colour}`);
  }
});
