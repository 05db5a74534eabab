/**
 * An Astro integration: after every build, allows the site's inline <style> elements by
 * hash in the Content-Security-Policy of `<outDir>/_headers`.
 *
 * The first screen must paint from the first response, so each page carries its
 * CSS inline (astro.config.mjs, inlineStylesheets). A strict policy then needs the hash
 * of every distinct <style>, which only exists once the pages are built. Being part of
 * the build, it runs for every build (npm run build, the tests' fixture builds, the bench).
 *
 * Each page is read by a tokenizer (../built-site/inline-styles.ts: htmlparser2's, with parse5's
 * full parse where the two could differ), about 0.2 ms for a claim page. In a build that changed
 * little most pages are restored unchanged from Astro's cache, so what each page holds is also
 * remembered by the hash of its bytes in `<cacheDir>/csp-style-hashes.json`
 * (./style-hash-cache.ts): a page with the same bytes as in the last build is not read again.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFilesUnder } from '../built-site/files.ts';
import { inlineStylesOf } from '../built-site/inline-styles.ts';
import { StyleHashCache } from './style-hash-cache.ts';

const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * Rewrites `style-src 'self'` in `<dist>/_headers` to list every inline style's hash. With a
 * cache file, pages whose bytes it knows are not parsed, and the file is rewritten to hold
 * this build's pages.
 */
export function addStyleHashes(dist: string, cacheFile?: string): number {
  const headersFile = join(dist, '_headers');
  if (!existsSync(headersFile)) return 0;
  const cache = new StyleHashCache(cacheFile);
  const hashes = new Set<string>();
  for (const file of htmlFilesUnder(dist)) {
    const bytes = readFileSync(file);
    // Tokenised, not matched: the text "<style>" in an attribute (a summary in a meta description)
    // is not a stylesheet, and matching it would leave the real one's hash out.
    const styles = cache.styles(bytes, () => inlineStylesOf(bytes.toString('utf8')).map(styleHash));
    for (const hash of styles) hashes.add(hash);
  }
  cache.save();
  const headers = readFileSync(headersFile, 'utf8');
  // Sorted, so two builds of the same commit write the same bytes.
  const allowed = [...hashes].sort().join(' ');
  const updated = headers.replace(/style-src 'self'(?: 'sha256-[^']+')*/g, `style-src 'self'${allowed ? ` ${allowed}` : ''}`);
  if (allowed && updated === headers) {
    throw new Error(`${headersFile}: no "style-src 'self'" in its Content-Security-Policy to add ${hashes.size} hash(es) to`);
  }
  writeFileSync(headersFile, updated);
  return hashes.size;
}

export default function cspStyleHashes(): AstroIntegration {
  let cacheFile: string | undefined;
  return {
    name: 'csp-style-hashes',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFile = join(fileURLToPath(config.cacheDir), 'csp-style-hashes.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const count = addStyleHashes(fileURLToPath(dir), cacheFile);
        logger.info(`_headers: style-src allows ${count} inline stylesheet(s) by hash`);
      },
    },
  };
}
