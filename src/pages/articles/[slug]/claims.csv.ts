/**
 * `/articles/<slug>/claims.csv`: every claim of the article, one row each
 * (see src/lib/csv.ts and docs/linking.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleExport } from '../../../lib/article-export.ts';
import { articlePaths } from '../../../lib/site.ts';
import { claimsCsv } from '../../../lib/csv.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const csv = claimsCsv(articleExport(props, site));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8; header=present' } });
};
