/**
 * Evidence as a link says it (issue 24): a file's type and size in the link's text, so that a
 * reader knows what opens before opening it (RGAA 13.3): « Rapport 2025 (PDF, 120 ko) ». The size
 * is read at build time (`sizeOf`, the page's), in the units the data page uses (formatSize).
 */
import { evidenceTarget, type Evidence } from '../model/evidence.ts';
import { formatSize } from '../lib/format.ts';

/** A piece of evidence ready for a link: where it leads (src/model/evidence.ts) and its text. */
export interface EvidenceLink {
  /** Another site's address as written, or a path of this site relative to its base (for `href()`). */
  address: string;
  external: boolean;
  text: string;
}

/** The link of `e`; `sizeOf` gives a published file's size in bytes, from its name in the evidence folder. */
export function evidenceLink(e: Evidence, sizeOf: (file: string) => number): EvidenceLink {
  const { address, external, format } = evidenceTarget(e);
  const text = e.file === undefined ? e.title : `${e.title} (${format?.name ?? 'fichier'}, ${formatSize(sizeOf(e.file))})`;
  return { address, external, text };
}
