/**
 * Citations in annotations.yaml: every `[^id]` in a claim's note or the article's assessment and
 * context must name a defined source (an error at the citation itself), and a source nobody
 * cites is probably a leftover (a warning at the source).
 */
import { CITATION } from '../model/citation.ts';
import type { Place, SourceEntry } from './types.ts';
import { RULES } from './messages.ts';
import type { AnnotationPositions } from './annotation-positions.ts';
import { didYouMean, fieldPlace, isPlainMap } from './yaml-fields.ts';
import type { Data, FieldContext, Path, Subject } from './yaml-fields.ts';

export interface CitationContext extends FieldContext {
  /** The file's text, to point inside a long value. */
  source: string;
  placeOfOffset: (offset: number) => Place;
}

interface CitingText {
  path: Path;
  text: string;
  subject: Subject;
  what: string;
}

export function checkCitations(ctx: CitationContext, data: Data, sources: readonly SourceEntry[], positions: AnnotationPositions): void {
  const defined = new Set(isPlainMap(data.sources) ? Object.keys(data.sources) : []);
  const cited = new Set<string>();

  for (const { path, text, subject, what } of citingTexts(data)) {
    const seenInText = new Map<string, number>();
    for (const match of text.matchAll(CITATION)) {
      const id = match[1];
      const occurrence = seenInText.get(match[0]) ?? 0;
      seenInText.set(match[0], occurrence + 1);
      if (defined.has(id)) {
        cited.add(id);
        continue;
      }
      const hint = didYouMean(id, [...defined]) || (defined.size === 0 ? '; the file defines no sources' : '');
      ctx.sink.error(RULES.sourceUndefined, `${what} cites ${match[0]}, but no source "${id}" is defined under sources${hint}`, {
        place: placeInValue(ctx, path, match[0], occurrence),
        ...subject,
      });
    }
  }

  for (const source of sources) {
    if (cited.has(source.id)) continue;
    ctx.sink.warn(RULES.sourceUncited, `no note cites this source; cite it as [^${source.id}] or remove it`, {
      place: positions.source(source.id),
      subject: source.id,
      subjectKind: 'source',
    });
  }
}

/** The texts that may cite sources, as written (before any other check). */
function citingTexts(data: Data): CitingText[] {
  const texts: CitingText[] = [];
  if (Array.isArray(data.claims)) {
    data.claims.forEach((item, index) => {
      if (!isPlainMap(item) || typeof item.note !== 'string') return;
      const subject: Subject =
        typeof item.id === 'string' && item.id.trim() !== ''
          ? { subject: item.id, subjectKind: 'claim' }
          : { subject: `claims[${index}]`, subjectKind: 'entry' };
      texts.push({ path: ['claims', index, 'note'], text: item.note, subject, what: 'note' });
    });
  }
  if (isPlainMap(data.article)) {
    for (const key of ['assessment', 'context'] as const) {
      const text = data.article[key];
      if (typeof text === 'string') {
        texts.push({ path: ['article', key], text, subject: { subject: `article.${key}`, subjectKind: 'field' }, what: key });
      }
    }
  }
  return texts;
}

/** The place of the nth `needle` inside the YAML value at `path` (block scalars keep text verbatim). */
function placeInValue(ctx: CitationContext, path: Path, needle: string, nth: number): Place {
  const node = ctx.places.valueNode(path);
  if (node?.range) {
    const raw = ctx.source.slice(node.range[0], node.range[1]);
    let at = -1;
    for (let count = 0; count <= nth; count++) {
      at = raw.indexOf(needle, at + 1);
      if (at === -1) break;
    }
    if (at !== -1) return ctx.placeOfOffset(node.range[0] + at);
  }
  return fieldPlace(ctx, path);
}
