/**
 * A pure text-quote matcher (W3C TextQuoteSelector semantics, Hypothesis-style
 * normalisation): no trees here, only strings and offsets. The remark plugin
 * feeds it the text of each block and maps the answer back onto the tree.
 *
 * Rules (see CONTENT-CONTRACT.md, "Anchoring rules"):
 * - selector and text are compared after `normalize` (white space runs, quotes);
 * - the quote must be non-empty; white space at its two ends is ignored (YAML
 *   block scalars add a final newline);
 * - `prefix` must end right before the quote, `suffix` must start right after
 *   it; white space where they meet the quote is not significant;
 * - the selector must pick exactly one place.
 * All offsets returned are offsets into the ORIGINAL text(s).
 */
import search from 'approx-string-match';
import { normalize, type NormalizedText } from './normalize.ts';

export interface QuoteSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** A stretch of an original text. */
export interface Passage {
  text: string;
  start: number;
  end: number;
}

export type QuoteMatch =
  | { status: 'found'; start: number; end: number }
  | {
      status: 'not-found';
      /** The passage most like the quote (or, when the quote occurs, like prefix + quote + suffix). */
      closest?: Passage;
      /** How often the quote alone occurs: > 0 means prefix/suffix matched none of them. */
      quoteCount?: number;
    }
  | { status: 'ambiguous'; count: number; starts: number[] };

/** The same answer over several texts (the blocks of an article); `index` says which text. */
export type TextsMatch =
  | { status: 'found'; index: number; start: number; end: number }
  | { status: 'not-found'; closest?: Passage & { index: number }; quoteCount: number }
  | { status: 'ambiguous'; count: number; places: { index: number; start: number }[] };

/** The approximate search allows a third of the pattern's length in errors, at most this many. */
const MAX_CLOSEST_ERRORS = 64;

/** Every start of `needle` in `haystack`, overlapping occurrences included ("aa" in "aaa": 0, 1). */
export function findAll(haystack: string, needle: string): number[] {
  const starts: number[] = [];
  if (needle === '') return starts;
  let from = haystack.indexOf(needle);
  while (from !== -1) {
    starts.push(from);
    from = haystack.indexOf(needle, from + 1);
  }
  return starts;
}

/** Match a selector in one text. */
export function matchQuote(text: string, selector: QuoteSelector): QuoteMatch {
  const result = matchQuoteInTexts([text], selector);
  switch (result.status) {
    case 'found':
      return { status: 'found', start: result.start, end: result.end };
    case 'ambiguous':
      return { status: 'ambiguous', count: result.count, starts: result.places.map((place) => place.start) };
    default: {
      if (!result.closest) return { status: 'not-found', quoteCount: result.quoteCount };
      const { text: passage, start, end } = result.closest;
      return { status: 'not-found', closest: { text: passage, start, end }, quoteCount: result.quoteCount };
    }
  }
}

/**
 * The normalised texts, computed once per `texts` array: remark-anchor-claims matches every
 * claim of an article against the same array, and normalising all its blocks again for each
 * claim was most of the anchoring time (see docs/performance.md).
 */
const normalizedCache = new WeakMap<readonly string[], NormalizedText[]>();
function normalizedTexts(texts: readonly string[]): NormalizedText[] {
  let normalized = normalizedCache.get(texts);
  if (!normalized || normalized.length !== texts.length) {
    normalized = texts.map((text) => normalize(text));
    normalizedCache.set(texts, normalized);
  }
  return normalized;
}

/**
 * Match a selector across several texts at once: the match must be unique over
 * all of them, and a quote never spans two texts.
 */
export function matchQuoteInTexts(texts: readonly string[], selector: QuoteSelector): TextsMatch {
  const quote = normalize(selector.quote).text.trim();
  if (quote === '') return { status: 'not-found', quoteCount: 0 };
  const prefix = normalize(selector.prefix ?? '').text.trimEnd();
  const suffix = normalize(selector.suffix ?? '').text.trimStart();

  const normalized = normalizedTexts(texts);
  const places: { index: number; start: number; end: number }[] = [];
  let quoteCount = 0;

  normalized.forEach((norm, index) => {
    for (const start of findAll(norm.text, quote)) {
      quoteCount++;
      const end = start + quote.length;
      if (!precededBy(norm.text, start, prefix) || !followedBy(norm.text, end, suffix)) continue;
      places.push({ index, start: norm.map[start], end: norm.map[end] });
    }
  });

  if (places.length === 1) return { status: 'found', ...places[0] };
  if (places.length > 1) {
    return {
      status: 'ambiguous',
      count: places.length,
      places: places.map(({ index, start }) => ({ index, start })),
    };
  }

  // Nothing: show what the editor probably meant. When the quote occurs but its
  // context does not, show the occurrence whose surroundings come closest.
  const closest =
    quoteCount > 0
      ? closestInContext(texts, normalized, quote, prefix, suffix)
      : closestPassage(texts, normalized, quote);
  return closest ? { status: 'not-found', closest, quoteCount } : { status: 'not-found', quoteCount };
}

