/**
 * The `sources:` map of annotations.yaml: each source id with its title, publisher, date, url
 * and excerpt (its record fields, type, original, accessed and archive, are read by
 * parse-sources.ts). Called by parse-annotations.ts; whether each is cited is checked in
 * annotation-citations.ts.
 */
import type { SourceEntry } from './types.ts';
import { isHttpUrl, isId } from './format-checks.ts';
import { RULES, showValue } from './messages.ts';
import { describeType } from './yaml-read.ts';
import type { AnnotationPositions } from './annotation-positions.ts';
import { fieldPlace, isPlainMap, readDate, readText, reportUnknownKeys } from './yaml-fields.ts';
import type { FieldContext, Path, Subject } from './yaml-fields.ts';
import { SOURCE_RECORD_KEYS, readSourceRecord } from './parse-sources.ts';

const SOURCE_KEYS = ['title', 'publisher', 'date', 'url', 'excerpt', ...SOURCE_RECORD_KEYS] as const;
const MAX_LENGTH = { short: 1_000, excerpt: 20_000 } as const;

export function readSources(ctx: FieldContext, raw: unknown, positions: AnnotationPositions): SourceEntry[] {
  if (raw === undefined || raw === null) return []; // `sources:` with nothing under it: no sources yet
  if (!isPlainMap(raw)) {
    ctx.sink.error(RULES.fieldType, `must be a map of source ids (  my-source-id:  then its fields), not ${describeType(raw)}`, {
      place: ctx.places.near(['sources']),
      subject: 'sources',
      subjectKind: 'field',
    });
    return [];
  }
  const sources: SourceEntry[] = [];
  for (const [id, entry] of Object.entries(raw)) {
    const path: Path = ['sources', id];
    const subject: Subject = { subject: id, subjectKind: 'source' };
    const place = fieldPlace(ctx, path);
    positions.setSource(id, place);
    if (!isId(id)) {
      ctx.sink.error(RULES.idFormat, 'source id must be lower-case letters, digits and single hyphens, e.g. "mofa-2022-03"', {
        place,
        ...subject,
      });
    }
    if (!isPlainMap(entry)) {
      ctx.sink.error(RULES.fieldType, `must have fields (title, publisher, …), not ${describeType(entry)}`, { place, ...subject });
      continue;
    }
    reportUnknownKeys(ctx, entry, path, SOURCE_KEYS, subject);
    const title = readText(ctx, entry, path, 'title', subject, { required: true, max: MAX_LENGTH.short });
    const publisher = readText(ctx, entry, path, 'publisher', subject, { required: true, max: MAX_LENGTH.short });
    const date = readDate(ctx, entry, path, 'date', subject, { precision: 'partial' });
    const url = readText(ctx, entry, path, 'url', subject, { max: MAX_LENGTH.short });
    if (url !== undefined && !isHttpUrl(url)) {
      ctx.sink.error(RULES.urlScheme, `url ${showValue(url)} must be an absolute http:// or https:// address`, {
        place: fieldPlace(ctx, [...path, 'url']),
        ...subject,
      });
    }
    const excerpt = readText(ctx, entry, path, 'excerpt', subject, { max: MAX_LENGTH.excerpt });
    const record = readSourceRecord(ctx, entry, path);
    sources.push({
      id,
      title: title ?? '',
      publisher: publisher ?? '',
      ...(date !== undefined && { date }),
      ...(url !== undefined && isHttpUrl(url) && { url }),
      ...(excerpt !== undefined && { excerpt }),
      ...record,
    });
  }
  return sources;
}
