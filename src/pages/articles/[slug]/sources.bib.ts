/**
 * `/articles/<slug>/sources.bib`: the article's sources as BibTeX, one entry per source
 * keyed by its id. See src/lib/citations.ts and docs/linking.md.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { articlePaths } from '../../../lib/site.ts';
import { sourcesBibtex } from '../../../lib/citations.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  return new Response(sourcesBibtex(entry.data.article.sources), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
