/**
 * Content that cannot crash the build. fast-check mutates valid article folders (the fixtures
 * under tests/fixtures/content) — removed fields, wrong types, odd Unicode, very long quotes,
 * YAML anchors and aliases, broken syntax, empty files — and renders each with `renderArticle`,
 * the function the content loader calls. Each must either render (every claim anchored, a
 * non-empty page) or stop with a ContentError whose messages all carry a documented rule id,
 * the file and a line; never another exception, and never a silently empty page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { renderArticle } from '../../src/pipeline/render-article.ts';
import { ContentError, RULES, formatMessage } from '../../src/pipeline/messages.ts';
import { PAGE_IDS, isReservedId } from '../../src/pipeline/page-ids.ts';
import { readArticleFolder } from '../../src/content/article-folders.ts';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyData, applyText, dataMutation, folders, oddValue, splitArticle, textMutation, withClaims, type Data, type Folder } from '../integration/mutations.ts';

/** Rule ids documented in docs/content-format.md; `internal-error` is a crash, so not among them. */
const DOCUMENTED = new Set<string>([...Object.values(RULES), 'raw-html'].filter((id) => id !== RULES.internalError));

// --- The property -----------------------------------------------------------------------------

function verdict(folder: Folder, article: string, annotations: string): void {
  const input = {
    slug: folder.slug,
    articleFile: `content/articles/${folder.slug}/article.md`,
    articleSource: article,
    annotationsFile: `content/articles/${folder.slug}/annotations.yaml`,
    annotationsSource: annotations,
  };
  let result;
  try {
    result = renderArticle(input);
  } catch (error) {
    if (!(error instanceof ContentError)) {
      throw new Error(`renderArticle crashed instead of reporting a content error: ${error instanceof Error ? error.stack : String(error)}`);
    }
    const errors = error.messages.filter((m) => m.severity === 'error');
    assert.ok(errors.length > 0, 'a ContentError holds at least one error');
    for (const m of error.messages) {
      assert.ok(DOCUMENTED.has(m.ruleId), `undocumented rule id "${m.ruleId}": ${m.reason}`);
      assert.ok(m.file === input.articleFile || m.file === input.annotationsFile, `message names a file of the folder: ${m.file}`);
      assert.ok(m.line === undefined || (Number.isInteger(m.line) && m.line >= 1), `a real line: ${m.line}`);
      assert.ok(m.reason.trim().length > 0, 'a reason');
    }
    // Each message in the documented form. (A reason may quote text with a line break in it, e.g. a
    // closest passage across a soft line break, so the form is checked per message, not per line.)
    for (const m of error.messages) assert.match(formatMessage(m), /^.+:\d+:\d+: (error|warning): [\s\S]+ \[[a-z-]+\]$/);
    return;
  }
  // Rendered: not silently empty, nothing silently skipped.
  assert.ok(result.titleHtml.trim().length > 0, 'a headline');
  assert.ok(result.bodyHtml.trim().length > 0, 'a body');
  let claims: unknown[] | undefined;
  try {
    const data = parseYaml(annotations, { maxAliasCount: 200 });
    claims = Array.isArray(data?.claims) ? data.claims : data?.claims == null ? [] : undefined;
  } catch {
    claims = undefined;
  }
  if (claims) assert.equal(result.claims.length, claims.length, 'every claim is anchored, none skipped');
  for (const claim of result.claims) assert.ok(result.bodyHtml.includes(`id="claim-${claim.id}"`) || result.titleHtml.includes(`id="claim-${claim.id}"`) || (result.subtitleHtml ?? '').includes(`id="claim-${claim.id}"`), `claim ${claim.id} is marked`);
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

// A hang is a failure too: node:test stops a test that runs past its timeout.
test('mutated annotations.yaml (fields, types, Unicode, long quotes) render or stop with a documented message', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...withClaims).chain((folder) =>
        fc.tuple(fc.constant(folder), fc.array(dataMutation(splitArticle(folder.article).body), { minLength: 1, maxLength: 3 })),
      ),
      ([folder, mutations]) => {
        const body = splitArticle(folder.article).body;
        let data = parseYaml(folder.annotations);
        for (const m of mutations) data = applyData(data, m, body);
        verdict(folder, folder.article, stringifyYaml(data));
      },
    ),
    { numRuns: RUNS },
  );
});

test('annotations.yaml broken as text (truncated, pasted into, lines lost, anchors, alias bombs, empty) never crashes', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...folders), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (folder, mutations) => {
      const annotations = mutations.reduce(applyText, folder.annotations);
      verdict(folder, folder.article, annotations);
    }),
    { numRuns: RUNS },
  );
});

test('article.md broken (front matter fields removed or retyped, text mangled, empty) never crashes', { timeout: 300_000 }, () => {
  const frontMutation = fc.oneof(
    fc.record({ kind: fc.constant('remove'), field: fc.constantFrom('title', 'subtitle', 'author', 'published', 'publisher', 'republished', 'lang', 'summary') }),
    fc.record({ kind: fc.constant('set'), field: fc.constantFrom('title', 'subtitle', 'author', 'published', 'publisher', 'republished', 'lang', 'regions', 'copyright'), value: oddValue }),
  );
  fc.assert(
    fc.property(
      fc.constantFrom(...folders),
      fc.array(frontMutation, { maxLength: 2 }),
      fc.array(textMutation, { maxLength: 2 }),
      (folder, front, text) => {
        const { frontmatter, body } = splitArticle(folder.article);
        const fm: Data = structuredClone(frontmatter);
        for (const m of front) {
          if (m.kind === 'remove') delete fm[m.field];
          else fm[m.field] = m.value;
        }
        const article = text.reduce(applyText, `---\n${stringifyYaml(fm)}---\n${body}`);
        verdict(folder, article, folder.annotations);
      },
    ),
    { numRuns: RUNS },
  );
});

