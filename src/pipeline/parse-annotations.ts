/**
 * annotations.yaml → sources, claims and article notes, with the YAML place of each,
 * and every problem in the file at once (never only the first).
 *
 * Entries with errors are still returned where they have a usable id (and, for
 * claims, a quote), so later stages can report their own problems too; callers
 * must treat any error message as fatal.
 */
import { CLAIM_KINDS, RATINGS } from './types.ts';
import type { ClaimEntry, ClaimKind, ContentMessage, ParsedAnnotations, Place, Rating, SourceEntry } from './types.ts';
import { closestName, isCalendarDate, isHttpUrl, isId, isPartialDate } from './formats.ts';
import { MessageSink, RULES, showValue, sortMessages } from './messages.ts';
import { describeType, readYaml } from './yaml-read.ts';
import { ARTICLE_EDITORIAL_KEYS, CLAIM_EDITORIAL_KEYS, readArticleEditorial, readClaimEditorial } from './parse-history.ts';
import type { YamlPlaces } from './yaml-read.ts';
import { SOURCE_RECORD_KEYS, checkSources, readSourceRecord } from './parse-sources.ts';

export type { ParsedAnnotations, Place } from './types.ts';

const TOP_KEYS = ['sources', 'article', 'claims'] as const;
const SOURCE_KEYS = ['title', 'publisher', 'date', 'url', 'excerpt', ...SOURCE_RECORD_KEYS] as const;
const ARTICLE_KEYS = ['assessment', 'context', 'checked', ...ARTICLE_EDITORIAL_KEYS] as const;
const CLAIM_KEYS = ['id', 'quote', 'prefix', 'suffix', 'kind', 'rating', 'summary', 'note', 'topics', ...CLAIM_EDITORIAL_KEYS] as const;
const RATED_KINDS: readonly ClaimKind[] = ['fact', 'interpretation'];

/** Guards against runaway values; a quote lies within one paragraph, a summary is one sentence. */
const MAX_LENGTH = { quote: 5_000, context: 1_000, summary: 400, markdown: 20_000, short: 1_000 } as const;

/** `[^source-id]` in Markdown notes. */
const CITATION = /\[\^([^\]\s]*)\]/g;

type Path = (string | number)[];
type Data = Record<string, unknown>;

/** Who a message is about: a claim id, a source id, a field, or an entry that has no usable id. */
interface Subject {
  subject: string;
  subjectKind: ContentMessage['subjectKind'];
}

interface Context {
  sink: MessageSink;
  places: YamlPlaces;
  source: string;
  placeOfOffset: (offset: number) => Place;
}

export function parseAnnotations(source: string, file: string): ParsedAnnotations {
  const sink = new MessageSink(file);
  const parsed: ParsedAnnotations = { sources: [], claims: [], article: {}, positions: new Map(), messages: [] };
  const done = () => ({ ...parsed, messages: sortMessages(sink.messages) });

  // Duplicate keys are reported once the data is read, so a claim's message can name its id.
  const duplicates: { key: string; path: Path; place: Place }[] = [];
  const { data, places, placeOfOffset } = readYaml(source, sink, (key, path, place) => duplicates.push({ key, path, place }));
  const rawClaims = isPlainMap(data) && Array.isArray(data.claims) ? data.claims : [];
  for (const { key, path, place } of duplicates) reportDuplicateKey(sink, rawClaims, key, path, place);
  if (data === undefined || data === null) return done();
  const ctx: Context = { sink, places, source, placeOfOffset };

  if (!isPlainMap(data)) {
    sink.error(RULES.fieldType, `annotations.yaml must hold the fields sources, article and claims, not ${describeType(data)}`, {
      place: places.near([]),
    });
    return done();
  }
  reportUnknownKeys(ctx, data, [], TOP_KEYS, (key) => ({ subject: key, subjectKind: 'field' }));

  parsed.sources = readSources(ctx, data.sources, parsed.positions);
  parsed.article = readArticle(ctx, data.article, parsed.positions);
  parsed.claims = readClaims(ctx, data.claims, parsed.positions);
  checkCitations(ctx, data, parsed);
  checkSources(ctx, parsed);
  return done();
}

