/**
 * The benchmark's corpus generator empties `<out>/content/` before writing: only when it wrote
 * that folder itself (its mark beside it) or the folder is empty, never through a link, so that a
 * mistyped `--out .` cannot remove a project's own content (issue 19, destructive commands stay
 * inside their fence).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { tempDir } from '../temp-dir.ts';

const options = { actions: 5, perDocument: 5 };

test('the generator rewrites its own corpus, and refuses a content/ it did not write or a link, removing nothing', () => {
  const dir = tempDir('corpus-');
  try {
    const out = join(dir, 'corpus');
    assert.ok(writeCorpus(out, options).actions >= 5);
    writeFileSync(join(out, 'content', 'reste.txt'), 'ancien');
    writeCorpus(out, options);
    assert.equal(existsSync(join(out, 'content', 'reste.txt')), false, 'son propre corpus est réécrit');

    const project = join(dir, 'projet');
    mkdirSync(join(project, 'content', 'conventions'), { recursive: true });
    writeFileSync(join(project, 'content', 'conventions', 'mon-plan.mdx'), 'à garder');
    assert.throws(
      () => writeCorpus(project, options),
      /projet\/content existe et n’a pas été écrit par ce générateur \(pas de fichier \.corpus-synthetique à côté\) : rien n’a été supprimé ; choisissez pour --out un dossier neuf ou vide\./,
    );
    assert.equal(readFileSync(join(project, 'content', 'conventions', 'mon-plan.mdx'), 'utf8'), 'à garder');

    const linked = join(dir, 'lien');
    mkdirSync(linked);
    writeFileSync(join(linked, '.corpus-synthetique'), '');
    symlinkSync(join(project, 'content'), join(linked, 'content'));
    assert.throws(() => writeCorpus(linked, options), /c’est un lien symbolique/);
    assert.equal(readFileSync(join(project, 'content', 'conventions', 'mon-plan.mdx'), 'utf8'), 'à garder');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
