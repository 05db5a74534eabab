/**
 * Claims into annotations.yaml with the `yaml` package's Document API, so the file keeps its
 * comments, its order and its style: new claims go at the end of `claims:`, nothing else moves.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ClaimKind, Rating } from '../pipeline/types.ts';

/** A claim as the tools write it: the fields of docs/content-format.md, in their order there. */
export interface NewClaim {
  id: string;
  quote: string;
  prefix?: string;
  suffix?: string;
  kind: ClaimKind | '';
  rating?: Rating | '';
  summary: string;
  note: string;
  topics?: string[];
}

const ORDER = ['id', 'quote', 'prefix', 'suffix', 'kind', 'rating', 'summary', 'note', 'topics'] as const;

/** The claim as a plain object, empty fields left out, in the documented order. */
function ordered(claim: NewClaim): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = claim[key];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

function claimNode(doc: Document, claim: NewClaim): YAMLMap {
  const node = doc.createNode(ordered(claim)) as YAMLMap;
  for (const pair of node.items) {
    const value = pair.value;
    if (isScalar(value) && typeof value.value === 'string' && value.value.includes('\n')) value.type = Scalar.BLOCK_LITERAL;
    if (isSeq(value)) value.flow = true; // topics: [a, b]
  }
  return node;
}

/** One claim as YAML, as it would stand in the file's `claims:` list (for copying). */
export function claimYaml(claim: NewClaim): string {
  const doc = new Document([]);
  (doc.contents as YAMLSeq).items.push(claimNode(doc, claim));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export class YamlError extends Error {}

/**
 * `source` (an annotations.yaml, possibly empty or `{}`) with `claims` appended to its claims
 * list. Throws YamlError when the file cannot be read as YAML or has no room for claims.
 */
export function addClaims(source: string, claims: NewClaim[]): string {
  const doc = parseDocument(source);
  if (doc.errors.length > 0) throw new YamlError(`YAML cannot be read: ${doc.errors[0]!.message.split('\n')[0]}`);
  let root: unknown = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    root = new YAMLMap();
    (doc as unknown as Document).contents = root as YAMLMap;
  }
  if (!isMap(root)) throw new YamlError('annotations.yaml must be a map of sections (sources, article, claims)');
  const map = root as YAMLMap;
  if (map.items.length === 0) map.flow = false; // `{}` becomes a block map
  let list: unknown = map.get('claims', true);
  if (!isSeq(list)) {
    if (list !== undefined && !(isScalar(list) && list.value === null)) {
      throw new YamlError('field "claims" must be a list of claims, each starting with "- id: …"');
    }
    list = new YAMLSeq();
    map.set('claims', list);
  }
  const seq = list as YAMLSeq;
  if (seq.items.length === 0) seq.flow = false;
  for (const claim of claims) seq.items.push(claimNode(doc as unknown as Document, claim));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
