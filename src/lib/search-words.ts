/**
 * The site's own words, for "Did you mean …?" on the search page (Pagefind has no
 * spelling suggestions). `searchWords` lists the distinct words of the texts it is
 * given, each in its most frequent spelling ("Kishida", "treaty"); `nearestWord`
 * picks the closest listed word to a mistyped one by Damerau–Levenshtein distance
 * (adjacent swaps count as one edit); `suggestQuery` corrects a whole query word
 * by word. Framework-free: the endpoint /search/words.json builds the list, the
 * search page's script does the matching.
 */

/** Words shorter than this are neither listed nor corrected: too many near neighbours. */
export const MIN_WORD_LENGTH = 4;

const WORD = /\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu;
/** What joins the parts of a word ("Japan's", "long-range"): each part is a word of its own. */
const JOINER = /['’-]/;

/** The distinct words (MIN_WORD_LENGTH letters or more) of `texts`, each in its most frequent spelling, sorted. */
export function searchWords(texts: Iterable<string>): string[] {
  // Counted per spelling first, then grouped by lower case: most tokens repeat a spelling already seen.
  const spellings = new Map<string, number>();
  const count = (word: string) => spellings.set(word, (spellings.get(word) ?? 0) + 1);
  for (const text of texts) {
    for (const [raw] of text.matchAll(WORD)) {
      if (JOINER.test(raw)) for (const part of raw.split(JOINER)) count(part);
      else count(raw);
    }
  }
  const forms = new Map<string, Map<string, number>>();
  for (const [word, n] of spellings) {
    if (word.length < MIN_WORD_LENGTH || (word.length < 2 * MIN_WORD_LENGTH && [...word].length < MIN_WORD_LENGTH)) continue;
    const key = word.toLowerCase();
    const counts = forms.get(key) ?? new Map<string, number>();
    counts.set(word, n);
    forms.set(key, counts);
  }
  const words = [...forms.values()].map((counts) =>
    // The most frequent spelling; among equals, the lower-case one (a word capitalised only at a sentence start).
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0))[0]![0],
  );
  return words.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
}

/** Damerau–Levenshtein distance (optimal string alignment), stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[t.length]!;
}

/** How many edits a word of this length may be away from its suggestion. */
export const allowedEdits = (length: number) => (length < 6 ? 1 : length < 10 ? 2 : 3);

/**
 * The listed word nearest to `word` (case ignored), or null when none is close enough
 * or the word is itself listed. Ties go to the word sharing the first letter, then the
 * one of closest length, then the alphabetically first.
 */
export function nearestWord(word: string, words: readonly string[]): string | null {
  const w = word.toLowerCase();
  if ([...w].length < MIN_WORD_LENGTH) return null;
  const limit = allowedEdits([...w].length);
  let best: { word: string; score: number[] } | null = null;
  for (const candidate of words) {
    const c = candidate.toLowerCase();
    if (c === w) return null;
    const d = editDistance(w, c, limit);
    if (d > limit) continue;
    const score = [d, c[0] === w[0] ? 0 : 1, Math.abs(c.length - w.length)];
    if (!best || compare(score, best.score) < 0) best = { word: candidate, score };
  }
  return best?.word ?? null;
}

const compare = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
};

/** `query` with every mistyped word replaced by its nearest listed word, or null when nothing changes. */
export function suggestQuery(query: string, words: readonly string[]): string | null {
  let changed = false;
  const suggestion = query.replace(WORD, (word) => {
    const nearest = nearestWord(word, words);
    if (!nearest) return word;
    changed = true;
    return nearest;
  });
  return changed ? suggestion : null;
}
