/**
 * The claims of one article as a W3C Web Annotation collection (JSON-LD), served at
 * `/articles/<slug>/annotations.jsonld`. See docs/linking.md for the format.
 *
 * Each claim is one Annotation with motivation `assessing`, whose target is the
 * article page with two selectors that describe the same passage:
 * - TextQuoteSelector: `exact`, plus `prefix`/`suffix` taken from the article text
 *   and lengthened until `prefix + exact + suffix` occurs exactly once in it;
 * - TextPositionSelector: `start`/`end` in that text, counted in Unicode code points.
 *
 * "The article text" is `RenderedArticle.text`: the text of the title, the subtitle
 * and every body block (paragraph, heading, list item's text, table cell), as a
 * reader sees it, blocks joined by "\n\n". It can be rebuilt from the article page
 * (see `articleTextFromPage` in tests/support/article-text.ts).
 */
import { noteHtmlOf, type StoredClaim, type StoredArticle } from '../content/stored-article.ts';
import type { ArticleHtml } from '../content/article-html.ts';
import { lastModified } from '../pipeline/history-text.ts';
import { KIND_LABEL, RATING_LABEL } from '../model/labels.ts';

export interface AnnotationInput {
  article: Pick<StoredArticle, 'frontmatter' | 'claims' | 'checked' | 'reply'> & Pick<ArticleHtml, 'text' | 'bodyHtml' | 'headNotesHtml'>;
  /** Absolute URL of the article page (the target's source). */
  articleUrl: string;
  /** Absolute URL of this JSON-LD file (the collection's id). */
  collectionUrl: string;
  /** Absolute URL of a claim's own page. */
  claimPageUrl: (claimId: string) => string;
  siteName: string;
  siteUrl: string;
}

/** Context lengths start here and grow by the same step until the quote is unique. */
const CONTEXT = 32;

/** Number of Unicode code points in a string (what W3C selectors count). */
export function codePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function occurrences(text: string, needle: string): number {
  if (needle === '') return 0;
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** Moves an offset off the second half of a surrogate pair. */
function safe(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff ? offset - 1 : offset;
}

/**
 * A TextQuoteSelector for `text.slice(start, end)`: the shortest prefix/suffix
 * (in steps of 32 characters, within the text) that make it match one place only.
 */
export function quoteSelector(text: string, start: number, end: number) {
  const exact = text.slice(start, end);
  let length = CONTEXT;
  for (;;) {
    const from = safe(text, Math.max(0, start - length));
    const to = safe(text, Math.min(text.length, end + length));
    const prefix = text.slice(from, start);
    const suffix = text.slice(end, to);
    const whole = from === 0 && to === text.length;
    if (whole || occurrences(text, prefix + exact + suffix) === 1) {
      return { type: 'TextQuoteSelector' as const, exact, prefix, suffix };
    }
    length += CONTEXT;
  }
}

/** A TextPositionSelector for the same passage, in code points. */
export function positionSelector(text: string, start: number, end: number) {
  const begin = codePoints(text.slice(0, start));
  return { type: 'TextPositionSelector' as const, start: begin, end: begin + codePoints(text.slice(start, end)) };
}

/** Relative links in a note (`#source-2`) point into the article page; make them absolute. */
function absoluteLinks(html: string, base: string): string {
  return html.replace(/href="#/g, `href="${base}#`);
}

export function annotation(claim: StoredClaim, input: AnnotationInput) {
  const { article, articleUrl } = input;
  return {
    id: `${input.collectionUrl}#${claim.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    creator: { type: 'Organization', name: input.siteName, homepage: input.siteUrl },
    ...withModified(lastModified(claim.history, claim.checked ?? article.checked)),
    body: [
      { type: 'TextualBody', purpose: 'classifying', value: KIND_LABEL[claim.kind], format: 'text/plain', language: 'en' },
      ...(claim.rating
        ? [{ type: 'TextualBody', purpose: 'assessing', value: RATING_LABEL[claim.rating], format: 'text/plain', language: 'en' }]
        : []),
      { type: 'TextualBody', purpose: 'describing', value: claim.summary, format: 'text/plain', language: 'en' },
      { type: 'TextualBody', purpose: 'commenting', value: absoluteLinks(noteHtmlOf(input.article, claim), articleUrl), format: 'text/html', language: 'en' },
      { id: input.claimPageUrl(claim.id), type: 'Text', format: 'text/html', purpose: 'linking' },
    ],
    target: {
      type: 'SpecificResource',
      source: articleUrl,
      selector: [quoteSelector(article.text, claim.start, claim.end), positionSelector(article.text, claim.start, claim.end)],
    },
  };
}

function withModified(date: string | undefined) {
  return date ? { modified: date } : {};
}

interface ReplyInput {
  by: string;
  date: string;
  url?: string | undefined;
  html: string;
}

/**
 * A reply from the author or publisher: an Annotation with motivation `replying`, created by
 * them (not by us), whose target is the annotation it answers (a claim's), or the collection
 * (a reply to the notes as a whole).
 */
export function replyAnnotation(reply: ReplyInput, id: string, target: string, articleUrl: string) {
  return {
    id,
    type: 'Annotation',
    motivation: 'replying',
    creator: { type: 'Person', name: reply.by },
    created: reply.date,
    body: [
      { type: 'TextualBody', purpose: 'replying', value: absoluteLinks(reply.html, articleUrl), format: 'text/html' },
      ...(reply.url ? [{ id: reply.url, type: 'Text', format: 'text/html', purpose: 'linking' }] : []),
    ],
    target,
  };
}

/** The replies in the article: to the notes as a whole first, then to claims in text order. */
function replies(input: AnnotationInput) {
  const { article, collectionUrl, articleUrl } = input;
  return [
    ...(article.reply ? [replyAnnotation(article.reply, `${collectionUrl}#reply`, collectionUrl, articleUrl)] : []),
    ...article.claims.flatMap((claim) =>
      claim.reply && claim.replyHtml
        ? [replyAnnotation({ ...claim.reply, html: claim.replyHtml }, `${collectionUrl}#${claim.id}-reply`, `${collectionUrl}#${claim.id}`, articleUrl)]
        : [],
    ),
  ];
}

/** The whole collection: one page holding every claim, in text order, then the replies. */
export function annotationCollection(input: AnnotationInput) {
  const { article } = input;
  const items = [...article.claims.map((claim) => annotation(claim, input)), ...replies(input)];
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: input.collectionUrl,
    type: 'AnnotationCollection',
    label: `Claims annotated in “${article.frontmatter.title}” (${input.siteName})`,
    total: items.length,
    first: {
      id: `${input.collectionUrl}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items,
    },
  };
}
