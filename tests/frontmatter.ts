/**
 * A content file read by the site's own reader (src/model/frontmatter.ts), for the tests that look
 * at one file: the same front matter and body the build sees.
 */
import { readFileSync } from 'node:fs';
import { frontmatterOrThrow } from '../src/model/frontmatter.ts';

/** The front matter and body of the file at `path`; throws if the reader refuses it. */
export const readContentFile = (path: string) => frontmatterOrThrow(readFileSync(path, 'utf8'), path);
