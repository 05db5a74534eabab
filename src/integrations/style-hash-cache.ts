/**
 * What the CSP-hash integration found in each built page, remembered between builds by the
 * hash of the page's bytes: the same bytes hold the same <style> elements, so a page restored
 * unchanged by Astro's incremental build (or rendered again to the same bytes) is not parsed again.
 *
 * The file is dropped as a whole when the code that finds the styles may have changed: this
 * module, the integration and the HTML readers (src/built-site/inline-styles.ts, html-tree.ts), or
 * any dependency (htmlparser2 and parse5 among them: the lock file). Each build rewrites it with
 * its own pages only, so it never grows past one build's worth. A missing, unreadable or outdated file is an empty cache.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesDigest } from '../lib/file-digest.ts';

interface CacheFile {
  version: string;
  /** Every distinct style hash, once. */
  styles: string[];
  /** By the hash of a page's bytes: its styles' hashes, as indexes into `styles`. */
  pages: Record<string, number[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
const CODE = [
  join(here, 'style-hash-cache.ts'),
  join(here, 'csp-style-hashes.ts'),
  join(here, '../built-site/inline-styles.ts'),
  join(here, '../built-site/html-tree.ts'),
];

/** A hash of the code that decides what the cache holds, and of the installed dependencies. */
function codeVersion(): string {
  return filesDigest([...CODE, join(process.cwd(), 'package-lock.json')], process.cwd());
}

export class StyleHashCache {
  readonly #file: string | undefined;
  readonly #version: string;
  readonly #known = new Map<string, string[]>();
  readonly #seen = new Map<string, string[]>();

  /** Without a file, nothing is remembered: every page is parsed. */
  constructor(file?: string) {
    this.#file = file;
    this.#version = file ? codeVersion() : '';
    if (!file || !existsSync(file)) return;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.version !== this.#version) return;
      for (const [digest, indexes] of Object.entries(data.pages)) this.#known.set(digest, indexes.map((i) => data.styles[i]!));
    } catch {
      // Unreadable: start empty, and the next save replaces it.
    }
  }

  /** The style hashes of a page with these bytes: remembered, or found by `find` and remembered. */
  styles(bytes: Buffer, find: () => string[]): string[] {
    if (!this.#file) return find();
    const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
    const styles = this.#seen.get(digest) ?? this.#known.get(digest) ?? find();
    this.#seen.set(digest, styles);
    return styles;
  }

  /** Writes the pages of this build (and only those) to the file. */
  save(): void {
    if (!this.#file) return;
    const styles = [...new Set([...this.#seen.values()].flat())].sort();
    const index = new Map(styles.map((style, i) => [style, i]));
    const pages = Object.fromEntries([...this.#seen].map(([digest, found]) => [digest, found.map((style) => index.get(style)!)]));
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, JSON.stringify({ version: this.#version, styles, pages } satisfies CacheFile));
  }
}
