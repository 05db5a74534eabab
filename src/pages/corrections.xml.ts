/**
 * `/corrections.xml`: every correction on the site as an Atom feed (src/lib/corrections.ts),
 * linked from every page's <head> with <link rel="alternate">.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { correctionsFeed } from '../lib/corrections.ts';
import { SITE_NAME } from '../lib/site.ts';
import { articleHref, claimPageHref, href } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(path, site).href;
  const articles = (await getCollection('articles')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const xml = correctionsFeed({
    articles: articles.map((entry) => ({ slug: entry.id, article: entry.data.article })),
    siteName: SITE_NAME,
    siteUrl: absolute(href('/')),
    feedUrl: absolute(href('/corrections.xml')),
    articleUrl: (slug) => absolute(articleHref(slug)),
    claimUrl: (slug, id) => absolute(claimPageHref(slug, id)),
  });
  return new Response(`${xml}\n`, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
