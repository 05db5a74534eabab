/**
 * Editorial checks on every real article: the build already refuses content that
 * breaks the contract; these add the desk's own rules on top of it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readArticleFolders } from '../../src/content/article-folders.ts';
import { renderArticle } from '../../src/pipeline/render-article.ts';
import { formatMessage } from '../../src/pipeline/messages.ts';

// The folders as the build reads them (src/content/article-folders.ts), not listed here again.
for (const { slug, input, problems } of readArticleFolders('content/articles')) {
  test(`${slug}: its folder reads with no problem`, () => {
    assert.deepEqual(problems.map(formatMessage), []);
  });
  if (!input) continue;
  const article = renderArticle(input);

  test(`${slug}: renders with no warning (every source cited, nothing dropped)`, () => {
    assert.deepEqual(article.warnings.map(formatMessage), []);
  });

  test(`${slug}: every rated claim cites at least one source`, () => {
    const unsourced = article.claims.filter((c) => c.rating && c.sourceIds.length === 0).map((c) => c.id);
    assert.deepEqual(unsourced, []);
  });

  test(`${slug}: every source has a title and a publisher, and every web source an http(s) URL`, () => {
    for (const source of article.sources) {
      assert.ok(source.title.trim(), `source ${source.id} has no title`);
      assert.ok(source.publisher.trim(), `source ${source.id} has no publisher`);
      if (source.url) assert.match(source.url, /^https?:\/\//, `source ${source.id}`);
    }
  });

  test(`${slug}: every claim is anchored once, and kinds and ratings agree`, () => {
    const html = article.titleHtml + (article.subtitleHtml ?? '') + article.headNotesHtml + article.bodyHtml;
    const ids = article.claims.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const claim of article.claims) {
      assert.ok(claim.passage.length > 0, claim.id);
      const rated = claim.kind === 'fact' || claim.kind === 'interpretation';
      assert.equal(Boolean(claim.rating), rated, `${claim.id}: rating presence must follow its kind`);
      assert.equal(html.split(`id="claim-${claim.id}"`).length - 1, 1, `${claim.id} must have one element in the page`);
    }
  });
}
