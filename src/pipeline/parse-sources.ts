/**
 * The source-record fields of annotations.yaml — `type`, `original`, `accessed`, `archive` —
 * and the checks across all sources: tracking parameters, one source listed twice, and
 * rated claims that rest only on commentary or state media. Called from parse-annotations.ts,
 * which reads the common fields (title, publisher, date, url, excerpt).
 */
import { SOURCE_TYPES } from './types.ts';
import type { ClaimEntry, SourceArchive, SourceEntry, SourceType } from './types.ts';
import { isCalendarDate, isHttpUrl } from './format-checks.ts';
import { RULES, showValue } from './messages.ts';
import type { MessageSink } from './messages.ts';
import { describeType } from './yaml-read.ts';
import { CITATION } from '../model/citation.ts';
import type { AnnotationPositions } from './annotation-positions.ts';
import { didYouMean, fieldPlace, unknownFieldHint } from './yaml-fields.ts';
import type { Data, FieldContext, Path } from './yaml-fields.ts';
import { cleanUrl, sameSourceKey, trackingParams } from './clean-url.ts';
import { SOURCE_TYPE_LABEL } from '../model/labels.ts';

/** The fields this module reads; parse-annotations.ts adds them to a source's known keys. */
export const SOURCE_RECORD_KEYS = ['type', 'original', 'accessed', 'archive'] as const;
const ARCHIVE_KEYS = ['url', 'date'] as const;
/** Sources that cannot on their own carry a rating. */
const WEAK_TYPES: readonly SourceType[] = ['commentary', 'state-media'];
const MAX_ORIGINAL = 1_000;

export type SourceContext = FieldContext;

type SourceRecord = Pick<SourceEntry, 'type' | 'original' | 'accessed' | 'archive'>;

/** Reads and checks the record fields of the source at `path` (['sources', id]). */
export function readSourceRecord(ctx: SourceContext, entry: Data, path: Path): SourceRecord {
  const id = String(path[path.length - 1]);
  const report = (key: Path, rule: Parameters<MessageSink['error']>[0], reason: string) =>
    ctx.sink.error(rule, reason, { place: fieldPlace(ctx, [...path, ...key]), subject: id, subjectKind: 'source' });
  const record: SourceRecord = {};

  const type = entry.type;
  if (type !== undefined) {
    if (typeof type === 'string' && (SOURCE_TYPES as readonly string[]).includes(type)) record.type = type as SourceType;
    else {
      report(['type'], RULES.unknownSourceType, `type ${showValue(type)} is not one of ${SOURCE_TYPES.join(', ')}${didYouMean(type, SOURCE_TYPES)}`);
    }
  }

  const original = entry.original;
  if (original !== undefined) {
    const text = typeof original === 'string' ? original.trim() : undefined;
    if (entry.type !== undefined && entry.type !== 'copy') {
      report(['original'], RULES.originalNotAllowed, `"original" names what a copy was copied from; this source has type ${showValue(entry.type)}, so remove "original" or use type: copy`);
    } else if (entry.type === undefined) {
      report(['original'], RULES.originalNotAllowed, '"original" is only for a copy of another source; add "type: copy" or remove "original"');
    } else if (text === undefined) {
      report(['original'], RULES.fieldType, `field "original" must be text naming the original, not ${describeType(original)}`);
    } else if (text === '') {
      report(['original'], RULES.fieldMissing, 'field "original" is empty; name the original, e.g. "The New York Times, 5 August 2020"');
    } else if (text.length > MAX_ORIGINAL) {
      report(['original'], RULES.fieldType, `field "original" is ${text.length} characters long; the most allowed is ${MAX_ORIGINAL}`);
    } else record.original = text;
  } else if (record.type === 'copy') {
    ctx.sink.error(RULES.fieldMissing, 'a source of type copy needs "original": the source it copies, e.g. "The New York Times, 5 August 2020"', {
      place: fieldPlace(ctx, [...path, 'type']),
      subject: id,
      subjectKind: 'source',
    });
  }

  const accessed = readFullDate(entry.accessed, 'accessed');
  if (accessed.error) report(['accessed'], RULES.dateFormat, accessed.error);
  else if (accessed.value) record.accessed = accessed.value;

  if (entry.archive !== undefined) {
    const archive = readArchive(ctx, entry.archive, [...path, 'archive'], id);
    if (archive) record.archive = archive;
  }
  return record;
}

