/**
 * A handful of fast-check mutations (fixed seed) through one real `astro build`: the build either
 * succeeds with every page filled in, or stops with "Content has errors:" and exactly the messages
 * renderArticle gives for each broken folder — never a crash, a hang or a silently empty page.
 * (The many-run fuzzing is in tests/unit/fuzz-content.test.ts, through renderArticle directly.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { renderArticle } from '../../src/pipeline/render-article.ts';
import { ContentError, formatMessage } from '../../src/pipeline/messages.ts';
import { all, astroBuild, copyContent, folders as buildFolders, hasClass, readPage, readerText } from './support.ts';
import { applyData, applyText, dataMutation, folders, splitArticle, textMutation, withClaims } from './mutations.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

/** Four mutated folders: two changed as data, one annotations.yaml and one article.md changed as text. */
function mutatedFolders(): { slug: string; article: string; annotations: string }[] {
  const pick = <T,>(arb: fc.Arbitrary<T>, offset: number) => fc.sample(arb, { seed: SEED + offset, numRuns: 1 })[0];
  const out = [];
  for (let i = 0; i < 2; i++) {
    const folder = withClaims[i % withClaims.length];
    const body = splitArticle(folder.article).body;
    const mutations = pick(fc.array(dataMutation(body), { minLength: 1, maxLength: 2 }), i);
    let data = parseYaml(folder.annotations);
    for (const m of mutations) data = applyData(data, m, body);
    out.push({ slug: `fuzz-${i + 1}`, article: folder.article, annotations: stringifyYaml(data) });
  }
  const a = folders[2 % folders.length];
  out.push({ slug: 'fuzz-3', article: a.article, annotations: pick(fc.array(textMutation, { minLength: 1, maxLength: 2 }), 2).reduce(applyText, a.annotations) });
  const b = withClaims[0];
  out.push({ slug: 'fuzz-4', article: pick(fc.array(textMutation, { minLength: 1, maxLength: 2 }), 3).reduce(applyText, b.article), annotations: b.annotations });
  return out;
}

test(`mutated content through a real build: success with full pages, or the documented messages (seed ${SEED})`, (t) => {
  const copy = copyContent([]);
  const { dist, cache } = buildFolders('fuzz');
  try {
    const expected = mutatedFolders().map((folder) => {
      const dir = join(copy.articles, folder.slug);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'article.md'), folder.article);
      writeFileSync(join(dir, 'annotations.yaml'), folder.annotations);
      const input = {
        slug: folder.slug,
        articleFile: relative(process.cwd(), join(dir, 'article.md')),
        articleSource: folder.article,
        annotationsFile: relative(process.cwd(), join(dir, 'annotations.yaml')),
        annotationsSource: folder.annotations,
      };
      try {
        return { slug: folder.slug, claims: renderArticle(input).claims.length, errors: undefined };
      } catch (error) {
        assert.ok(error instanceof ContentError, `renderArticle crashed on ${folder.slug}: ${error}`);
        return { slug: folder.slug, claims: 0, errors: error.messages.filter((m) => m.severity === 'error').map(formatMessage) };
      }
    });

    const build = astroBuild({ content: copy.content, dist, cache, clean: true });
    assert.equal(build.signal, null, 'the build finished (no hang)');
    assert.doesNotMatch(build.output, /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|Cannot read properties|is not a function/, 'no crash');
    const broken = expected.filter((e) => e.errors);
    t.diagnostic(`${broken.length} of ${expected.length} mutated folders have errors: ${broken.map((b) => `${b.slug} (${b.errors!.length})`).join(', ')}`);
    if (broken.length === 0) {
      assert.equal(build.status, 0, build.output.slice(-3000));
      for (const { slug, claims } of expected) {
        const page = readPage(dist, `articles/${slug}`);
        assert.ok(readerText(all(page, (n) => hasClass(n, 'article-body'))[0]).trim().length > 0, `${slug}: text on the page`);
        assert.equal(all(page, (n) => hasClass(n, 'claim')).length, claims, `${slug}: every claim marked`);
      }
    } else {
      assert.notEqual(build.status, 0, 'the build fails');
      assert.match(build.output, /Content has errors:/);
      for (const { slug, errors } of broken) {
        for (const line of errors!) assert.ok(build.output.includes(line), `${slug}: the build prints\n${line}\n--- output:\n${build.output.slice(-3000)}`);
      }
    }
  } finally {
    copy.cleanup();
  }
});
