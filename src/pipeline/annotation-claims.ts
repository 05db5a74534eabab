/**
 * The `claims:` list of annotations.yaml: each claim's id, selector (quote, prefix, suffix),
 * kind and rating, summary, note and topics, and its editorial record (parse-history.ts).
 * Called by parse-annotations.ts; the note's citations are checked in annotation-citations.ts.
 */
import { CLAIM_KINDS, RATED_KINDS, RATINGS } from '../model/claims.ts';
import type { ClaimKind, Rating } from '../model/claims.ts';
import { looksLikeCitation } from '../model/citation.ts';
import type { ClaimEntry } from './types.ts';
import { isId } from './format-checks.ts';
import { RULES, showValue } from './messages.ts';
import { describeType } from './yaml-read.ts';
import { CLAIM_EDITORIAL_KEYS, readClaimEditorial } from './parse-history.ts';
import { CLAIM_FIELDS } from './annotation-positions.ts';
import type { AnnotationPositions } from './annotation-positions.ts';
import { didYouMean, fieldPlace, isPlainMap, readText, reportUnknownKeys } from './yaml-fields.ts';
import type { Data, FieldContext, Path, Subject } from './yaml-fields.ts';

const CLAIM_KEYS = ['id', 'quote', 'prefix', 'suffix', 'kind', 'rating', 'summary', 'note', 'topics', ...CLAIM_EDITORIAL_KEYS] as const;

/** Guards against runaway values; a quote lies within one paragraph, a summary is one sentence. */
const MAX_LENGTH = { quote: 5_000, context: 1_000, summary: 400, note: 20_000 } as const;

export function readClaims(ctx: FieldContext, raw: unknown, positions: AnnotationPositions): ClaimEntry[] {
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
  ctx: FieldContext,
  item: unknown,
  index: number,
  firstLineOfId: Map<string, number>,
  positions: AnnotationPositions,
): ClaimEntry | undefined {
  const path: Path = ['claims', index];
  const place = fieldPlace(ctx, path);
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
      positions.setClaim(id, place);
      for (const key of CLAIM_FIELDS) {
        const keyPlace = ctx.places.field([...path, key]);
        if (keyPlace) positions.setClaim(id, keyPlace, key);
      }
    }
  }

  reportUnknownKeys(ctx, item, path, CLAIM_KEYS, subject);
  const quote = readText(ctx, item, path, 'quote', subject, { required: true, max: MAX_LENGTH.quote });
  const prefix = readText(ctx, item, path, 'prefix', subject, { max: MAX_LENGTH.context });
  const suffix = readText(ctx, item, path, 'suffix', subject, { max: MAX_LENGTH.context });
  const kind = readKind(ctx, item, path, subject);
  const rating = readRating(ctx, item, path, subject, kind);
  const summary = readSummary(ctx, item, path, subject);
  const note = readText(ctx, item, path, 'note', subject, { required: true, max: MAX_LENGTH.note });
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

function readKind(ctx: FieldContext, item: Data, path: Path, subject: Subject): ClaimKind | undefined {
  const value = item.kind;
  if (value === undefined) {
    ctx.sink.error(RULES.fieldMissing, `required field "kind" is missing; use one of ${CLAIM_KINDS.join(', ')}`, {
      place: ctx.places.near([...path, 'kind']),
      ...subject,
    });
    return undefined;
  }
  if (typeof value === 'string' && (CLAIM_KINDS as readonly string[]).includes(value)) return value as ClaimKind;
  ctx.sink.error(RULES.unknownKind, `kind ${showValue(value)} is not one of ${CLAIM_KINDS.join(', ')}${didYouMean(value, CLAIM_KINDS)}`, {
    place: fieldPlace(ctx, [...path, 'kind']),
    ...subject,
  });
  return undefined;
}

/** Facts and interpretations must be rated; opinions and predictions must not be. */
function readRating(ctx: FieldContext, item: Data, path: Path, subject: Subject, kind: ClaimKind | undefined): Rating | undefined {
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
function readSummary(ctx: FieldContext, item: Data, path: Path, subject: Subject): string | undefined {
  const summary = readText(ctx, item, path, 'summary', subject, { required: true, max: MAX_LENGTH.summary });
  if (summary === undefined) return undefined;
  const place = fieldPlace(ctx, [...path, 'summary']);
  if (summary.includes('\n')) {
    ctx.sink.error(RULES.fieldType, 'summary must be one sentence on one line; move the detail into the note', { place, ...subject });
  } else if (looksLikeCitation(summary)) {
    ctx.sink.error(RULES.fieldType, 'summary is plain text and cannot cite sources; cite them in the note', { place, ...subject });
  }
  return summary;
}

function readTopics(ctx: FieldContext, item: Data, path: Path, subject: Subject): string[] {
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
