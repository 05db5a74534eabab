/**
 * The order a reader meets the claims' markers in. A marker stands right after its claim's
 * passage, so claims are numbered by where they end, not where they start: "A … B" where B
 * lies inside A reads B's marker first. Two claims that end at the same place (one inside the
 * other) put the inner marker first, since it closes inside the outer passage.
 *
 * `start` and `end` are offsets in one text that runs through every block in order
 * (RenderedArticle.text), so claims in different blocks compare by block order.
 */
export interface Placed {
  start: number;
  end: number;
}

export function inReadingOrder<T extends Placed>(claims: readonly T[]): T[] {
  return [...claims].sort((a, b) => a.end - b.end || b.start - a.start);
}
