/**
 * Hand-run check of the form editor in a real browser (headless Chromium), to run after an
 * upgrade of Sveltia CMS: `npm run editeur:essai` (ESSAI_DOCUMENT=<début du nom> picks the document). It starts the local server,
 * gives the CMS a copy of one document in the browser's private storage in place of the folder
 * picker (which a headless browser cannot show), opens the document's actions, creates one in the
 * form (with an indicator and a status with evidence, issue 24) and checks that the file written
 * is where the site reads it, holds what was typed and passes the site's schema,
 * that no request left 127.0.0.1, and that axe finds no WCAG 2.1 A/AA violation in the form; the
 * sign-in page offers the local folder only. Each choice in a group waits until the group takes
 * clicks (below): the check once clicked faster than the form could record (issue 20).
 * Prints a French summary; exits 1 on any failure. Not part of `npm test`: it needs a browser
 * and takes about half a minute.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Locator, type Page } from '@playwright/test';
import { frontmatterOrThrow } from '../../src/model/frontmatter.ts';
import { chromiumPath } from '../tooling/chromium.ts';
import { validateEntry } from '../../src/model/validate.ts';
import type { Action } from '../../src/model/action.ts';
import { INDICATOR_DIRECTIONS } from '../../src/model/indicator.ts';
import { createEditorServer } from './server.ts';
import { countOf, noun } from '../../src/lib/french.ts';

const root = process.cwd();
/** The status typed into the form, with one piece of evidence, as the file must hold it. */
const EVIDENCE = { title: 'Rapport d’essai', url: 'https://exemple.fr/rapport' };
const STATUS = { round: 'bilan-essai', status: 'R', evidence: [EVIDENCE] };
/** The indicator typed into the form, as the file must hold it (keys in the form's order). */
const INDICATOR = {
  id: 'taux-essai',
  label: 'Taux d’essai',
  unit: '%',
  direction: 'hausse' as const,
  target: { value: 6.5, note: 'au moins 6,5 %' },
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) failures.push(what);
};

// One document with an action that sits under an objective: the files the CMS is given.
const actionsDir = join(root, 'content', 'actions');
const sample = readdirSync(actionsDir, { recursive: true })
  .map(String)
  // Sorted: the order of a folder's listing depends on the file system, the sample must not.
  .sort()
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ f, data: frontmatterOrThrow(readFileSync(join(actionsDir, f), 'utf8'), f).data as Action }))
  .find(({ f, data }) => data.objective !== undefined && f.startsWith(process.env.ESSAI_DOCUMENT ?? ''));
if (!sample) {
  console.error(`Aucune action rangée sous un objectif dans content/actions/${process.env.ESSAI_DOCUMENT ?? ''}… : rien à essayer.`);
  process.exit(1);
}
const { convention, axis, objective } = sample.data;
const files: Record<string, string> = {};
const add = (path: string) => (files[path] = readFileSync(join(root, path), 'utf8'));
add(`content/conventions/${convention}.mdx`);
add(`content/actions/${sample.f}`);
for (const [folder, match] of [
  ['axes', (d: Record<string, unknown>) => d.number === axis],
  ['objectives', (d: Record<string, unknown>) => d.axis === axis && d.number === objective],
] as const) {
  for (const f of readdirSync(join(root, 'content', folder, convention))) {
    const path = `content/${folder}/${convention}/${f}`;
    if (match(frontmatterOrThrow(readFileSync(join(root, path), 'utf8'), path).data)) add(path);
  }
}

/** The messages shown under the fields of the form, as « <field> — <message> ». */
function formErrors(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[id$="-error"]')].flatMap((error) => {
      // The message follows an icon whose text is its name ("error").
      const text = (error.textContent ?? '').replace(/^\s*error\s*/, '').trim();
      const label = document
        .getElementById(error.id.replace(/-error$/, '-label'))
        ?.textContent?.replace(/[*\s]+$/, '')
        .trim();
      return text ? [`${label ?? '?'} — ${text}`] : [];
    }),
  );
}