function readArchive(ctx: SourceContext, raw: unknown, path: Path, id: string): SourceArchive | undefined {
  const where = (key?: string) => ({ place: fieldPlace(ctx, key ? [...path, key] : path), subject: id, subjectKind: 'source' as const });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    ctx.sink.error(RULES.fieldType, `field "archive" must have the fields url and date (indented under it), not ${describeType(raw)}`, where());
    return undefined;
  }
  const data = raw as Data;
  for (const key of Object.keys(data)) {
    if ((ARCHIVE_KEYS as readonly string[]).includes(key)) continue;
    ctx.sink.error(RULES.fieldUnknown, `unknown field "archive.${key}"; ${unknownFieldHint(key, ARCHIVE_KEYS)}`, where(key));
  }
  let url: string | undefined;
  if (data.url === undefined || data.url === null) {
    ctx.sink.error(RULES.fieldMissing, 'field "archive.url" is missing: the address of the archived copy you found', where(data.url === null ? 'url' : undefined));
  } else if (typeof data.url !== 'string' || !isHttpUrl(data.url.trim())) {
    ctx.sink.error(RULES.urlScheme, `archive.url ${showValue(data.url)} must be an absolute http:// or https:// address`, where('url'));
  } else url = data.url.trim();
  const date = readFullDate(data.date, 'archive.date');
  if (data.date === undefined || data.date === null) {
    ctx.sink.error(RULES.fieldMissing, 'field "archive.date" is missing: when the archive captured the page, YYYY-MM-DD', where(data.date === null ? 'date' : undefined));
  } else if (date.error) ctx.sink.error(RULES.dateFormat, date.error, where('date'));
  return url && date.value ? { url, date: date.value } : undefined;
}

function readFullDate(value: unknown, name: string): { value?: string; error?: string } {
  if (value === undefined || value === null) return {};
  if (typeof value === 'string' && isCalendarDate(value)) return { value };
  return { error: `${name} ${showValue(value)} must be a real date written YYYY-MM-DD` };
}

/**
 * Checks across sources, once all are read: tracking parameters in a url (warning), the same
 * address under two ids (error), and rated claims whose every typed source is weak (warning).
 */
export function checkSources(
  ctx: SourceContext,
  parsed: { sources: readonly SourceEntry[]; claims: readonly ClaimEntry[]; positions: AnnotationPositions },
): void {
  const firstIdOfKey = new Map<string, string>();
  for (const source of parsed.sources) {
    const names = source.url === undefined ? [] : trackingParams(source.url);
    if (names.length > 0) {
      ctx.sink.warn(RULES.urlTracking, `url has tracking parameters (${names.join(', ')}), which the site removes; write it as ${showValue(cleanUrl(source.url!), 120)}`, {
        place: fieldPlace(ctx, ['sources', source.id, 'url']),
        subject: source.id,
        subjectKind: 'source',
      });
    }
    if (source.url === undefined) continue;
    const key = sameSourceKey(source.url);
    const first = firstIdOfKey.get(key);
    if (first === undefined) firstIdOfKey.set(key, source.id);
    else {
      ctx.sink.error(RULES.duplicateSource, `has the same address as source "${first}" (once tracking parameters are removed); keep one source and cite it as [^${first}]`, {
        place: fieldPlace(ctx, ['sources', source.id, 'url']),
        subject: source.id,
        subjectKind: 'source',
      });
    }
  }

  const typeOf = new Map(parsed.sources.map((source) => [source.id, source.type]));
  for (const claim of parsed.claims) {
    if (claim.rating === undefined) continue;
    const cited = [...new Set([...claim.note.matchAll(CITATION)].map((match) => match[1]))].filter((id) => typeOf.has(id));
    if (cited.length === 0) continue;
    const types = cited.map((id) => typeOf.get(id));
    if (!types.every((type) => type !== undefined && WEAK_TYPES.includes(type))) continue;
    const kinds = [...new Set(types.map((type) => SOURCE_TYPE_LABEL[type!].toLowerCase()))].join(' and ');
    ctx.sink.warn(RULES.weakSources, `is rated, but its note cites only ${kinds}; cite a primary document, official statement, news report or reference work, or reconsider the rating`, {
      place: parsed.positions.claim(claim.id),
      subject: claim.id,
      subjectKind: 'claim',
    });
  }
}
