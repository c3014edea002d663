/** A small valid set of content files, built through the real schemas, for bad-input tests. */
import { stringify } from 'yaml';
import { readFrontmatter } from '../../src/model/frontmatter.ts';
import type { RawFile } from '../../src/model/validate.ts';

/**
 * The file as the content reader gives it when its front matter is written as block YAML (one
 * field a line, in the order given): with the places of its fields, so problems carry their line.
 */
function asWritten(f: RawFile): RawFile {
  const read = readFrontmatter(`---\n${stringify(f.frontmatter)}---\n`);
  if (!read.ok) throw new Error(`${f.file} : ${read.problems.map((p) => p.message).join(' ; ')}`);
  return { ...f, frontmatter: read.data, lines: read.lines };
}

export function validFiles(): RawFile[] {
  return rawFiles().map(asWritten);
}

function rawFiles(): RawFile[] {
  return [
    {
      collection: 'conventions',
      file: 'content/conventions/essai.mdx',
      pathInCollection: 'essai.mdx',
      frontmatter: {
        title: "Plan d'essai",
        shortTitle: 'Essai',
        kind: 'plan-actions',
        issuer: 'Service RH',
        parties: [{ name: 'Employeur', role: 'employeur' }],
        dates: { inForce: '2023-11-16' },
        summary: 'Un plan pour les tests.',
        levels: {
          axis: { singular: 'Axe', plural: 'Axes', label: 'Axe n°{n}' },
          objective: { singular: 'Objectif', plural: 'Objectifs', label: 'Objectif n°{n}' },
          action: { singular: 'Action', plural: 'Actions', label: 'Action n°{n}' },
        },
        statusScale: [
          { code: 'R', legend: 'Objectif réalisé', status: 'realise' },
          { code: 'NR', legend: 'Objectif non réalisé', status: 'non-realise' },
        ],
        rounds: [{ id: 'bilan-2024', label: 'Bilan 2024', date: '2024' }],
        source: { file: 'essai.txt' },
        published: '2024-01-15',
        order: 1,
      },
    },
    {
      collection: 'axes',
      file: 'content/axes/essai/axe-1.mdx',
      pathInCollection: 'essai/axe-1.mdx',
      frontmatter: { convention: 'essai', number: '1', title: 'Recrutement' },
    },
    {
      collection: 'objectives',
      file: 'content/objectives/essai/axe-1-objectif-1.mdx',
      pathInCollection: 'essai/axe-1-objectif-1.mdx',
      frontmatter: { convention: 'essai', axis: '1', number: '1', title: 'Recruter' },
    },
    ...[1, 2].map((n): RawFile => ({
      collection: 'actions',
      file: `content/actions/essai/action-${n}.mdx`,
      pathInCollection: `essai/action-${n}.mdx`,
      frontmatter: {
        convention: 'essai',
        axis: '1',
        objective: '1',
        kind: 'action',
        number: String(n),
        order: n,
        title: `Action ${n}`,
        wording: `Texte de l'action ${n}.`,
        statuses: [{ round: 'bilan-2024', status: 'R' }],
        themes: ['formation'],
        audience: ['tous-agents'],
      },
    })),
  ];
}

/** The valid set with one file's front matter changed (a key set to undefined is removed), written out again. */
export function withChange(file: string, change: Record<string, unknown>): RawFile[] {
  return rawFiles().map((f) => {
    if (f.file !== file) return asWritten(f);
    const frontmatter = { ...(f.frontmatter as Record<string, unknown>), ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete frontmatter[k];
    return asWritten({ ...f, frontmatter });
  });
}
