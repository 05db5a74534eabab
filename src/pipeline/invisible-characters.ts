/**
 * Why two texts that look the same do not match: characters a reader cannot see (zero-width
 * spaces, soft hyphens, …) and accents written as two characters (e + U+0301) instead of one.
 * Used to add a hint to "quote not found".
 */
const INVISIBLE: Record<string, string> = {
  '\u00AD': 'SOFT HYPHEN',
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
};
const INVISIBLE_PATTERN = new RegExp(`[${Object.keys(INVISIBLE).join('')}]`, 'u');

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is hidden in `text`, in words: `U+200B ZERO WIDTH SPACE after "Tok"`, or undefined. */
export function hiddenIn(text: string): string | undefined {
  const at = INVISIBLE_PATTERN.exec(text);
  if (at) return `an invisible ${codePoint(at[0])} ${INVISIBLE[at[0]]} after "${text.slice(Math.max(0, at.index - 12), at.index)}"`;
  if (text.normalize('NFC') !== text) {
    const mark = /\p{M}/u.exec(text);
    if (mark) return `an accent written as a separate character (${codePoint(mark[0])} after "${text.slice(Math.max(0, mark.index - 12), mark.index)}"); retype the letter`;
  }
  return undefined;
}

/** A hint for "quote not found" when the quote or the closest passage hides something, or ''. */
export function hiddenCharacterHint(quote: string, passage: string | undefined): string {
  const inQuote = hiddenIn(quote);
  if (inQuote) return `; the quote holds ${inQuote}`;
  const inText = passage === undefined ? undefined : hiddenIn(passage);
  return inText ? `; the text holds ${inText}` : '';
}
