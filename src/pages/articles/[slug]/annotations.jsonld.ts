/**
 * `/articles/<slug>/annotations.jsonld`: every claim of the article as a W3C Web
 * Annotation collection (see src/lib/web-annotation.ts and docs/linking.md).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { articlePaths, SITE_NAME } from '../../../lib/site.ts';
import { annotationCollection } from '../../../lib/web-annotation.ts';
import { articleHref, claimPageHref, href } from '../../../lib/urls.ts';

export const getStaticPaths = articlePaths satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { entry } = props as { entry: CollectionEntry<'articles'> };
  const absolute = (path: string) => new URL(path, site).href;
  const data = annotationCollection({
    edition: entry.data.edition,
    articleUrl: absolute(articleHref(entry.id)),
    collectionUrl: absolute(`${articleHref(entry.id)}annotations.jsonld`),
    claimPageUrl: (id) => absolute(claimPageHref(entry.id, id)),
    siteName: SITE_NAME,
    siteUrl: absolute(href('/')),
  });
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
  });
};
