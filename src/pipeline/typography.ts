/**
 * One typographic rule for the words editors write (notes, summaries, the verdict, source titles
 * and excerpts), so they match the article's text: straight quotes become curly ones.
 * `"` opens after a space, an opening bracket or a dash (or at the start) and closes elsewhere;
 * `'` likewise, so an apostrophe (it's, the '90s excepted) is a closing ’.
 */
const OPENS_AFTER = /[\s([{\u2014\u2013/-]/u;

export function curlyQuotes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1]!;
    const opens = OPENS_AFTER.test(before) || (before === '“' || before === '‘');
    out += c === '"' ? (opens ? '“' : '”') : opens ? '‘' : '’';
  }
  return out;
}

/**
 * Text to be shown inside quotation marks (a `<q>`, or “…” around a quoted passage): its own
 * double quotes become single ones, so a quote inside a quote reads “… ‘…’ …”, never “““.
 */
export function nestedQuotes(text: string): string {
  return curlyQuotes(text).replace(/“/g, '‘').replace(/”/g, '’');
}
