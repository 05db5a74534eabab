/**
 * The editorial record of annotations.yaml: a claim's `checked`, `history` and `reply`, and the
 * article's `history` and `reply` (see docs/content-format.md, "Corrections and replies").
 *
 * Called by parse-annotations.ts for each claim and for `article:`; reports to the same
 * message sink, with the same places and subjects, so its messages read like the rest.
 */
import { CLAIM_KINDS, RATINGS } from '../model/claims.ts';
import { hasCitation } from '../model/citation.ts';
import type { ArticleChange, ClaimChange, ClaimKind, HistoryEntry, Rating, Reply } from './types.ts';
import { isHttpUrl } from './format-checks.ts';
import { RULES, showValue } from './messages.ts';
import { describeType } from './yaml-read.ts';
import { didYouMean, fieldPlace, isPlainMap, readDate, readText, reportUnknownKeys } from './yaml-fields.ts';
import type { Data, FieldContext, Path, Subject } from './yaml-fields.ts';

/** What can change in a claim, and in the article's own notes. */
export const CLAIM_CHANGES = ['rating', 'kind', 'summary', 'note', 'sources', 'quote', 'added'] as const;
export const ARTICLE_CHANGES = ['assessment', 'context', 'added', 'removed'] as const;

/** The fields this module reads, for parse-annotations' list of known fields. */
export const CLAIM_EDITORIAL_KEYS = ['checked', 'history', 'reply'] as const;
export const ARTICLE_EDITORIAL_KEYS = ['history', 'reply'] as const;

const ENTRY_KEYS = ['date', 'changed', 'from', 'to', 'why'] as const;
const REPLY_KEYS = ['by', 'date', 'text', 'url'] as const;
const MAX_LENGTH = { why: 2_000, value: 1_000, by: 200, text: 20_000 } as const;

/** Where messages go and places are found; the same as every annotations reader's. */
export type EditorialContext = FieldContext;
/** Who the messages are about: a claim id, `article.history`, or `claims[2]`. */
export type EditorialSubject = Subject;

export interface ClaimEditorial {
  checked?: string;
  history?: HistoryEntry[];
  reply?: Reply;
}

export interface ArticleEditorial {
  history?: HistoryEntry[];
  reply?: Reply;
}

/**
 * A claim's `checked`, `history` and `reply`. `current` is the claim as it now stands: the latest
 * rating (or kind) entry that says what it changed `to` must agree with it.
 */
export function readClaimEditorial(
  ctx: EditorialContext,
  item: Data,
  path: Path,
  subject: EditorialSubject,
  current: { rating?: Rating | undefined; kind?: ClaimKind | undefined },
): ClaimEditorial {
  const editorial: ClaimEditorial = {};
  const checked = readDate(ctx, item, path, 'checked', subject);
  if (checked !== undefined) editorial.checked = checked;
  const history = readHistory(ctx, item.history, [...path, 'history'], subject, CLAIM_CHANGES);
  if (history) {
    checkLatestMatches(ctx, history, path, subject, 'rating', current.rating);
    checkLatestMatches(ctx, history, path, subject, 'kind', current.kind);
    editorial.history = history.entries;
  }
  const reply = readReply(ctx, item.reply, [...path, 'reply'], subject);
  if (reply) editorial.reply = reply;
  return editorial;
}

/** The article's `history` and `reply`, under `article:`. */
export function readArticleEditorial(ctx: EditorialContext, raw: Data): ArticleEditorial {
  const editorial: ArticleEditorial = {};
  const history = readHistory(ctx, raw.history, ['article', 'history'], { subject: 'article.history', subjectKind: 'field' }, ARTICLE_CHANGES);
  if (history) editorial.history = history.entries;
  const reply = readReply(ctx, raw.reply, ['article', 'reply'], { subject: 'article.reply', subjectKind: 'field' });
  if (reply) editorial.reply = reply;
  return editorial;
}

// ─── history ───────────────────────────────────────────────────────────────

