/**
 * annotations.yaml → sources, claims and article notes, with the YAML place of each,
 * and every problem in the file at once (never only the first).
 *
 * Entries with errors are still returned where they have a usable id (and, for
 * claims, a quote), so later stages can report their own problems too; callers
 * must treat any error message as fatal.
 *
 * Each part of the file has its own reader: annotation-sources.ts (with parse-sources.ts for
 * a source's record fields), annotation-claims.ts, parse-history.ts (corrections and replies) and annotation-citations.ts (the checks across
 * them); yaml-fields.ts holds the field readers they share.
 */
import type { ParsedAnnotations, Place } from './types.ts';
import { MessageSink, RULES, sortMessages } from './messages.ts';
import { describeType, readYaml } from './yaml-read.ts';
import { ARTICLE_EDITORIAL_KEYS, readArticleEditorial } from './parse-history.ts';
import { AnnotationPositions } from './annotation-positions.ts';
import { readSources } from './annotation-sources.ts';
import { readClaims } from './annotation-claims.ts';
import { checkCitations } from './annotation-citations.ts';
import { checkSources } from './parse-sources.ts';
import { fieldPlace, isPlainMap, readDate, readText, reportUnknownKeys } from './yaml-fields.ts';
import { looksLikeCitation } from '../model/citation.ts';
import type { FieldContext, Path, Subject } from './yaml-fields.ts';

export type { ParsedAnnotations, Place } from './types.ts';

const TOP_KEYS = ['sources', 'article', 'claims'] as const;
const ARTICLE_KEYS = ['verdict', 'assessment', 'context', 'checked', ...ARTICLE_EDITORIAL_KEYS] as const;
const MAX_NOTE_LENGTH = 20_000;
const MAX_VERDICT_LENGTH = 600;

export function parseAnnotations(source: string, file: string): ParsedAnnotations {
  const sink = new MessageSink(file);
  const parsed: ParsedAnnotations = { sources: [], claims: [], article: {}, positions: new AnnotationPositions(), messages: [] };
  const done = () => ({ ...parsed, messages: sortMessages(sink.messages) });

  // Duplicate keys are reported once the data is read, so a claim's message can name its id.
  const duplicates: { key: string; path: Path; place: Place }[] = [];
  const { data, places, placeOfOffset } = readYaml(source, sink, (key, path, place) => duplicates.push({ key, path, place }));
  const rawClaims = isPlainMap(data) && Array.isArray(data.claims) ? data.claims : [];
  for (const { key, path, place } of duplicates) reportDuplicateKey(sink, rawClaims, key, path, place);
  // A second `claims:` (or `sources:`) replaces the first, but places still point into the first: stop here.
  if (data === undefined || data === null || duplicates.some(({ path }) => path.length === 0)) return done();
  const ctx: FieldContext = { sink, places };

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
  checkCitations({ ...ctx, source, placeOfOffset }, data, parsed.sources, parsed.positions);
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

/** `article:`: the editors' verdict, assessment and context notes, when they last checked, and the article's record. */
function readArticle(ctx: FieldContext, raw: unknown, positions: AnnotationPositions): ParsedAnnotations['article'] {
  if (raw === undefined || raw === null) return {};
  if (!isPlainMap(raw)) {
    ctx.sink.error(RULES.fieldType, `must have the fields verdict, assessment, context and checked, not ${describeType(raw)}`, {
      place: ctx.places.near(['article']),
      subject: 'article',
      subjectKind: 'field',
    });
    return {};
  }
  const fieldSubject = (key: string): Subject => ({ subject: `article.${key}`, subjectKind: 'field' });
  reportUnknownKeys(ctx, raw, ['article'], ARTICLE_KEYS, fieldSubject);
  const article: ParsedAnnotations['article'] = {};
  for (const key of ['assessment', 'context'] as const) {
    const value = readText(ctx, raw, ['article'], key, fieldSubject(key), { max: MAX_NOTE_LENGTH });
    if (value !== undefined) article[key] = value;
    const place = ctx.places.field(['article', key]);
    if (place) positions.setArticle(key, place);
  }
  const verdict = readText(ctx, raw, ['article'], 'verdict', fieldSubject('verdict'), { max: MAX_VERDICT_LENGTH });
  if (verdict !== undefined) {
    const place = fieldPlace(ctx, ['article', 'verdict']);
    if (/\n\s*\n/.test(verdict)) {
      ctx.sink.error(RULES.fieldType, 'verdict must be one paragraph (a sentence or two); the detail goes in the assessment', { place, ...fieldSubject('verdict') });
    } else if (looksLikeCitation(verdict)) {
      ctx.sink.error(RULES.fieldType, 'verdict is plain text and cannot cite sources; cite them in the assessment', { place, ...fieldSubject('verdict') });
    } else {
      article.verdict = verdict.replace(/\s+/g, ' ');
    }
  }
  const checked = readDate(ctx, raw, ['article'], 'checked', fieldSubject('checked'));
  if (checked !== undefined) article.checked = checked;
  const checkedPlace = ctx.places.field(['article', 'checked']);
  if (checkedPlace) positions.setArticle('checked', checkedPlace);
  Object.assign(article, readArticleEditorial(ctx, raw));
  return article;
}
