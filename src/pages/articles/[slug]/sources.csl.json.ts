/**
 * `/articles/<slug>/sources.csl.json`: the article's sources as CSL-JSON, for reference
 * managers (Zotero, Mendeley, Pandoc). See src/lib/citations.ts and docs/linking.md.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { articlePaths } from '../../../lib/site.ts';
import { sourcesCslJson } from '../../../lib/citations.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  return new Response(sourcesCslJson(entry.data.article.sources), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
  });
};
