/**
 * How a note cites a source: `[^source-id]`, the id running to the `]` with no white space.
 * One pattern for the annotations check and the note renderer, so both see the same citations.
 */

/** Every citation in a text; group 1 is the source id (empty for `[^]`, which the check reports). */
export const CITATION = /\[\^([^\]\s]*)\]/g;

/** Whether a text holds a citation. */
export function hasCitation(text: string): boolean {
  return /\[\^[^\]\s]*\]/.test(text);
}

/** Anything in footnote form, `[^…]`, even with white space: what a plain-text field may not hold. */
export function looksLikeCitation(text: string): boolean {
  return /\[\^[^\]]*\]/.test(text);
}
