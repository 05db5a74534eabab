/**
 * The claims of one article as CSV (RFC 4180), served at `/articles/<slug>/claims.csv`.
 * One row per claim in text order; the columns are documented in docs/linking.md.
 */
import { noteHtmlOf, type StoredClaim, type StoredArticle } from '../content/stored-article.ts';
import type { ArticleHtml } from '../content/article-html.ts';
import { KIND_LABEL, RATING_LABEL } from '../model/labels.ts';
import { positionSelector } from './web-annotation.ts';

export const CSV_COLUMNS = [
  'number', 'id', 'kind', 'rating', 'quote', 'summary', 'note', 'sources', 'topics',
  'inside_claim', 'start', 'end', 'claim_url', 'article_url',
] as const;

/**
 * One field: quoted when it holds a comma, quote or line break (quotes doubled).
 * A text field that starts with = + - @ or a tab/CR gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | number | undefined)[]): string {
  return values.map(csvField).join(',');
}

/**
 * HTML of a note → plain text: citations as "[2]", paragraphs on lines of their own,
 * the soft line breaks of the Markdown source as spaces, entities decoded.
 */
export function plainText(html: string): string {
  return html
    .replace(/<sup class="cite[^"]*"><a [^>]*>(\d+)<\/a><\/sup>/g, '[$1]')
    .replace(/<\/(p|li|blockquote|h[1-6])>/g, '\u0000')
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .replace(/ ?\u0000 ?/g, '\n')
    .trim();
}

export interface CsvInput {
  article: Pick<StoredArticle, 'claims' | 'sources'> & Pick<ArticleHtml, 'text' | 'bodyHtml' | 'headNotesHtml'>;
  articleUrl: string;
  claimPageUrl: (claimId: string) => string;
}

function sourcesOf(claim: StoredClaim, article: CsvInput['article']): string {
  return claim.sourceIds
    .map((id) => article.sources.find((source) => source.id === id))
    .filter((source) => source !== undefined)
    .map((source) => `[${source.number}] ${source.title}, ${source.publisher}${source.url ? ` <${source.url}>` : ''}`)
    .join('; ');
}

/** The whole file: a header row, one row per claim, CRLF line ends. */
export function claimsCsv({ article, articleUrl, claimPageUrl }: CsvInput): string {
  const rows = article.claims.map((claim) => {
    const position = positionSelector(article.text, claim.start, claim.end);
    return csvRow([
      claim.number,
      claim.id,
      KIND_LABEL[claim.kind],
      claim.rating ? RATING_LABEL[claim.rating] : '',
      claim.passage,
      claim.summary,
      plainText(noteHtmlOf(article, claim)),
      sourcesOf(claim, article),
      claim.topics.join('; '),
      claim.parentId ?? '',
      position.start,
      position.end,
      claimPageUrl(claim.id),
      `${articleUrl}#claim-${claim.id}`,
    ]);
  });
  return [csvRow([...CSV_COLUMNS]), ...rows].map((row) => `${row}\r\n`).join('');
}
