/**
 * Incremental builds are correct: after each kind of edit, a build that restores unchanged pages
 * from the last build's cache (astro.config.mjs `experimental.incrementalBuild`, cacheKeys in
 * src/lib/site.ts) writes exactly the bytes a clean build writes.
 *
 * The edits are made in a copy of the project in a temp folder (its source, config, lock file and
 * the fixture articles; node_modules a folder of links to this project's packages), so no file of
 * the project is touched. Edits follow each other in one copy, each followed by an incremental
 * build and a clean one: first the content edits together (each to a different article, so none
 * hides another), then a component, a browser script, the config, a pipeline file, a dependency and
 * a build setting read from the environment, each of which changes what every page shows, and the
 * sources' link check (`content/source-status.json`), which pages read at render time rather than
 * from the store (only the pages of the articles whose sources it names are rendered again). dist/ is kept between the incremental builds (src/integrations/keep-output.ts),
 * with the search index Pagefind writes into it after the first: the next build must leave none of
 * it, as a clean build leaves none (Pagefind has no incremental mode and indexes whatever dist/ holds).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuild, FIXTURES, filesUnder, pagefind, ROOT } from './support.ts';

const COPIED = ['src', 'public', 'docs', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** The dependency whose version the last step changes: small, and called by the pipeline itself. */
const DEPENDENCY = 'hast-util-to-html';

function projectCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'incremental-'));
  for (const name of COPIED) cpSync(join(ROOT, name), join(root, name), { recursive: true });
  cpSync(join(FIXTURES, 'articles'), join(root, 'content/articles'), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') continue; // caches and npm's own files
    symlinkSync(join(ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
  return root;
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${file} still holds ${JSON.stringify(from)} (the test's edit needs updating)`);
  writeFileSync(file, text.replace(from, to));
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((file) => [file, readFileSync(join(dir, file))]));
}

/** Files added, removed or changed from `a` to `b`. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((name) => !a.get(name) || !b.get(name) || !a.get(name)!.equals(b.get(name)!));
}

test('after each kind of edit, an incremental build writes what a clean build writes', { timeout: 900_000 }, () => {
  const root = projectCopy();
  const articles = join(root, 'content/articles');
  let env: Record<string, string> = {};
  const build = (dist: string, cache: string, clean = false) => {
    const run = astroBuild({ root, content: 'content', dist, cache, clean, env });
    assert.equal(run.status, 0, run.output.slice(-3000));
    return run.output;
  };
  let previous: Map<string, Buffer>;
  /** An incremental build after `what`, checked against a clean build of the same files. */
  const step = (what: string) => {
    const output = build('dist', 'node_modules/.astro');
    const incremental = snapshot(join(root, 'dist'));
    build('dist-clean', 'node_modules/.astro-clean', true);
    const clean = snapshot(join(root, 'dist-clean'));
    assert.deepEqual(differences(clean, incremental), [], `${what}: files that differ between the incremental and a clean build`);
    assert.notDeepEqual(differences(previous, incremental), [], `${what}: the edit shows in the built site`);
    previous = incremental;
    return output;
  };
  try {
    const first = build('dist', 'node_modules/.astro', true);
    assert.doesNotMatch(first, /\((?:restored|cached)\)/, 'the first build renders every page');
    previous = snapshot(join(root, 'dist'));
    // As `npm run build` does: the search index written into dist/ after the build.
    assert.equal(pagefind(join(root, 'dist')).status, 0);

    const slugs = readdirSync(articles).sort();
    assert.ok(slugs.length >= 4, 'four fixture articles to edit one way each');
    const [yamlEdited, markdownEdited, deleted, untouched] = slugs as [string, string, string, string];
    edit(join(articles, yamlEdited, 'annotations.yaml'), 'summary: ', 'summary: Edited. ');
    const markdown = join(articles, markdownEdited, 'article.md');
    // The title shows on the article's claim pages and on the home page too, outside the article page.
    edit(markdown, '\ntitle: ', '\ntitle: Retitled ');
    writeFileSync(markdown, `${readFileSync(markdown, 'utf8').trimEnd()}\n\nA paragraph added after the first build.\n`);
    cpSync(join(articles, untouched), join(articles, 'an-added-article'), { recursive: true });
    rmSync(join(articles, deleted), { recursive: true });
    const afterContent = step('one annotations.yaml, one article.md, an added and a deleted article');
    // Left in place in dist/ (src/integrations/keep-output.ts), or copied back from the cache.
    assert.match(afterContent, new RegExp(`articles/${untouched}/index\\.html.*\\n?.*\\((?:restored|cached)\\)`), 'the untouched article is not rendered again');
    assert.ok(!previous!.has(`articles/${deleted}/index.html`), 'the deleted article is gone');
    const claimPages = [...previous!.keys()].filter((name) => name.startsWith(`articles/${markdownEdited}/claims/`) && name.endsWith('.html'));
    assert.ok(claimPages.length > 0, `${markdownEdited} has claim pages`);
    for (const page of [...claimPages, 'index.html']) assert.match(previous!.get(page)!.toString(), />Retitled /, `${page} shows the new title`);

    edit(join(root, 'src/components/RatingBadge.astro'), '<span class="badge"', '<span class="badge" data-edited');
    step('a component');

    // Browser code: pages link to its files by hashed names, which Astro's own check of a
    // page's code does not see (src/lib/client-code.ts). A restored page must not link to a
    // file the build no longer writes.
    edit(join(root, 'src/scripts/copy-link.ts'), 'const COPIED_FOR_MS = 4000;', 'const COPIED_FOR_MS = 5000;');
    step('a browser script');

    // A config setting that changes how scripts are bundled: small scripts inlined again.
    edit(join(root, 'astro.config.mjs'), "(file.endsWith('.js') ? false : undefined)", 'undefined');
    step('the config');

    // render-note.ts is read by the loader only, never by a page: only the entries' digests can tell.
    edit(join(root, 'src/pipeline/render-note.ts'), "['noopener', 'noreferrer']", "['noopener', 'noreferrer', 'external']");
    step('a pipeline file');

    // A new version of a dependency, as `npm ci` would install it: its code and the lock file change.
    const link = join(root, 'node_modules', DEPENDENCY);
    unlinkSync(link);
    cpSync(join(ROOT, 'node_modules', DEPENDENCY), link, { recursive: true, dereference: true });
    const manifest = JSON.parse(readFileSync(join(link, 'package.json'), 'utf8')) as { version: string };
    const version = `${manifest.version}-edited`;
    edit(join(link, 'package.json'), `"version": "${manifest.version}"`, `"version": "${version}"`);
    edit(join(root, 'package-lock.json'), `"node_modules/${DEPENDENCY}": {\n      "version": "${manifest.version}"`, `"node_modules/${DEPENDENCY}": {\n      "version": "${version}"`);
    writeFileSync(
      join(link, 'index.js'),
      `import {toHtml as render} from './lib/index.js'\nexport function toHtml(tree, options) {\n  return render(tree, options).replaceAll('</p>', '</p><!-- ${version} -->')\n}\n`,
    );
    step('a dependency version');

    // A build setting the pages read from the environment (src/lib/site.ts, cacheKeyOf).
    env = { REPORT_EMAIL: 'editors@example.org' };
    step('a build setting (the editors\' contact)');

    // The sources' link check, read by SourceList at render time (src/lib/source-status.ts), its
    // entries for an article's sources hashed into that article's cacheKey: a source whose link died
    // now says so, and articles the check says nothing about are restored.
    const statusPage = 'articles/source-records/index.html';
    assert.doesNotMatch(previous!.get(statusPage)!.toString(), /Link dead/, 'no link status before the check');
    cpSync(join(FIXTURES, 'source-status.json'), join(root, 'content/source-status.json'));
    const afterCheck = step('the sources\' link check (content/source-status.json)');
    const unchecked = slugs.find((slug) => slug !== 'source-records' && slug !== deleted)!;
    assert.match(afterCheck, new RegExp(`articles/${unchecked}/index\\.html.*\\n?.*\\((?:restored|cached)\\)`), 'an article with no checked source is not rendered again');
    assert.match(previous!.get(statusPage)!.toString(), /Link dead when checked on/, 'the dead link shows on the article page');
    const deadClaim = [...previous!.keys()].find((name) => name.startsWith('articles/source-records/claims/') && /Link dead/.test(previous!.get(name)!.toString()));
    assert.ok(deadClaim, 'and on a claim page citing the dead source');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
