/**
 * What the article's export endpoints (`claims.csv`, `annotations.jsonld`) share: the entry
 * passed by `articlePaths`, and the absolute URLs of the article and its claim pages on `site`.
 */
import type { CollectionEntry } from 'astro:content';
import { articleHref, claimPageHref } from './urls.ts';

export function articleExport(props: Record<string, unknown>, site: URL | undefined) {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  const absolute = (path: string) => new URL(path, site).href;
  return {
    slug: entry.id,
    article: entry.data.article,
    absolute,
    articleUrl: absolute(articleHref(entry.id)),
    claimPageUrl: (id: string) => absolute(claimPageHref(entry.id, id)),
  };
}