function reportDuplicateKey(sink: MessageSink, claims: unknown[], key: string, path: Path, place: Place): void {
  if (path.length === 1 && path[0] === 'sources') {
    sink.error(RULES.duplicateId, 'source id is defined twice; source ids must be unique in the file', {
      place,
      subject: key,
      subjectKind: 'source',
    });
    return;
  }
  const claimIndex = path[0] === 'claims' && typeof path[1] === 'number' ? path[1] : undefined;
  const claim = claimIndex === undefined ? undefined : claims[claimIndex];
  const claimId = isPlainMap(claim) && typeof claim.id === 'string' ? claim.id : undefined;
  const subject: Subject = claimId
    ? { subject: claimId, subjectKind: 'claim' }
    : { subject: [...path, key].map(String).join('.'), subjectKind: 'field' };
  sink.error(RULES.yamlSyntax, `field "${key}" is given twice; keep one`, { place, ...subject });
}

// ─── sources ───────────────────────────────────────────────────────────────

function readSources(ctx: Context, raw: unknown, positions: Map<string, Place>): SourceEntry[] {
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
    const place = ctx.places.field(path) ?? ctx.places.near(path);
    positions.set(`source:${id}`, place);
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
    reportUnknownKeys(ctx, entry, path, SOURCE_KEYS, () => subject);
    const title = readText(ctx, entry, path, 'title', subject, { required: true, max: MAX_LENGTH.short });
    const publisher = readText(ctx, entry, path, 'publisher', subject, { required: true, max: MAX_LENGTH.short });
    const date = readDate(ctx, entry, path, 'date', subject, 'partial');
    const url = readText(ctx, entry, path, 'url', subject, { max: MAX_LENGTH.short });
    if (url !== undefined && !isHttpUrl(url)) {
      ctx.sink.error(RULES.urlScheme, `url ${showValue(url)} must be an absolute http:// or https:// address`, {
        place: fieldPlace(ctx, [...path, 'url']),
        ...subject,
      });
    }
    const excerpt = readText(ctx, entry, path, 'excerpt', subject, { max: MAX_LENGTH.markdown });
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

// ─── article ───────────────────────────────────────────────────────────────

function readArticle(ctx: Context, raw: unknown, positions: Map<string, Place>): ParsedAnnotations['article'] {
  if (raw === undefined || raw === null) return {};
  const subject: Subject = { subject: 'article', subjectKind: 'field' };
  if (!isPlainMap(raw)) {
    ctx.sink.error(RULES.fieldType, `must have the fields assessment, context and checked, not ${describeType(raw)}`, {
      place: ctx.places.near(['article']),
      ...subject,
    });
    return {};
  }
  reportUnknownKeys(ctx, raw, ['article'], ARTICLE_KEYS, (key) => ({ subject: `article.${key}`, subjectKind: 'field' }));
  const article: ParsedAnnotations['article'] = {};
  for (const key of ['assessment', 'context'] as const) {
    const value = readText(ctx, raw, ['article'], key, { subject: `article.${key}`, subjectKind: 'field' }, { max: MAX_LENGTH.markdown });
    if (value !== undefined) article[key] = value;
    const place = ctx.places.field(['article', key]);
    if (place) positions.set(`article:${key}`, place);
  }
  const checked = readDate(ctx, raw, ['article'], 'checked', { subject: 'article.checked', subjectKind: 'field' }, 'full');
  if (checked !== undefined) article.checked = checked;
  const checkedPlace = ctx.places.field(['article', 'checked']);
  if (checkedPlace) positions.set('article:checked', checkedPlace);
  Object.assign(article, readArticleEditorial(ctx, raw));
  return article;
}

// ─── claims ────────────────────────────────────────────────────────────────

function readClaims(ctx: Context, raw: unknown, positions: Map<string, Place>): ClaimEntry[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    ctx.sink.error(RULES.fieldType, `must be a list of claims, each starting with "- id: …", not ${describeType(raw)}`, {
      place: ctx.places.near(['claims']),
      subject: 'claims',
      subjectKind: 'field',
    });
    return [];
  }
  const claims: ClaimEntry[] = [];
  const firstLineOfId = new Map<string, number>();
  raw.forEach((item, index) => {
    const claim = readClaim(ctx, item, index, firstLineOfId, positions);
    if (claim) claims.push(claim);
  });
  return claims;
}

