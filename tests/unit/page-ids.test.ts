/**
 * The reserved-id list is the page's own: every id a page template writes is in it, so an
 * article heading can never take one (a "## Claims" heading would otherwise duplicate the
 * claims list's id and its "see them all" link would land on the heading).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReservedId } from '../../src/pipeline/page-ids.ts';
import { renderArticle } from '../../src/pipeline/render-article.ts';

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? templates(join(dir, entry.name)) : /\.(astro|ts)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
}

test('every id a page template writes is reserved', () => {
  const found = new Set<string>();
  for (const file of ['src/pages', 'src/components', 'src/layouts', 'src/scripts'].flatMap(templates)) {
    const text = readFileSync(file, 'utf8');
    for (const [, id] of text.matchAll(/\bid="([a-z][a-z0-9-]*)"/g)) found.add(id!);
    for (const [, id] of text.matchAll(/\bid: '([a-z][a-z0-9-]*)'/g)) found.add(id!);
    // Template ids made per item: `card-${…}`, `source-${…}`, `sr-${…}`.
    for (const [, prefix] of text.matchAll(/\bid(?:=\{|\s*=\s*)`([a-z][a-z0-9]*-)\$\{/g)) found.add(`${prefix}x`);
  }
  assert.ok(found.size > 10, `found the templates' ids: ${[...found].join(' ')}`);
  assert.deepEqual([...found].filter((id) => !isReservedId(id)), []);
});

test('headings named like the page\'s own parts get ids of their own', () => {
  const headings = ['Claims', 'Sources cited', 'Endnotes heading', 'Assessment heading', 'Context heading', 'Search q', 'Main'];
  const article = renderArticle({
    slug: 'x',
    articleFile: 'content/articles/x/article.md',
    articleSource: `---\ntitle: T\nauthor:\n  name: A\npublished: 2022-06-27\npublisher: P\n---\n\n${headings.map((h) => `## ${h}\n\nText under ${h}.`).join('\n\n')}\n`,
    annotationsFile: 'content/articles/x/annotations.yaml',
    annotationsSource: '',
  });
  const ids = [...article.bodyHtml.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['h-claims', 'h-sources-cited', 'h-endnotes-heading', 'h-assessment-heading', 'h-context-heading', 'h-search-q', 'h-main']);
});