const { server } = createEditorServer();
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/admin/`;
const browser = await chromium.launch({ executablePath: chromiumPath() });
try {
  const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const remote: string[] = [];
  page.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|blob:|data:)/.test(r.url())) remote.push(r.url());
  });
  // The groups of the form (radio buttons, lists of a drop-down) take a click only once their
  // controller (@sveltia/ui) is active, 100 ms after they appear, which it says by an
  // "Initialized" event. A click before that checks the button but gives the field no value: the
  // axis group appears when the document is chosen, and a click on it at once was lost ("Axe —
  // Ce champ est obligatoire", issue 20; reproduced: lost at 0 and 50 ms, kept at 200 ms). Nobody
  // clicks that fast, a script does: each group is marked once active, and choices wait for it.
  await page.addInitScript(() => {
    document.addEventListener('Initialized', (event) => (event.target as Element).setAttribute('data-essai-actif', ''), true);
  });
  // The folder picker, replaced by a folder of the origin's private storage holding the sample.
  await page.addInitScript((files: Record<string, string>) => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = async () => {
      const dir = await navigator.storage.getDirectory();
      await dir.getDirectoryHandle('.git', { create: true });
      for (const [path, text] of Object.entries(files)) {
        const parts = path.split('/');
        let at = dir;
        for (const part of parts.slice(0, -1)) at = await at.getDirectoryHandle(part, { create: true });
        const writable = await (await at.getFileHandle(parts.at(-1)!, { create: true })).createWritable();
        await writable.write(text);
        await writable.close();
      }
      Object.assign(dir, { requestPermission: () => Promise.resolve('granted'), queryPermission: () => Promise.resolve('granted') });
      return dir;
    };
  }, files);
  const active = (group: Locator) => group.and(page.locator('[data-essai-actif]'));
  /** Checks a radio button of a group of the form, once the group takes clicks. */
  const choose = (group: string, option: string | RegExp) =>
    active(page.getByRole('radiogroup', { name: group }))
      .getByRole('radio', typeof option === 'string' ? { name: option, exact: true } : { name: option })
      .first()
      .click();
  await page.goto(base);
  const local = page.getByRole('button', { name: 'Travailler avec un dépôt local' });
  await local.waitFor();
  // Issue 20: the local folder is the only way in (no token sign-in, no GitHub sign-in).
  const ways = await page.getByRole('button').allInnerTexts();
  check(ways.length === 1, `page de connexion : seul « Travailler avec un dépôt local » est proposé (${ways.join(', ')})`);
  await local.click();
  await page.getByText('Actions', { exact: true }).first().waitFor();
  check(true, 'dossier local ouvert, collections affichées en français');

  await page.goto(`${base}#/collections/actions/new`);
  await page.getByRole('textbox', { name: 'Titre court' }).waitFor();
  const { shortTitle } = frontmatterOrThrow(files[`content/conventions/${convention}.mdx`]!, convention).data as { shortTitle: string };
  await choose('Document', shortTitle);
  await choose('Axe', new RegExp(`^${escape(axis)} — `));
  await choose('Objectif', new RegExp(`^${escape(axis)} — .* › ${escape(objective!)} — `));
  await choose('Type', 'Action');
  await page.getByRole('textbox', { name: 'Numéro' }).fill('999');
  await page.getByRole('spinbutton', { name: 'Position dans le document' }).fill('999');
  await page.getByRole('textbox', { name: 'Titre court' }).fill('Action d’essai');
  await page.getByRole('textbox', { name: 'Libellé complet' }).fill('Action d’essai écrite par le formulaire.');
  for (const [label, option] of [
    ['Thèmes', 'Formation'],
    ['Publics', 'Encadrants'],
  ] as const) {
    // The form renders its fields as they scroll into view.
    await page.mouse.move(300, 500);
    for (let n = 0; n < 40 && (await page.getByRole('combobox', { name: label }).count()) === 0; n++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(100);
    }
    await page.getByRole('combobox', { name: label }).click();
    await active(page.getByRole('listbox')).getByRole('option', { name: option }).click();
    // Not Escape: by default it closes the editor.
    await page
      .getByRole('group', { name: `Champ « ⁨${label}⁩ »` })
      .getByText(label, { exact: true })
      .click();
  }
  // An indicator (issue 24): a target with a decimal value, no baseline (its group left unticked).
  const indicators = page.getByRole('group', { name: 'Champ « ⁨Indicateurs⁩ »' });
  for (let n = 0; n < 40 && (await indicators.count()) === 0; n++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(100);
  }
  await indicators.getByRole('button', { name: 'Ajouter ⁨Indicateurs⁩' }).click();
  await indicators.getByRole('textbox', { name: 'Identifiant' }).fill(INDICATOR.id);
  await indicators.getByRole('textbox', { name: 'Libellé' }).fill(INDICATOR.label);
  await indicators.getByRole('textbox', { name: 'Unité' }).fill(INDICATOR.unit);
  await active(indicators.getByRole('radiogroup', { name: 'Sens du progrès' }))
    .getByRole('radio', { name: INDICATOR_DIRECTIONS.hausse, exact: true })
    .click();
  const target = indicators.getByRole('group', { name: 'Champ « ⁨Cible⁩ »' });
  await target.getByRole('checkbox', { name: 'Ajouter ⁨Cible⁩' }).check();
  await target.getByRole('spinbutton', { name: 'Valeur' }).fill(String(INDICATOR.target.value));
  await target.getByRole('textbox', { name: 'Note' }).fill(INDICATOR.target.note);
  // A status with evidence (issue 24): an address, its file left empty; the check refuses both or neither.
  const statuses = page.getByRole('group', { name: 'Champ « ⁨Statuts par bilan⁩ »' });
  await statuses.getByRole('button', { name: 'Ajouter ⁨Statuts par bilan⁩' }).click();
  await statuses.getByRole('textbox', { name: 'Bilan' }).fill(STATUS.round);
  await statuses.getByRole('textbox', { name: 'Statut' }).fill(STATUS.status);
  const evidence = statuses.getByRole('group', { name: 'Champ « ⁨Justificatifs⁩ »' });
  await evidence.getByRole('button', { name: 'Ajouter ⁨Justificatifs⁩' }).click();
  await evidence.getByRole('textbox', { name: 'Titre' }).fill(EVIDENCE.title);
  await evidence.getByRole('textbox', { name: 'Adresse' }).fill(EVIDENCE.url);
  await page.evaluate(readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => v.id);
  });
  check(violations.length === 0, `axe (WCAG 2.1 A et AA) sur le formulaire d'une action : ${violations.join(', ') || 'aucune violation'}`);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  const path = `content/actions/${convention}/action-999.mdx`;
  const written = await page.evaluate(async (path: string) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        let dir = await navigator.storage.getDirectory();
        const parts = path.split('/');
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        return await (await (await dir.getFileHandle(parts.at(-1)!)).getFile()).text();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return undefined;
  }, path);
  // When the form refuses to save, the check says why, with the form's own messages.
  const refused = written === undefined ? await formErrors(page) : [];
  check(
    written !== undefined,
    `nouvelle action enregistrée dans ${path}${refused.length ? ` ; le formulaire refuse : ${refused.join(' ; ')}` : ''}`,
  );
  if (written) {
    const data = frontmatterOrThrow(written, 'fichier écrit par l’éditeur').data as Action;
    check(
      data.convention === convention && data.axis === axis && data.objective === objective,
      `document, axe et objectif choisis dans les listes : ${data.convention}, ${data.axis}, ${data.objective}`,
    );
    check(
      JSON.stringify(data.indicators) === JSON.stringify([INDICATOR]),
      `indicateur écrit tel que saisi, décimale et cible comprises, sans valeur de départ : ${JSON.stringify(data.indicators)}`,
    );
    check(
      JSON.stringify(data.statuses) === JSON.stringify([STATUS]),
      `statut et justificatif écrits tels que saisis, sans fichier vide : ${JSON.stringify(data.statuses)}`,
    );
    const { problems } = validateEntry('actions', path, `${convention}/action-999`, data);
    check(problems.length === 0, `le fichier écrit passe le schéma du site${problems.length ? ` : ${JSON.stringify(problems)}` : ''}`);
  }
  check(remote.length === 0, `aucune requête hors de 127.0.0.1${remote.length ? ` : ${remote.join(', ')}` : ''}`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length > 0) {
  console.error(`\n${countOf(failures.length, noun('vérification en échec', 'vérifications en échec', 'f'))}.`);
  process.exit(1);
}
console.log('\nL’éditeur de formulaires fonctionne dans le navigateur.');
