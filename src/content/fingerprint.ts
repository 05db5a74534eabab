/**
 * What, besides an article's own two files, decides what the content store keeps for it: the
 * pipeline's code and its vocabulary (src/model), the content layer's code, the collection's schema, the installed dependencies
 * and the one switch that changes what is stored. A hash of them all goes into every entry's
 * digest (loader.ts), and the digest is each article page's `cacheKey` (src/lib/site.ts), so a
 * change to any of them renders the article, and its pages, again.
 *
 * Dependencies are read from `package-lock.json`, as Astro's incremental build reads them: a
 * changed version anywhere in the tree changes it (a deployment runs `npm ci` from that file).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesDigest } from '../lib/file-digest.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
/** The pipeline, the vocabulary it renders with (labels, block tags: src/model) and the content layer. */
const CODE_FOLDERS = [join(here, '../pipeline'), join(here, '../model'), here];

/** The hash, from the source folders next to this file and the lock file of the project at `root`. */
export function contentFingerprint(root: string = process.cwd()): string {
  const code = CODE_FOLDERS.flatMap((dir) =>
    readdirSync(dir)
      .sort()
      .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
      .map((name) => join(dir, name)),
  );
  const files = [...code, join(here, '../content.config.ts'), join(root, 'package-lock.json')];
  // Paths relative to src/, so that the same code gives the same hash wherever the project sits.
  return filesDigest(files, join(here, '..'), `CONTENT_STORE_FULL=${process.env.CONTENT_STORE_FULL === '1' ? '1' : '0'}`);
}
