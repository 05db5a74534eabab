/**
 * /search/words.json: the site's own words, for the search page's "Did you mean …?"
 * (src/lib/search-words.ts). Built from what the index holds: each article's headline
 * and text, and each claim's verdict, note and topics, and the cited sources' titles.
 * Fetched only when a search finds nothing or little.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { searchWords } from '../../lib/search-words.ts';
import { noteHtmlOf } from '../../content/stored-article.ts';
import { articleHtml } from '../../content/article-html.ts';

const tags = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');

export const GET: APIRoute = async () => {
  const articles = (await getCollection('articles')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const texts = articles.flatMap(({ data: { article } }) => {
    const html = articleHtml(article);
    return [
      article.frontmatter.title,
      html.text,
      ...article.claims.flatMap((claim) => [claim.summary, tags(noteHtmlOf(html, claim)), ...claim.topics]),
      ...article.sources.map((source) => String(source.title ?? '')),
    ];
  });
  return new Response(JSON.stringify(searchWords(texts)), { headers: { 'Content-Type': 'application/json' } });
};
