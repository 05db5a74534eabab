/**
 * Hostile content through a real build: text that reads "<style>" in the summary (which ends up
 * in the page's meta description) and headings named like the page's own parts. The build must
 * succeed with every real stylesheet allowed by hash in _headers (else the pages render
 * unstyled under the production CSP) and no id given twice (the link check finds both).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite, formatProblem } from '../../scripts/link-check.ts';
import { astroBuild, copyContent, folders, pagefind } from './support.ts';

test('a summary with "<style>" and a "## Claims" heading build into styled pages with unique ids', () => {
  const content = copyContent(['edge-cases', 'no-claims']);
  const { dist, cache } = folders('hostile');
  try {
    const article = join(content.articles, 'no-claims', 'article.md');
    const source = readFileSync(article, 'utf8')
      .replace('publisher: Fixture Press\n', 'publisher: Fixture Press\nsummary: Why <style> tags and <script> tags matter\n')
      .concat('\n## Claims\n\nA heading named like the claims list.\n\n## Sources heading\n\nAnd one like the sources.\n');
    writeFileSync(article, source);
    const build = astroBuild({ content: content.content, dist, cache, clean: true });
    assert.equal(build.status, 0, build.output.slice(-2000));
    const page = readFileSync(join(dist, 'articles/no-claims/index.html'), 'utf8');
    assert.match(page, /<meta name="description" content="Why <style> tags/);
    assert.match(page, /<h2 id="h-claims">Claims/);
    assert.match(page, /<h2 id="h-sources-heading">Sources heading/);
    // Indexed as `npm run build` does: the search page names Pagefind's files, which must exist.
    const index = pagefind(dist);
    assert.equal(index.status, 0, index.output.slice(-2000));
    const problems = checkSite(dist, { contentDir: content.content });
    assert.deepEqual(problems.map(formatProblem), []);
  } finally {
    content.cleanup();
    rmSync(dist, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  }
});
