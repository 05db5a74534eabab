/**
 * Where each claim, source and article note of annotations.yaml stands, looked up by what it is
 * (`positions.claim('swift-ban', 'quote')`) rather than by a spelled-out key. Later stages use it
 * to point their own messages (a quote not found, a note's unknown citation) at the YAML.
 *
 * It is still a Map from the keys `claim:<id>`, `claim:<id>:<field>`, `source:<id>` and
 * `article:<field>` for callers written against that form; the key format lives only here.
 */
import type { Place } from './types.ts';

/** The fields of a claim whose place is kept: the anchoring and the note's messages point at them. */
export type ClaimField = 'quote' | 'prefix' | 'suffix' | 'note';
export const CLAIM_FIELDS: readonly ClaimField[] = ['quote', 'prefix', 'suffix', 'note'];
export type ArticleField = 'assessment' | 'context' | 'checked';

export class AnnotationPositions extends Map<string, Place> {
  /** The claim's first key (`- id: …`), or one of its fields. */
  claim(id: string, field?: ClaimField): Place | undefined {
    return this.get(claimKey(id, field));
  }

  setClaim(id: string, place: Place, field?: ClaimField): void {
    this.set(claimKey(id, field), place);
  }

  source(id: string): Place | undefined {
    return this.get(`source:${id}`);
  }

  setSource(id: string, place: Place): void {
    this.set(`source:${id}`, place);
  }

  article(field: ArticleField): Place | undefined {
    return this.get(`article:${field}`);
  }

  setArticle(field: ArticleField, place: Place): void {
    this.set(`article:${field}`, place);
  }
}

function claimKey(id: string, field?: ClaimField): string {
  return field ? `claim:${id}:${field}` : `claim:${id}`;
}
