/**
 * A digest of the browser code the pages load, for the incremental build's cache keys.
 *
 * Astro restores a page when its cacheKey and its server-side code are unchanged, but the
 * names of the script files a page links to (`/_astro/Reader…<hash>.js`) come from the
 * browser bundle, which that check does not see: after an edit to a browser script, or to a
 * setting in astro.config.mjs that changes how scripts are bundled, a restored page would
 * link to a file the new build no longer writes. So every page that may be restored carries
 * this digest of the config, each `<script>` of the site's .astro files and every module they
 * import, followed by relative path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from '../built-site/files.ts';
import { filesDigest } from './file-digest.ts';

const SCRIPT_BLOCK = /<script(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g;
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** The files of `code`'s relative imports, resolved from `dir`. */
function importsOf(code: string, dir: string): string[] {
  return [...code.matchAll(RELATIVE_IMPORT)].map((match) => resolve(dir, match[1]!)).filter((path) => existsSync(path));
}

/** Every `<script>` block in `src/` and the modules it reaches, hashed in a stable order. */
export function clientCodeDigest(root: string): string {
  let scripts = '';
  const seen = new Set<string>();
  const pending: string[] = [];
  for (const file of [...filesUnder(join(root, 'src'))].filter((path) => path.endsWith('.astro'))) {
    for (const [, script] of readFileSync(file, 'utf8').matchAll(SCRIPT_BLOCK)) {
      scripts += `${relative(root, file)}\n${script}\n`;
      pending.push(...importsOf(script!, dirname(file)));
    }
  }
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...importsOf(readFileSync(file, 'utf8'), dirname(file)));
  }
  return filesDigest([join(root, 'astro.config.mjs'), ...[...seen].sort()], root, scripts);
}
