/**
 * What the article's export endpoints (`claims.csv`, `annotations.jsonld`) share: the entry
 * passed by `articlePaths` with its HTML and text (src/content/article-html.ts), and the absolute URLs of the article and its claim pages on `site`.
 */
import type { CollectionEntry } from 'astro:content';
import { articleHtml } from '../content/article-html.ts';
import { articleHref, claimPageHref } from './urls.ts';

export function articleExport(props: Record<string, unknown>, site: URL | undefined) {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  const absolute = (path: string) => new URL(path, site).href;
  const { bodyHtml, headNotesHtml, text } = articleHtml(entry.data.article);
  return {
    slug: entry.id,
    article: { ...entry.data.article, bodyHtml, headNotesHtml, text },
    absolute,
    articleUrl: absolute(articleHref(entry.id)),
    claimPageUrl: (id: string) => absolute(claimPageHref(entry.id, id)),
  };
}
