/**
 * `/articles/<slug>/claims.csv`: every claim of the article, one row each
 * (see src/lib/csv.ts and docs/linking.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { articlePaths } from '../../../lib/site.ts';
import { claimsCsv } from '../../../lib/csv.ts';
import { articleHref, claimPageHref } from '../../../lib/urls.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  const absolute = (path: string) => new URL(path, site).href;
  const csv = claimsCsv({
    edition: entry.data.edition,
    articleUrl: absolute(articleHref(entry.id)),
    claimPageUrl: (id) => absolute(claimPageHref(entry.id, id)),
  });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
