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

test('the property can fail: a crash is not mistaken for a content error', () => {
  assert.throws(() => verdict(folders[0], null as never, ''), /crashed instead of reporting/);
});
