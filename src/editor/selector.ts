/**
 * Selectors for the editors' tools, computed with the build's own matcher (quote-match.ts) on
 * the build's own block texts (article-blocks.ts): a selector made here anchors
 * where the editor meant, or the tool says why it cannot.
 */
import { normalize } from '../pipeline/normalize.ts';
import { findAll, matchQuoteInTexts, type QuoteSelector } from '../pipeline/quote-match.ts';
import { ID_PATTERN } from '../pipeline/format-checks.ts';

/** A passage of one block: `texts[index].slice(start, end)`, offsets into the original text. */
export interface BlockPassage {
  index: number;
  start: number;
  end: number;
}

/** White space runs as one space: what the matcher sees, and tidier in YAML. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The passage without white space at its two ends (the matcher ignores it there). */
export function trimPassage(texts: readonly string[], { index, start, end }: BlockPassage): BlockPassage {
  const text = texts[index]!;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { index, start, end };
}

/**
 * Where in block `index` the selected text `selected` stands, given the block's text before the
 * selection as the browser has it (`before`): of the places where `selected` occurs in the block,
 * the one nearest that offset. White space and quote marks compare as the matcher compares them.
 */
export function locateInBlock(texts: readonly string[], index: number, before: string, selected: string): BlockPassage | undefined {
  const block = normalize(texts[index]!);
  const wanted = normalize(selected).text.trim();
  if (wanted === '') return undefined;
  const offset = normalize(before).text.length;
  let best: number | undefined;
  for (const start of findAll(block.text, wanted)) {
    if (best === undefined || Math.abs(start - offset) < Math.abs(best - offset)) best = start;
  }
  if (best === undefined) return undefined;
  return { index, start: block.map[best]!, end: block.map[best + wanted.length]! };
}

/** Does `selector` anchor at exactly `passage` with the build's matcher? */
export function anchorsAt(texts: readonly string[], selector: QuoteSelector, passage: BlockPassage): boolean {
  const result = matchQuoteInTexts(texts, selector);
  return result.status === 'found' && result.index === passage.index && result.start === passage.start;
}

/** Word boundaries (offsets where a word starts) in `text`. */
function wordStarts(text: string): number[] {
  return [...text.matchAll(/\S+/g)].map((match) => match.index);
}

export type SelectorResult = { ok: true; selector: QuoteSelector } | { ok: false; count: number };

/**
 * The shortest selector for the passage: the quote alone when it is unique; otherwise a prefix
 * and/or suffix from the same block, grown a word at a time, until the build's matcher finds
 * this place and no other. `ok: false` when even the whole block around it cannot tell it apart
 * (the same block text occurs twice), with the number of places it matches.
 */
export function minimalSelector(texts: readonly string[], passage: BlockPassage): SelectorResult {
  const { index, start, end } = trimPassage(texts, passage);
  const text = texts[index]!;
  const quote = oneLine(text.slice(start, end));
  if (anchorsAt(texts, { quote }, { index, start, end })) return { ok: true, selector: { quote } };

  const before = text.slice(0, start);
  const after = text.slice(end);
  const prefixStarts = wordStarts(before).reverse();
  const afterWords = [...after.matchAll(/\S+/g)].map((match) => match.index + match[0].length);
  const steps = Math.max(prefixStarts.length, afterWords.length);
  for (let words = 1; words <= steps; words++) {
    // Trimmed: the matcher ignores white space where prefix and suffix meet the quote.
    const prefix = prefixStarts.length ? oneLine(before.slice(prefixStarts[Math.min(words, prefixStarts.length) - 1])).trim() : '';
    const suffix = afterWords.length ? oneLine(after.slice(0, afterWords[Math.min(words, afterWords.length) - 1])).trim() : '';
    const tries: QuoteSelector[] = [];
    if (prefix && words <= prefixStarts.length) tries.push({ quote, prefix });
    if (suffix && words <= afterWords.length) tries.push({ quote, suffix });
    tries.push({ quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) });
    for (const selector of tries) if (anchorsAt(texts, selector, { index, start, end })) return { ok: true, selector };
  }
  const result = matchQuoteInTexts(texts, { quote, prefix: oneLine(before), suffix: oneLine(after) });
  return { ok: false, count: result.status === 'ambiguous' ? result.count : 1 };
}

/** A claim id from the quote's first words, lower-case ASCII, not one of `taken`. */
export function suggestId(quote: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const words = quote
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    if (base && (base.split('-').length >= 4 || base.length + word.length > 40)) break;
    base = base ? `${base}-${word}` : word;
  }
  if (!ID_PATTERN.test(base)) base = 'claim';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}
