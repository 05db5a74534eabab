/**
 * Where each claim, source and article note of annotations.yaml stands, looked up by what it is
 * (`positions.claim('swift-ban', 'quote')`): there are no spelled-out keys, so a misspelt field
 * or kind of entry does not compile. Later stages use it to point their own messages (a quote not
 * found, a note's unknown citation) at the YAML.
 */
import type { Place } from './types.ts';

/** The fields of a claim whose place is kept: the anchoring and the note's messages point at them. */
export type ClaimField = 'quote' | 'prefix' | 'suffix' | 'note';
export const CLAIM_FIELDS: readonly ClaimField[] = ['quote', 'prefix', 'suffix', 'note'];
export type ArticleField = 'assessment' | 'context' | 'checked';

/** A claim's place (its `- id: …` entry) and the places of its fields. */
interface ClaimPlaces {
  entry?: Place;
  fields: Partial<Record<ClaimField, Place>>;
}

export class AnnotationPositions {
  readonly #claims = new Map<string, ClaimPlaces>();
  readonly #sources = new Map<string, Place>();
  readonly #article: Partial<Record<ArticleField, Place>> = {};

  /** The claim's entry (`- id: …`), or one of its fields. */
  claim(id: string, field?: ClaimField): Place | undefined {
    const claim = this.#claims.get(id);
    return field ? claim?.fields[field] : claim?.entry;
  }

  setClaim(id: string, place: Place, field?: ClaimField): void {
    let claim = this.#claims.get(id);
    if (!claim) this.#claims.set(id, (claim = { fields: {} }));
    if (field) claim.fields[field] = place;
    else claim.entry = place;
  }

  source(id: string): Place | undefined {
    return this.#sources.get(id);
  }

  setSource(id: string, place: Place): void {
    this.#sources.set(id, place);
  }

  article(field: ArticleField): Place | undefined {
    return this.#article[field];
  }

  setArticle(field: ArticleField, place: Place): void {
    this.#article[field] = place;
  }
}
