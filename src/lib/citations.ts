/**
 * An article's sources as citations researchers can load into a reference manager:
 * CSL-JSON (`/articles/<slug>/sources.csl.json`) and BibTeX (`/articles/<slug>/sources.bib`).
 * The CSL items are built here; citation-js (the library reference managers' converters use)
 * writes the BibTeX from them, and the tests parse both back with it (docs/linking.md).
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { RenderedSource, SourceType } from '../pipeline/types.ts';
import { SOURCE_TYPE_LABEL } from '../model/labels.ts';
import { cleanUrl } from '../pipeline/clean-url.ts';

/** The CSL-JSON fields we write (CSL 1.0.2 schema). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: string;
  title: string;
  publisher: string;
  'container-title'?: string;
  URL?: string;
  issued?: { 'date-parts': number[][] };
  accessed?: { 'date-parts': number[][] };
  genre?: string;
  note?: string;
}

/** Reports, statements and records are web documents; news and commentary are articles in their outlet. */
const CSL_TYPE: Record<SourceType, string> = {
  primary: 'document',
  official: 'webpage',
  news: 'article-newspaper',
  commentary: 'article',
  reference: 'entry-encyclopedia',
  'state-media': 'article-newspaper',
  copy: 'webpage',
};
const IN_CONTAINER: ReadonlySet<SourceType> = new Set(['news', 'commentary', 'reference', 'state-media']);

/** "2022-03-01" → [[2022, 3, 1]]; "2022" → [[2022]]. */
function dateParts(date: string): { 'date-parts': number[][] } {
  return { 'date-parts': [date.split('-').map(Number)] };
}

export function sourceToCsl(source: RenderedSource): CslItem {
  const notes: string[] = [];
  if (source.original) notes.push(`Copy of: ${source.original}`);
  if (source.archive) notes.push(`Archived copy: ${source.archive.url} (captured ${source.archive.date})`);
  if (source.origin === 'author-link') notes.push('Linked in the original article');
  return {
    id: source.id,
    'citation-key': source.id,
    type: source.type ? CSL_TYPE[source.type] : source.url ? 'webpage' : 'document',
    title: source.title,
    publisher: source.publisher,
    ...(source.type && IN_CONTAINER.has(source.type) && { 'container-title': source.publisher }),
    ...(source.url && { URL: cleanUrl(source.url) }),
    ...(source.date && { issued: dateParts(source.date) }),
    ...(source.accessed && { accessed: dateParts(source.accessed) }),
    ...(source.type && { genre: SOURCE_TYPE_LABEL[source.type] }),
    ...(notes.length > 0 && { note: notes.join('. ') }),
  };
}

/** The CSL-JSON file: the items in the order the source list numbers them. */
export function sourcesCslJson(sources: readonly RenderedSource[]): string {
  const items = [...sources].sort((a, b) => a.number - b.number).map(sourceToCsl);
  return `${JSON.stringify(items, null, 2)}\n`;
}

// Keys are the source ids as editors wrote them (`mofa-2022-03`): BibTeX allows hyphens in keys,
// and a reader who cites [^mofa-2022-03] in our notes finds the same key in the .bib file.
const bibtexConfig = plugins.config.get('@bibtex') as { format: { checkLabel: boolean } };
bibtexConfig.format.checkLabel = false;

/** The BibTeX file. The access date, which BibTeX has no field for, goes into `note`. */
export function sourcesBibtex(sources: readonly RenderedSource[]): string {
  const items = [...sources].sort((a, b) => a.number - b.number).map((source) => {
    const item = sourceToCsl(source);
    if (!item.accessed) return item;
    const read = `Accessed ${source.accessed}`;
    return { ...item, note: item.note ? `${read}. ${item.note}` : read };
  });
  if (items.length === 0) return '';
  return new Cite(items).format('bibtex') as string;
}
