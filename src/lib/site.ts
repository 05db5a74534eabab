import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { clientCodeDigest } from './client-code.ts';
import { reportContact } from './report.ts';
import { loadStatusFile, type StatusFile } from './source-status.ts';

/** The site's name, as the header, share previews and exports give it. */
export const SITE_NAME = 'Critical Edition';

/**
 * One static route per article (`/articles/<slug>/…`), the entry passed as a prop. Each path's
 * `cacheKey` is the entry's digest: the article's two files and everything else that decides what
 * the store keeps for it (src/content/fingerprint.ts). A page that reads nothing but its own entry
 * may be restored from the last build when the key is unchanged (docs/deployment.md, "Incremental builds").
 */
export async function articlePaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry }, cacheKey: cacheKeyOf(entry) }));
}

/**
 * The cache key of a page that reads only this entry, the page's own code (which Astro hashes
 * itself, with the config) and the build settings it reads from the environment at render time:
 * the editors' contact (REPORT_URL, REPORT_EMAIL; src/lib/report.ts), what the sources' link
 * check (`<content>/source-status.json`, read by SourceList) says about this article's sources,
 * and the browser code the page
 * links to (src/lib/client-code.ts). Anything else a page reads at
 * render time, outside its entry and its code, must be added here, or a restored page keeps the
 * old value.
 */
export function cacheKeyOf(entry: { id: string; digest?: string | number }): string {
  if (entry.digest === undefined) throw new Error(`article "${entry.id}" has no digest: the loader sets one on every entry`);
  return `${entry.digest}:${JSON.stringify(reportContact() ?? null)}:${statusDigest(entry.id)}:${clientDigest()}`;
}

let clientHash: string | undefined;
/** The browser code the page links to (src/lib/client-code.ts), which Astro's own check misses. */
function clientDigest(): string {
  return (clientHash ??= clientCodeDigest(process.cwd()));
}

/** By article: a hash of the link-check file's entries for its sources, worked out once a build. */
let statusHashes: { file: StatusFile | undefined; bySlug: Map<string, string> } | undefined;
/**
 * What the link-check file says about this article's sources, or 'none'. Only these entries: a new
 * check of one article's links renders that article's pages again, not every article's. Reading
 * the file here also stops the build on a broken one, even when every page would be restored.
 */
function statusDigest(slug: string): string {
  const file = loadStatusFile();
  if (!statusHashes || statusHashes.file !== file) {
    const entries = new Map<string, [string, unknown][]>();
    for (const key of Object.keys(file?.sources ?? {}).sort()) {
      const article = key.slice(0, key.indexOf('/'));
      if (!entries.has(article)) entries.set(article, []);
      entries.get(article)!.push([key, file!.sources[key]]);
    }
    const bySlug = new Map([...entries].map(([article, list]) => [article, createHash('sha256').update(JSON.stringify(list)).digest('hex').slice(0, 16)]));
    statusHashes = { file, bySlug };
  }
  return statusHashes.bySlug.get(slug) ?? 'none';
}