function readClaim(
  ctx: Context,
  item: unknown,
  index: number,
  firstLineOfId: Map<string, number>,
  positions: Map<string, Place>,
): ClaimEntry | undefined {
  const path: Path = ['claims', index];
  const place = ctx.places.field(path) ?? ctx.places.near(path);
  const entry: Subject = { subject: `claims[${index}]`, subjectKind: 'entry' };
  if (!isPlainMap(item)) {
    ctx.sink.error(RULES.fieldType, `each claim must have fields (id, quote, kind, …), not ${describeType(item)}`, { place, ...entry });
    return undefined;
  }

  // The id first: every other message about this claim names it.
  const rawId = item.id;
  const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId : undefined;
  const subject: Subject = id !== undefined ? { subject: id, subjectKind: 'claim' } : entry;
  const idPlace = fieldPlace(ctx, [...path, 'id']);
  let duplicate = false;
  if (rawId === undefined) {
    ctx.sink.error(RULES.fieldMissing, 'claim has no id; add "id: some-claim-id"', { place, ...entry });
  } else if (id === undefined) {
    const problem = rawId === null || rawId === '' ? 'has no value' : `must be text, not ${describeType(rawId)}`;
    ctx.sink.error(RULES.fieldType, `field "id" ${problem}`, { place: idPlace, ...entry });
  } else {
    if (!isId(id)) {
      ctx.sink.error(RULES.idFormat, 'claim id must be lower-case letters, digits and single hyphens, e.g. "swift-ban"', {
        place: idPlace,
        ...subject,
      });
    }
    const firstLine = firstLineOfId.get(id);
    if (firstLine !== undefined) {
      duplicate = true;
      ctx.sink.error(RULES.duplicateId, `claim id is already used on line ${firstLine}; give each claim its own id`, {
        place: idPlace,
        ...subject,
      });
    } else {
      firstLineOfId.set(id, place.line);
      positions.set(`claim:${id}`, place);
      for (const key of ['quote', 'prefix', 'suffix', 'note'] as const) {
        const keyPlace = ctx.places.field([...path, key]);
        if (keyPlace) positions.set(`claim:${id}:${key}`, keyPlace);
      }
    }
  }

  reportUnknownKeys(ctx, item, path, CLAIM_KEYS, () => subject);
  const quote = readText(ctx, item, path, 'quote', subject, { required: true, max: MAX_LENGTH.quote });
  const prefix = readText(ctx, item, path, 'prefix', subject, { max: MAX_LENGTH.context });
  const suffix = readText(ctx, item, path, 'suffix', subject, { max: MAX_LENGTH.context });
  const kind = readKind(ctx, item, path, subject);
  const rating = readRating(ctx, item, path, subject, kind);
  const summary = readSummary(ctx, item, path, subject);
  const note = readText(ctx, item, path, 'note', subject, { required: true, max: MAX_LENGTH.markdown });
  const topics = readTopics(ctx, item, path, subject);
  const editorial = readClaimEditorial(ctx, item, path, subject, { rating, kind });

  if (id === undefined || duplicate || quote === undefined) return undefined;
  return {
    id,
    quote,
    ...(prefix !== undefined && { prefix }),
    ...(suffix !== undefined && { suffix }),
    // A claim with a bad kind is still returned for anchoring; the error already fails the build.
    kind: kind ?? 'opinion',
    ...(rating !== undefined && { rating }),
    summary: summary ?? '',
    note: note ?? '',
    topics,
    ...editorial,
  };
}

