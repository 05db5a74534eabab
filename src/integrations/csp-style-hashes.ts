/**
 * An Astro integration: after every build, allows the site's inline <style> elements by
 * hash in the Content-Security-Policy of `<outDir>/_headers`.
 *
 * The first screen must paint from the first response alone, so each page carries its
 * CSS inline (astro.config.mjs, inlineStylesheets). A strict policy then needs the hash
 * of every distinct <style>, which only exists once the pages are built. Being part of
 * the build, it runs for every build (npm run build, the tests' fixture builds, the bench).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFilesUnder } from '../built-site/files.ts';
import { inlineStyles, parseHtml } from '../built-site/html-tree.ts';

/** Rewrites `style-src 'self'` in `<dist>/_headers` to list every inline style's hash. */
export function addStyleHashes(dist: string): number {
  const headersFile = join(dist, '_headers');
  if (!existsSync(headersFile)) return 0;
  const hashes = new Set<string>();
  // Parsed, not matched: the text "<style>" in an attribute (a summary in a meta description)
  // is not a stylesheet, and matching it would leave the real one's hash out.
  for (const file of htmlFilesUnder(dist)) {
    for (const css of inlineStyles(parseHtml(readFileSync(file, 'utf8')))) {
      hashes.add(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    }
  }
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
  return {
    name: 'csp-style-hashes',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const count = addStyleHashes(fileURLToPath(dir));
        logger.info(`_headers: style-src allows ${count} inline stylesheet(s) by hash`);
      },
    },
  };
}