/** The entries that could be read, and where each stands in the list as written (entries with errors are left out). */
interface ReadHistory {
  entries: HistoryEntry[];
  rawIndexes: number[];
}

function readHistory(
  ctx: EditorialContext,
  raw: unknown,
  path: Path,
  subject: EditorialSubject,
  changes: readonly string[],
): ReadHistory | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    const problem = raw === null ? 'has no value; list its entries, each starting with "- date: …", or remove the line' : `must be a list of entries, each starting with "- date: …", not ${describeType(raw)}`;
    ctx.sink.error(raw === null ? RULES.fieldMissing : RULES.fieldType, `field "history" ${problem}`, { place: fieldPlace(ctx, path), ...subject });
    return undefined;
  }
  const entries: HistoryEntry[] = [];
  const rawIndexes: number[] = [];
  let previous: { date: string; index: number } | undefined;
  raw.forEach((item, index) => {
    const entryPath = [...path, index];
    const where = `history[${index}]`;
    if (!isPlainMap(item)) {
      ctx.sink.error(RULES.fieldType, `${where} must have the fields date, changed and why, not ${describeType(item)}`, {
        place: fieldPlace(ctx, entryPath),
        ...subject,
      });
      return;
    }
    reportUnknownKeys(ctx, item, entryPath, ENTRY_KEYS, subject, where);
    const date = readDate(ctx, item, entryPath, 'date', subject, { where, required: true });
    const changed = readChange(ctx, item, entryPath, subject, where, changes);
    const valueKind = changed === 'rating' || changed === 'kind' ? changed : undefined;
    const from = readValue(ctx, item, entryPath, 'from', subject, where, valueKind);
    const to = readValue(ctx, item, entryPath, 'to', subject, where, valueKind);
    const why = readText(ctx, item, entryPath, 'why', subject, { required: true, max: MAX_LENGTH.why, where });
    if (why !== undefined && /\n\s*\n/.test(why)) {
      ctx.sink.error(RULES.fieldType, `${where}: "why" must be one paragraph of plain text; say it in fewer words`, {
        place: fieldPlace(ctx, [...entryPath, 'why']),
        ...subject,
      });
    }
    if (date !== undefined && previous !== undefined && date < previous.date) {
      ctx.sink.error(RULES.historyOrder, `${where} is dated ${date}, before history[${previous.index}] (${previous.date}); list the entries oldest first`, {
        place: fieldPlace(ctx, [...entryPath, 'date']),
        ...subject,
      });
    }
    if (date !== undefined) previous = { date, index };
    if (date === undefined || changed === undefined || why === undefined) return;
    entries.push({ date, changed, ...(from !== undefined && { from }), ...(to !== undefined && { to }), why });
    rawIndexes.push(index);
  });
  return { entries, rawIndexes };
}

function readChange(
  ctx: EditorialContext,
  item: Data,
  path: Path,
  subject: EditorialSubject,
  where: string,
  changes: readonly string[],
): (ClaimChange | ArticleChange) | undefined {
  const value = item.changed;
  if (value === undefined) {
    ctx.sink.error(RULES.fieldMissing, `${where}: required field "changed" is missing; use one of ${changes.join(', ')}`, {
      place: ctx.places.near([...path, 'changed']),
      ...subject,
    });
    return undefined;
  }
  if (typeof value === 'string' && changes.includes(value)) return value as ClaimChange | ArticleChange;
  ctx.sink.error(RULES.unknownChange, `${where}: changed ${showValue(value)} is not one of ${changes.join(', ')}${didYouMean(value, changes)}`, {
    place: fieldPlace(ctx, [...path, 'changed']),
    ...subject,
  });
  return undefined;
}

