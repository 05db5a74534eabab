/**
 * The one normalisation used for anchoring (Hypothesis style). It is applied to
 * both the selector and the text, so the two compare equal when a reader would
 * call them the same: runs of white space count as one space, and straight and
 * typographic quotes and apostrophes are equal. Nothing else changes: case,
 * dashes and every other character are kept, so the match stays exact.
 */

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /**
   * `map[i]` is the offset in the original of normalised character `i`, plus a
   * final entry (the original's length), so normalised `[start, end)` maps back
   * to original `[map[start], map[end])`.
   */
  map: number[];
}

const WHITE_SPACE = /\s/;

/** Apostrophe-like characters: ' ’ ‘ ‛ ′ */
const SINGLE_QUOTES = new Set(["'", '\u2019', '\u2018', '\u201B', '\u2032']);
/** Double-quote-like characters: " “ ” „ ″ */
const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E', '\u2033']);

export function normalize(original: string): NormalizedText {
  let text = '';
  const map: number[] = [];
  let index = 0;

  while (index < original.length) {
    const char = original[index];

    if (WHITE_SPACE.test(char)) {
      // The one space stands for the whole run; the next character maps past it.
      text += ' ';
      map.push(index);
      while (index < original.length && WHITE_SPACE.test(original[index])) index++;
      continue;
    }

    text += SINGLE_QUOTES.has(char) ? "'" : DOUBLE_QUOTES.has(char) ? '"' : char;
    map.push(index);
    index++;
  }

  map.push(original.length);
  return { text, map };
}
