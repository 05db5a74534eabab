/**
 * The content cache never serves a stale page: editing only annotations.yaml changes the next
 * build (same cache folder, nothing deleted), and so does a change to the pipeline's own code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { all, astroBuild, attr, copyContent, filesUnder, folders, hasClass, readArticles, readPage, readerText } from './support.ts';

test('editing only annotations.yaml changes the next build, with the cache kept', () => {
  const copy = copyContent(['contract-cases']);
  const { dist, cache } = folders('cache');
  try {
    const first = astroBuild({ content: copy.content, dist, cache, clean: true });
    assert.equal(first.status, 0, first.output.slice(-2000));
    const cacheFiles = filesUnder(cache);
    assert.ok(cacheFiles.length > 0, 'the build left a cache');

    const [article] = readArticles(copy.content);
    const claim = article.claims[0];
    const summaryOf = (path: string) => all(readPage(dist, path), (n) => hasClass(n, 'note-summary') || hasClass(n, 'claim-heading-summary')).map(readerText);
    const claimPath = `articles/${article.slug}/claims/${claim.id}`;
    assert.ok(summaryOf(claimPath).includes(claim.summary), 'the first build shows the summary');

    const edited = `Edited after the first build (${createHash('sha256').update(claim.summary).digest('hex').slice(0, 8)}).`;
    const file = join(copy.articles, article.slug, 'annotations.yaml');
    const yaml = readFileSync(file, 'utf8');
    assert.ok(yaml.includes(`summary: ${claim.summary}`));
    writeFileSync(file, yaml.replace(`summary: ${claim.summary}`, `summary: ${edited}`));

    const second = astroBuild({ content: copy.content, dist, cache });
    assert.equal(second.status, 0, second.output.slice(-2000));
    assert.ok(filesUnder(cache).length > 0, 'the cache is still there');
    assert.ok(summaryOf(claimPath).includes(edited), 'the claim page shows the new summary');
    assert.ok(!summaryOf(claimPath).includes(claim.summary), 'and not the old one');
    const notes = all(readPage(dist, `articles/${article.slug}`), (n) => attr(n, 'id') === `note-${claim.id}`);
    assert.match(readerText(notes[0]), new RegExp(edited.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'the article page too');
  } finally {
    copy.cleanup();
    rmSync(dist, { recursive: true, force: true });
  }
});

test('a change to the pipeline code changes the digest, so cached articles are rendered again', async () => {
  // Three copies of the loader and the pipeline in an ignored folder of the project (so their imports
  // resolve; Node strips no types under node_modules), the second with a comment added to a pipeline
  // file: the shared source files are never touched.
  const scratch = folders('fingerprint').dist;
  rmSync(scratch, { recursive: true, force: true });
  try {
    const copies = ['a', 'b', 'c'].map((name) => {
      const root = join(scratch, name);
      cpSync('src/pipeline', join(root, 'src/pipeline'), { recursive: true, filter: (p) => !p.includes('fixtures') && !p.endsWith('.test.ts') });
      cpSync('src/content', join(root, 'src/content'), { recursive: true }); // the loader and its sibling modules
      cpSync('src/model', join(root, 'src/model'), { recursive: true }); // the vocabulary the pipeline imports
      cpSync('src/lib/file-digest.ts', join(root, 'src/lib/file-digest.ts'));
      return root;
    });
    const someFile = readdirSync(join(copies[1], 'src/pipeline')).find((f) => f.endsWith('.ts'))!;
    appendFileSync(join(copies[1], 'src/pipeline', someFile), '\n// a change to the pipeline\n');

    const load = async (root: string) => (await import(pathToFileURL(join(process.cwd(), root, 'src/content/loader.ts')).href)) as typeof import('../../src/content/loader.ts');
    const fingerprint = async (root: string) => ((await import(pathToFileURL(join(process.cwd(), root, 'src/content/fingerprint.ts')).href)) as typeof import('../../src/content/fingerprint.ts')).contentFingerprint();
    assert.notEqual(await fingerprint(copies[0]), await fingerprint(copies[1]), 'the fingerprint follows the code');
    assert.equal(await fingerprint(copies[0]), await fingerprint(copies[2]), 'the same code has the same fingerprint wherever it is');

    // One store shared by both loaders, as the cache is shared by two builds.
    const entries = new Map<string, { digest?: string; data: unknown }>();
    let rendered = 0;
    const context = {
      store: {
        get: (id: string) => entries.get(id),
        set: (entry: { id: string; digest?: string; data: unknown }) => {
          rendered++;
          entries.set(entry.id, entry);
          return true;
        },
        keys: () => [...entries.keys()],
        values: () => [...entries.values()],
        delete: (id: string) => entries.delete(id),
      },
      // Where the loader writes each article's HTML (src/content/article-html.ts).
      config: { cacheDir: pathToFileURL(join(process.cwd(), scratch, 'cache/')) },
      logger: { warn() {}, info() {}, error() {}, debug() {} },
      parseData: async ({ data }: { data: unknown }) => data,
      generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    };
    const run = async (root: string) => {
      const loader = (await load(root)).articlesLoader({ base: 'tests/fixtures/content/articles' });
      const before = rendered;
      await loader.load(context as never);
      return rendered - before;
    };
    const count = readdirSync('tests/fixtures/content/articles').length;
    assert.equal(await run(copies[0]), count, 'first load renders every article');
    assert.equal(await run(copies[0]), 0, 'the same code and content reuse the cache');
    assert.equal(await run(copies[1]), count, 'changed pipeline code renders every article again');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  assert.ok(!existsSync(scratch));
});