/** `from` or `to`: a rating or kind id when that is what changed, otherwise short plain text. */
function readValue(
  ctx: EditorialContext,
  item: Data,
  path: Path,
  key: 'from' | 'to',
  subject: EditorialSubject,
  where: string,
  valueKind: 'rating' | 'kind' | undefined,
): string | undefined {
  const text = readText(ctx, item, path, key, subject, { max: MAX_LENGTH.value, where });
  if (text === undefined || valueKind === undefined) return text;
  const allowed: readonly string[] = valueKind === 'rating' ? RATINGS : CLAIM_KINDS;
  if (allowed.includes(text)) return text;
  ctx.sink.error(valueKind === 'rating' ? RULES.unknownRating : RULES.unknownKind, `${where}: ${key} ${showValue(text)} is not a ${valueKind}: one of ${allowed.join(', ')}${didYouMean(text, allowed)}`, {
    place: fieldPlace(ctx, [...path, key]),
    ...subject,
  });
  return undefined;
}

/** The latest entry that says what the rating (or kind) became must name the one the claim has now. */
function checkLatestMatches(
  ctx: EditorialContext,
  history: ReadHistory,
  claimPath: Path,
  subject: EditorialSubject,
  what: 'rating' | 'kind',
  current: string | undefined,
): void {
  const index = history.entries.findLastIndex((entry) => entry.changed === what);
  const latest = history.entries[index];
  if (!latest || latest.to === undefined || latest.to === current) return;
  // A later change of kind to an opinion or prediction takes the rating away with it.
  if (what === 'rating' && current === undefined && history.entries.slice(index + 1).some((entry) => entry.changed === 'kind')) return;
  const rawIndex = history.rawIndexes[index];
  const now = current === undefined ? `has no ${what}` : `is ${showValue(current)}`;
  ctx.sink.error(RULES.historyMismatch, `history says the ${what} changed to ${showValue(latest.to)} on ${latest.date}, but the claim's ${what} ${now}; correct the entry or the ${what}`, {
    place: fieldPlace(ctx, [...claimPath, 'history', rawIndex, 'to']),
    ...subject,
  });
}

// ─── reply ─────────────────────────────────────────────────────────────────

function readReply(ctx: EditorialContext, raw: unknown, path: Path, subject: EditorialSubject): Reply | undefined {
  if (raw === undefined) return undefined;
  const errorsBefore = ctx.sink.messages.length;
  if (!isPlainMap(raw)) {
    const problem = raw === null ? 'has no value; give by, date and text, or remove the line' : `must have the fields by, date and text, not ${describeType(raw)}`;
    ctx.sink.error(raw === null ? RULES.fieldMissing : RULES.fieldType, `field "reply" ${problem}`, { place: fieldPlace(ctx, path), ...subject });
    return undefined;
  }
  // `claim "x": reply: …`, but `field "article.reply": …` already says where.
  const where = subject.subjectKind === 'field' ? '' : 'reply';
  const says = where ? `${where}: ` : '';
  reportUnknownKeys(ctx, raw, path, REPLY_KEYS, subject, where);
  const by = readText(ctx, raw, path, 'by', subject, { required: true, max: MAX_LENGTH.by, where });
  const date = readDate(ctx, raw, path, 'date', subject, { where, required: true });
  const text = readText(ctx, raw, path, 'text', subject, { required: true, max: MAX_LENGTH.text, where });
  if (text !== undefined && hasCitation(text)) {
    ctx.sink.error(RULES.fieldType, `${says}"text" is the author's words and cannot cite our sources ([^id]); give links in it instead`, {
      place: fieldPlace(ctx, [...path, 'text']),
      ...subject,
    });
  }
  const url = readText(ctx, raw, path, 'url', subject, { max: MAX_LENGTH.value, where });
  if (url !== undefined && !isHttpUrl(url)) {
    ctx.sink.error(RULES.urlScheme, `${says}url ${showValue(url)} must be an absolute http:// or https:// address`, {
      place: fieldPlace(ctx, [...path, 'url']),
      ...subject,
    });
  }
  // A reply with any error is left out; the error already stops the build.
  if (ctx.sink.messages.length > errorsBefore || by === undefined || date === undefined || text === undefined) return undefined;
  return { by, date, text, ...(url !== undefined && { url }) };
}
