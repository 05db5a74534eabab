/**
 * `/articles/<slug>/annotations.jsonld`: every claim of the article as a W3C Web
 * Annotation collection (see src/lib/web-annotation.ts and docs/linking.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { articleExport } from '../../../lib/article-export.ts';
import { articlePaths, SITE_NAME } from '../../../lib/site.ts';
import { annotationCollection } from '../../../lib/web-annotation.ts';
import { articleHref, href } from '../../../lib/urls.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const article = articleExport(props, site);
  const data = annotationCollection({
    ...article,
    collectionUrl: article.absolute(`${articleHref(article.slug)}annotations.jsonld`),
    siteName: SITE_NAME,
    siteUrl: article.absolute(href('/')),
  });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
