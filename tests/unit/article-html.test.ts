/**
 * The article's HTML file in Astro's cache folder (src/content/article-html.ts): what the loader
 * writes is what the pages read, files no entry names go, and a broken file is a clear error.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articleHtml, articleHtmlFolder, hasArticleHtml, removeUnusedArticleHtml, writeArticleHtml } from '../../src/content/article-html.ts';
import type { RenderedArticle } from '../../src/pipeline/types.ts';

const article = {
  slug: 'a', bodyHtml: '<p>x</p>', headNotesHtml: '<aside></aside>', text: 'x', sources: [], warnings: [],
  claims: [{ id: 'c', blockHtml: '<p>x</p>' }, { id: 'd', blockHtml: '<p>y</p>' }],
} as unknown as RenderedArticle;

describe('article HTML files', () => {
  it('reads back what was written, in the cache folder, by slug and digest', () => {
    const cache = mkdtempSync(join(tmpdir(), 'article-html-'));
    const folder = articleHtmlFolder(pathToFileURL(`${cache}/`));
    const file = writeArticleHtml(folder, 'a', 'd1', article);
    assert.equal(file, join(cache, 'article-html', 'a.d1.json'), 'outside the project: an absolute path');
    assert.deepEqual(readdirSync(folder), ['a.d1.json'], 'no temporary file left');
    assert.deepEqual(articleHtml({ htmlFile: file }), {
      bodyHtml: '<p>x</p>', headNotesHtml: '<aside></aside>', text: 'x', blockHtml: { c: '<p>x</p>', d: '<p>y</p>' },
    });
  });

  it('takes the parts from the entry when the store keeps them whole (CONTENT_STORE_FULL=1)', () => {
    assert.equal(articleHtml(article as never).blockHtml.d, '<p>y</p>');
  });

  it('removes the files no entry names: older digests and deleted articles', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'article-html-')), 'article-html');
    const kept = writeArticleHtml(folder, 'a', 'd2', article);
    const old = writeArticleHtml(folder, 'a', 'd1', article);
    const gone = writeArticleHtml(folder, 'b', 'd1', article);
    removeUnusedArticleHtml(folder, new Set([kept]));
    assert.ok(hasArticleHtml(kept));
    assert.ok(!existsSync(old) && !existsSync(gone));
    assert.ok(!hasArticleHtml(undefined));
  });

  it('fails with the file and what to do when the file is missing or broken', () => {
    const folder = mkdtempSync(join(tmpdir(), 'article-html-'));
    assert.throws(() => articleHtml({ htmlFile: join(folder, 'none.json') }), /cannot read the rendered article .*none\.json .*delete Astro's cache folder/);
    writeFileSync(join(folder, 'half.json'), '{"bodyHtml":"<p>');
    assert.throws(() => articleHtml({ htmlFile: join(folder, 'half.json') }), /cannot read the rendered article .*half\.json/);
    writeFileSync(join(folder, 'empty.json'), '{}');
    assert.throws(() => articleHtml({ htmlFile: join(folder, 'empty.json') }), /the rendered article .*empty\.json is incomplete/);
  });
});