// --- Hostile shapes: nesting depth, delimiter runs, encodings, id collisions ---------------------

/** Markdown nested `depth` levels by one of the ways Markdown nests. */
const nested = fc.record({
  how: fc.constantFrom('>', '- ', '1. ', '*', '_', '**', '[', '  '),
  depth: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 40, max: 5_000 })),
}).map(({ how, depth }) => (how === '  ' ? `${' '.repeat(depth * 2)}- deep` : /[*_[]/.test(how) ? `${how.repeat(depth)}deep` : `${how.repeat(depth)} deep`));

/** Runs of emphasis delimiters and brackets mixed with letters, up to 30 KB. */
const delimiterRun = fc
  .array(fc.constantFrom('*', '_', '~', '[', ']', 'a', ' ', '*a_', '[a]', '\n'), { minLength: 1, maxLength: 200 })
  .chain((units) => fc.integer({ min: 1, max: 150 }).map((times) => units.join('').repeat(times)));

test('deep nesting and long delimiter runs, in the body or a note, render or stop with a documented message', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...withClaims), fc.oneof(nested, delimiterRun), fc.boolean(), (folder, hostile, inNote) => {
      const { frontmatter, body } = splitArticle(folder.article);
      if (inNote) {
        const data = parseYaml(folder.annotations);
        data.claims[0].note = hostile;
        verdict(folder, folder.article, stringifyYaml(data));
      } else {
        verdict(folder, `---\n${stringifyYaml(frontmatter)}---\n${body}\n\n${hostile}\n`, folder.annotations);
      }
    }),
    { numRuns: Math.ceil(RUNS / 3) },
  );
});

test('any bytes as article.md or annotations.yaml are read as UTF-8 or refused at a real place, never garbled', () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-encoding-'));
  try {
    let n = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: 'grapheme', maxLength: 100 }).map((text) => new Uint8Array(Buffer.from(text, 'latin1'))),
          fc.string({ unit: 'grapheme', maxLength: 100 }).map((text) => new Uint8Array(Buffer.from(`\uFEFF${text.replace(/\n/g, '\r')}`, 'utf8'))),
        ),
        fc.constantFrom('article.md', 'annotations.yaml'),
        (bytes, name) => {
          const slug = `a${++n}`;
          mkdirSync(join(root, slug));
          writeFileSync(join(root, slug, 'article.md'), '---\ntitle: T\n---\ntext\n');
          writeFileSync(join(root, slug, 'annotations.yaml'), '');
          writeFileSync(join(root, slug, name), bytes);
          const read = readArticleFolder(root, slug, root);
          let valid = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            valid = false;
          }
          if (valid) {
            assert.deepEqual(read.problems, []);
            const text = name === 'article.md' ? read.input!.articleSource : read.input!.annotationsSource;
            assert.ok(!text.includes('\r') || text.includes('\r\n'), 'lone CRs are read as line ends');
          } else {
            assert.equal(read.input, undefined, 'invalid UTF-8 is never rendered');
            assert.equal(read.problems.length, 1);
            const [problem] = read.problems;
            assert.equal(problem!.ruleId, 'encoding');
            assert.equal(problem!.file, `${slug}/${name}`);
            assert.ok(problem!.line! >= 1 && problem!.column! >= 1);
          }
        },
      ),
      { numRuns: RUNS },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('headings named after the page\'s own ids (or like them) never give an id twice', () => {
  const idLike = fc.oneof(
    fc.constantFrom(...PAGE_IDS),
    fc.constantFrom('claim-', 'note-', 'marker-', 'source-', 'cite-', 'p-', 'h-', 'card-', 'sr-').chain((prefix) => fc.stringMatching(/^[a-z0-9]{1,8}$/).map((rest) => prefix + rest)),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,20}$/),
  );
  fc.assert(
    fc.property(fc.array(idLike, { minLength: 1, maxLength: 12 }), (headings) => {
      const body = headings.map((text, i) => `## ${text.replace(/-/g, ' ')}\n\nParagraph ${i} under ${text}.`).join('\n\n');
      const article = renderArticle({
        slug: 'x',
        articleFile: 'content/articles/x/article.md',
        articleSource: `---\ntitle: T\nauthor:\n  name: A\npublished: 2022-06-27\npublisher: P\n---\n\n${body}\n`,
        annotationsFile: 'content/articles/x/annotations.yaml',
        annotationsSource: '',
      });
      const ids = [...article.bodyHtml.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
      assert.equal(new Set(ids).size, ids.length, `an id twice: ${ids.join(' ')}`);
      for (const id of ids) assert.ok(!(PAGE_IDS as readonly string[]).includes(id), `the page's own id "${id}" taken by the text`);
      for (const id of [...article.bodyHtml.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]!)) {
        assert.ok(!isReservedId(id) || id.startsWith('h-'), `heading id "${id}" looks like one of the page's`);
      }
    }),
    { numRuns: RUNS },
  );
});

test('the property can fail: a crash is not mistaken for a content error', () => {
  assert.throws(() => verdict(folders[0], null as never, ''), /crashed instead of reporting/);
});