function readKind(ctx: Context, item: Data, path: Path, subject: Subject): ClaimKind | undefined {
  const value = item.kind;
  const place = fieldPlace(ctx, [...path, 'kind']);
  if (value === undefined) {
    ctx.sink.error(RULES.fieldMissing, `required field "kind" is missing; use one of ${CLAIM_KINDS.join(', ')}`, {
      place: ctx.places.near([...path, 'kind']),
      ...subject,
    });
    return undefined;
  }
  if (typeof value === 'string' && (CLAIM_KINDS as readonly string[]).includes(value)) return value as ClaimKind;
  ctx.sink.error(RULES.unknownKind, `kind ${showValue(value)} is not one of ${CLAIM_KINDS.join(', ')}${didYouMean(value, CLAIM_KINDS)}`, {
    place,
    ...subject,
  });
  return undefined;
}

/** Facts and interpretations must be rated; opinions and predictions must not be. */
function readRating(ctx: Context, item: Data, path: Path, subject: Subject, kind: ClaimKind | undefined): Rating | undefined {
  const value = item.rating;
  const place = fieldPlace(ctx, [...path, 'rating']);
  if (kind && !RATED_KINDS.includes(kind)) {
    if (value !== undefined) {
      ctx.sink.error(RULES.ratingNotAllowed, `a claim of kind ${kind} is not rated; remove its rating (${showValue(value)})`, { place, ...subject });
    }
    return undefined;
  }
  if (value === undefined || value === null) {
    if (kind) {
      ctx.sink.error(RULES.ratingMissing, `a claim of kind ${kind} needs a rating: one of ${RATINGS.join(', ')}`, {
        place: value === null ? place : ctx.places.near([...path, 'kind']),
        ...subject,
      });
    }
    return undefined;
  }
  if (typeof value === 'string' && (RATINGS as readonly string[]).includes(value)) return value as Rating;
  ctx.sink.error(RULES.unknownRating, `rating ${showValue(value)} is not one of ${RATINGS.join(', ')}${didYouMean(value, RATINGS)}`, {
    place,
    ...subject,
  });
  return undefined;
}

/** One plain-text sentence: shown in lists and page descriptions, where Markdown and citations cannot go. */
function readSummary(ctx: Context, item: Data, path: Path, subject: Subject): string | undefined {
  const summary = readText(ctx, item, path, 'summary', subject, { required: true, max: MAX_LENGTH.summary });
  if (summary === undefined) return undefined;
  const place = fieldPlace(ctx, [...path, 'summary']);
  if (summary.includes('\n')) {
    ctx.sink.error(RULES.fieldType, 'summary must be one sentence on one line; move the detail into the note', { place, ...subject });
  } else if (/\[\^[^\]]*\]/.test(summary)) {
    ctx.sink.error(RULES.fieldType, 'summary is plain text and cannot cite sources; cite them in the note', { place, ...subject });
  }
  return summary;
}

function readTopics(ctx: Context, item: Data, path: Path, subject: Subject): string[] {
  const value = item.topics;
  const place = fieldPlace(ctx, [...path, 'topics']);
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    const problem = value === null ? 'has no value; list topics like [kuril-islands] or remove the line' : `must be a list such as [kuril-islands], not ${describeType(value)}`;
    ctx.sink.error(value === null ? RULES.fieldMissing : RULES.fieldType, `field "topics" ${problem}`, { place, ...subject });
    return [];
  }
  const topics: string[] = [];
  value.forEach((topic, index) => {
    if (typeof topic === 'string' && isId(topic)) topics.push(topic);
    else {
      ctx.sink.error(RULES.fieldType, `topic ${showValue(topic)} must be lower-case words joined by hyphens, e.g. kuril-islands`, {
        place: fieldPlace(ctx, [...path, 'topics', index]),
        ...subject,
      });
    }
  });
  return topics;
}

// ─── citations ─────────────────────────────────────────────────────────────

