/**
 * Reading W3C Web Annotations (JSON-LD) as Hypothesis exports them and as this site exports them
 * (src/lib/web-annotation.ts): the passage's TextQuoteSelector, the body's texts by purpose, and
 * tags. Lenient about shapes (one annotation, a list, an AnnotationCollection or AnnotationPage,
 * Hypothesis's API answer `{ rows: [...] }` with `text` and `tags`), strict about nothing: what
 * an annotation lacks is for the importer to report.
 */
export interface QuoteSelectorIn {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface AnnotationIn {
  /** The annotation's id (a URL), when it has one. */
  id?: string;
  quote?: QuoteSelectorIn;
  tags: string[];
  /** The site's own bodies: kind and rating labels, the one-line summary. */
  classifying?: string;
  assessing?: string;
  describing?: string;
  /** The note: its text and format (`text/html`, `text/markdown` or `text/plain`). */
  note?: { value: string; format: string };
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every annotation in a JSON-LD document, whatever its wrapping. */
export function annotationsIn(document: unknown): Json[] {
  if (Array.isArray(document)) return document.flatMap(annotationsIn);
  if (!isObject(document)) return [];
  if (Array.isArray(document.rows)) return document.rows.flatMap(annotationsIn); // Hypothesis API search
  if (Array.isArray(document.items)) return document.items.flatMap(annotationsIn); // AnnotationPage
  if (isObject(document.first) || Array.isArray(document.first)) return annotationsIn(document.first); // AnnotationCollection
  if (Array.isArray(document['@graph'])) return document['@graph'].flatMap(annotationsIn);
  if (document.target !== undefined || document.type === 'Annotation') return [document];
  return [];
}

function quoteSelector(target: unknown): QuoteSelectorIn | undefined {
  for (const one of list(target)) {
    if (!isObject(one)) continue;
    for (const selector of list(one.selector)) {
      if (!isObject(selector)) continue;
      const exact = text(selector.exact);
      if (selector.type === 'TextQuoteSelector' && exact !== undefined) {
        return { exact, ...(text(selector.prefix) ? { prefix: text(selector.prefix) } : {}), ...(text(selector.suffix) ? { suffix: text(selector.suffix) } : {}) };
      }
    }
  }
  return undefined;
}

export function readAnnotation(annotation: Json): AnnotationIn {
  const out: AnnotationIn = { tags: [] };
  const id = text(annotation.id) ?? text(annotation['@id']);
  if (id) out.id = id;
  const quote = quoteSelector(annotation.target);
  if (quote) out.quote = quote;
  for (const tag of list(annotation.tags)) if (typeof tag === 'string') out.tags.push(tag); // Hypothesis API
  if (typeof annotation.text === 'string' && annotation.text.trim()) out.note = { value: annotation.text, format: 'text/markdown' };
  if (typeof annotation.bodyValue === 'string') out.note = { value: annotation.bodyValue, format: 'text/plain' };
  for (const body of list(annotation.body)) {
    if (typeof body === 'string') continue; // a link to a resource, not text
    if (!isObject(body)) continue;
    const value = text(body.value);
    if (value === undefined) continue;
    const purposes = list(body.purpose).filter((p): p is string => typeof p === 'string');
    const purpose = purposes[0] ?? 'commenting';
    if (purpose === 'tagging') out.tags.push(value);
    else if (purpose === 'classifying') out.classifying = value;
    else if (purpose === 'assessing') out.assessing = value;
    else if (purpose === 'describing') out.describing = value;
    else if (purpose === 'commenting' || purpose === 'replying') {
      out.note ??= { value, format: text(body.format) ?? 'text/plain' };
    }
  }
  return out;
}
