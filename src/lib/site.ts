import { getCollection } from 'astro:content';

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

/** The cache key of a page that reads only this entry (and the page's own code, which Astro hashes itself). */
export function cacheKeyOf(entry: { id: string; digest?: string | number }): string {
  if (entry.digest === undefined) throw new Error(`article "${entry.id}" has no digest: the loader sets one on every entry`);
  return String(entry.digest);
}