/** Fewer errors wins; between equals, the length nearer the pattern's (so "fop" finds "foo", not "fo"). */
function closer(
  candidate: { start: number; end: number; errors: number },
  best: { start: number; end: number; errors: number },
  length: number,
): boolean {
  if (candidate.errors !== best.errors) return candidate.errors < best.errors;
  const gap = (match: { start: number; end: number }) => Math.abs(match.end - match.start - length);
  return gap(candidate) < gap(best);
}

function precededBy(text: string, start: number, prefix: string): boolean {
  if (prefix === '') return true;
  const junction = text[start - 1] === ' ' ? start - 1 : start;
  return text.endsWith(prefix, junction);
}

function followedBy(text: string, end: number, suffix: string): boolean {
  if (suffix === '') return true;
  const junction = text[end] === ' ' ? end + 1 : end;
  return text.startsWith(suffix, junction);
}

/** The best approximate match of a normalised pattern, as a passage of the original texts. */
function closestPassage(
  texts: readonly string[],
  normalized: readonly NormalizedText[],
  pattern: string,
): (Passage & { index: number }) | undefined {
  const maxErrors = Math.min(Math.ceil(pattern.length / 3), MAX_CLOSEST_ERRORS);
  let best: { index: number; start: number; end: number; errors: number } | undefined;

  normalized.forEach((norm, index) => {
    for (const match of search(norm.text, pattern, maxErrors)) {
      if (!best || closer(match, best, pattern.length)) best = { index, ...match };
    }
  });
  if (!best) return undefined;

  return passageAt(texts, normalized, best.index, best.start, best.end);
}

/** The occurrence of the quote whose text before and after is nearest the prefix and suffix. */
function closestInContext(
  texts: readonly string[],
  normalized: readonly NormalizedText[],
  quote: string,
  prefix: string,
  suffix: string,
): (Passage & { index: number }) | undefined {
  let best: { index: number; start: number; end: number; cost: number } | undefined;
  normalized.forEach((norm, index) => {
    for (const at of findAll(norm.text, quote)) {
      const before = norm.text.slice(0, at).trimEnd();
      const afterStart = at + quote.length;
      const after = norm.text.slice(afterStart);
      const afterTrimmed = after.trimStart();
      const start = Math.max(0, before.length - prefix.length);
      const end = Math.min(norm.text.length, afterStart + (after.length - afterTrimmed.length) + suffix.length);
      const cost =
        editDistance(before.slice(start), prefix) + editDistance(afterTrimmed.slice(0, suffix.length), suffix);
      if (!best || cost < best.cost) best = { index, start: prefix ? start : at, end: suffix ? end : afterStart, cost };
    }
  });
  return best && passageAt(texts, normalized, best.index, best.start, best.end);
}

/** Normalised [start, end) of one text as a passage of the original, without white space at its ends. */
function passageAt(
  texts: readonly string[],
  normalized: readonly NormalizedText[],
  index: number,
  start: number,
  end: number,
): (Passage & { index: number }) | undefined {
  const norm = normalized[index];
  while (start < end && norm.text[start] === ' ') start++;
  while (end > start && norm.text[end - 1] === ' ') end--;
  if (start === end) return undefined;
  const originalStart = norm.map[start];
  const originalEnd = norm.map[end];
  return { index, text: texts[index].slice(originalStart, originalEnd), start: originalStart, end: originalEnd };
}

/** Levenshtein distance; the strings here are a prefix or suffix long, so the table stays small. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, column) => column);
  for (let row = 1; row <= a.length; row++) {
    const current = [row];
    for (let column = 1; column <= b.length; column++) {
      const substitution = previous[column - 1] + (a[row - 1] === b[column - 1] ? 0 : 1);
      current[column] = Math.min(substitution, previous[column] + 1, current[column - 1] + 1);
    }
    previous = current;
  }
  return previous[b.length];
}
