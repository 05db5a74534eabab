/**
 * Mutations of valid content, as editors' mistakes make them, for the fuzz tests
 * (tests/unit/fuzz-content.test.ts through renderArticle, tests/integration/fuzz-build.test.ts
 * through a real build).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';

export const FIXTURES = 'tests/fixtures/content/articles';
export interface Folder {
  slug: string;
  article: string;
  annotations: string;
}

export const folders: Folder[] = readdirSync(FIXTURES)
  .sort()
  .map((slug) => ({
    slug,
    article: readFileSync(join(FIXTURES, slug, 'article.md'), 'utf8'),
    annotations: readFileSync(join(FIXTURES, slug, 'annotations.yaml'), 'utf8'),
    // A counterexample names the fixture folder instead of printing both files.
    [fc.toStringMethod]: () => `fixture ${slug}`,
  }));
export const withClaims = folders.filter((f) => (parseYaml(f.annotations)?.claims ?? []).length > 0);

// --- What goes wrong in real editing ----------------------------------------------------------

export const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '\u0000', '\uFEFF', '\u202E', '\u200B', '\uD800', 'e\u0301', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '👩‍👩‍👧', 'ﬁ', 'İ', 'ß', 'ワシントン', 'Россия',
    '\r\n', '\t', '*', '**', '_', '[', ']', '`', '``', '[^', '[^council-2024]', '[^nope]', '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '---', '- id:', ': ', '#', '&a', '*a', '!!binary', '%YAML 1.2', '"', "'", '\\',
  ),
);
export const oddValue = fc.oneof(
  oddText,
  fc.constantFrom(null, true, false, 0, -1, 1e309, 2022, [], {}, ['a', 'b'], { nested: 'map' }),
  fc.integer(),
  fc.array(oddText, { maxLength: 3 }),
  // Very long text: past every documented length limit, and just under the quote limit.
  fc.constantFrom(4_999, 5_001, 20_001, 60_000).chain((n) => fc.constantFrom('x', 'the ferry ', '£', '日本').map((unit) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n))),
);

export type Data = Record<string, any>;

/** A change to the parsed YAML of annotations.yaml (or front matter), stringified back. */
export const dataMutation = (body: string) =>
  fc.oneof(
    // a field removed from a claim
    fc.record({ kind: fc.constant('remove'), index: fc.nat(), field: fc.constantFrom('id', 'quote', 'prefix', 'suffix', 'kind', 'rating', 'summary', 'note', 'topics') }),
    // a field of a claim set to something odd
    fc.record({ kind: fc.constant('set'), index: fc.nat(), field: fc.constantFrom('id', 'quote', 'prefix', 'suffix', 'kind', 'rating', 'summary', 'note', 'topics'), value: oddValue }),
    // a quote taken from anywhere in the text (often valid; often ambiguous or across blocks)
    fc.record({ kind: fc.constant('requote'), index: fc.nat(), start: fc.nat({ max: Math.max(0, body.length - 1) }), length: fc.integer({ min: 0, max: 400 }) }),
    // a claim added twice, or another's id reused
    fc.record({ kind: fc.constant('duplicate'), index: fc.nat() }),
    // a top-level section replaced
    fc.record({ kind: fc.constant('section'), field: fc.constantFrom('sources', 'claims', 'article', 'extra'), value: oddValue }),
    // a source field changed
    fc.record({ kind: fc.constant('source'), field: fc.constantFrom('title', 'publisher', 'date', 'url', 'excerpt'), value: oddValue }),
  );

export function applyData(data: Data, m: any, body: string): Data {
  const copy: Data = structuredClone(data ?? {});
  const claims: Data[] = Array.isArray(copy.claims) ? copy.claims : [];
  const picked = claims.length > 0 ? claims[m.index % claims.length] : undefined;
  const claim = picked && typeof picked === 'object' ? picked : undefined;
  switch (m.kind) {
    case 'remove':
      if (claim) delete claim[m.field];
      break;
    case 'set':
      if (claim) claim[m.field] = m.value;
      break;
    case 'requote':
      if (claim) claim.quote = body.slice(m.start, m.start + m.length);
      break;
    case 'duplicate':
      if (claim) claims.push(structuredClone(claim));
      break;
    case 'section':
      copy[m.field] = m.value;
      break;
    case 'source': {
      const sources = copy.sources && typeof copy.sources === 'object' ? Object.values(copy.sources) : [];
      if (sources[0] && typeof sources[0] === 'object') (sources[0] as Data)[m.field] = m.value;
      break;
    }
  }
  return copy;
}

/** A change to the raw text of a file: what a slip of the keyboard or a bad paste does. */
export const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: oddText }),
  fc.record({ kind: fc.constant('delete-line'), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line'), line: fc.nat() }),
  fc.record({ kind: fc.constant('indent-line'), line: fc.nat(), by: fc.constantFrom(' ', '  ', '\t') }),
  fc.record({ kind: fc.constant('empty') }),
  fc.record({ kind: fc.constant('anchors') }),
  fc.record({ kind: fc.constant('alias-bomb') }),
  fc.record({ kind: fc.constant('crlf') }),
);

export function applyText(text: string, m: any): string {
  const lines = text.split('\n');
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-line':
      lines.splice(m.line % lines.length, 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'indent-line': {
      const i = m.line % lines.length;
      lines[i] = m.by + lines[i];
      return lines.join('\n');
    }
    case 'empty':
      return '';
    case 'anchors': {
      // The first summary becomes an anchor that every later summary aliases.
      let first = true;
      return text.replace(/^(\s+summary: )(.*)$/gm, (_all, key, value) => {
        if (first) {
          first = false;
          return `${key}&summary ${value}`;
        }
        return `${key}*summary`;
      });
    }
    case 'alias-bomb':
      return `${text}\nbomb: &a0 [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 9 }, (_, i) => `b${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n')}\n`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
  }
  return text;
}

export function splitArticle(source: string): { frontmatter: Data; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source)!;
  return { frontmatter: parseYaml(match[1]), body: match[2] };
}