/** Every `[^id]` must name a defined source; a source nobody cites is probably a leftover. */
function checkCitations(ctx: Context, data: Data, parsed: ParsedAnnotations): void {
  const defined = new Set(isPlainMap(data.sources) ? Object.keys(data.sources) : []);
  const cited = new Set<string>();
  const texts: { path: Path; text: string; subject: Subject; what: string }[] = [];

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

  for (const { path, text, subject, what } of texts) {
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

  for (const source of parsed.sources) {
    if (cited.has(source.id)) continue;
    ctx.sink.warn(RULES.sourceUncited, `no note cites this source; cite it as [^${source.id}] or remove it`, {
      place: parsed.positions.get(`source:${source.id}`),
      subject: source.id,
      subjectKind: 'source',
    });
  }
}

/** The place of the nth `needle` inside the YAML value at `path` (block scalars keep text verbatim). */
function placeInValue(ctx: Context, path: Path, needle: string, nth: number): Place {
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

// ─── field helpers ─────────────────────────────────────────────────────────

interface TextOptions {
  required?: boolean;
  max: number;
}

/**
 * A text field, trimmed (folded `>` scalars end in a newline). Reports a missing,
 * empty, non-text or overlong value and returns undefined for it.
 */
function readText(ctx: Context, item: Data, path: Path, key: string, subject: Subject, options: TextOptions): string | undefined {
  const value = item[key];
  const fieldPath = [...path, key];
  if (value === undefined) {
    if (options.required) {
      ctx.sink.error(RULES.fieldMissing, `required field "${key}" is missing`, { place: ctx.places.near(fieldPath), ...subject });
    }
    return undefined;
  }
  const place = fieldPlace(ctx, fieldPath);
  if (value === null) {
    const hint = options.required ? '' : '; give one or remove the line';
    ctx.sink.error(RULES.fieldMissing, `field "${key}" has no value${hint}`, { place, ...subject });
    return undefined;
  }
  if (typeof value !== 'string') {
    const quoteHint = typeof value === 'number' || typeof value === 'boolean' ? ` (put it in quotes: ${key}: "${value}")` : '';
    ctx.sink.error(RULES.fieldType, `field "${key}" must be text, not ${describeType(value)}${quoteHint}`, { place, ...subject });
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    ctx.sink.error(RULES.fieldMissing, `field "${key}" is empty`, { place, ...subject });
    return undefined;
  }
  if (text.length > options.max) {
    ctx.sink.error(RULES.fieldType, `field "${key}" is ${text.length} characters long; the most allowed is ${options.max}`, {
      place,
      ...subject,
    });
    return undefined;
  }
  return text;
}

/** A date field: `full` is YYYY-MM-DD; `partial` also allows YYYY-MM and YYYY (a bare year reads as a number). */
function readDate(ctx: Context, item: Data, path: Path, key: string, subject: Subject, precision: 'full' | 'partial'): string | undefined {
  const value = item[key];
  if (value === undefined) return undefined;
  const place = fieldPlace(ctx, [...path, key]);
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  const valid = typeof text === 'string' && (precision === 'full' ? isCalendarDate(text) : isPartialDate(text));
  if (valid) return text;
  const formats = precision === 'full' ? 'YYYY-MM-DD' : 'YYYY-MM-DD, YYYY-MM or YYYY';
  ctx.sink.error(RULES.dateFormat, `${key} ${showValue(value)} must be a real date written ${formats}`, { place, ...subject });
  return undefined;
}

function reportUnknownKeys(
  ctx: Context,
  item: Data,
  path: Path,
  known: readonly string[],
  subjectFor: (key: string) => Subject,
): void {
  for (const key of Object.keys(item)) {
    if (known.includes(key)) continue;
    const guess = closestName(key, known);
    const hint = guess ? `did you mean "${guess}"?` : `the fields here are ${known.join(', ')}`;
    ctx.sink.error(RULES.fieldUnknown, `unknown field "${key}"; ${hint}`, { place: fieldPlace(ctx, [...path, key]), ...subjectFor(key) });
  }
}

function fieldPlace(ctx: Context, path: Path): Place {
  return ctx.places.field(path) ?? ctx.places.near(path);
}

function didYouMean(value: unknown, known: readonly string[]): string {
  const guess = typeof value === 'string' ? closestName(value, known) : undefined;
  return guess && guess !== value ? `; did you mean "${guess}"?` : '';
}

function isPlainMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
