/**
 * The content loader in `astro dev`: an edit under the content folder renders the articles
 * again, once, however many times Astro has called load() on the same watcher.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { articlesLoader } from '../../src/content/loader.ts';
import { contentProblems } from '../../src/content/content-problems.ts';

function fakeContext(root: string, watcher: EventEmitter & { add(path: string): void }) {
  let loads = 0;
  const context = {
    // Each full load lists the store's keys once, to drop entries whose folder has gone.
    store: { get: () => undefined, set: () => true, delete: () => undefined, keys: () => (loads++, []), values: () => [] },
    config: { cacheDir: pathToFileURL(join(root, 'cache/')) },
    logger: { warn: () => undefined, info: () => undefined },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (value: string) => value,
    watcher,
  };
  return { context, loads: () => loads };
}

describe('articlesLoader in the dev server', () => {
  it('renders again once per edit, even after load() ran twice on the same watcher', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loader-watch-'));
    mkdirSync(join(root, 'articles'));
    const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
    const loader = articlesLoader({ base: join(root, 'articles') });
    const first = fakeContext(root, watcher);
    const second = fakeContext(root, watcher);
    await loader.load(first.context as never);
    await loader.load(second.context as never);
    assert.equal(first.loads() + second.loads(), 2);

    watcher.emit('all', 'change', join(root, 'articles', 'a', 'annotations.yaml'));
    await new Promise((resolve) => setImmediate(resolve));
    // One more load, with the context of the latest load() call.
    assert.equal(first.loads(), 1);
    assert.equal(second.loads(), 2);

    watcher.emit('all', 'change', join(root, 'elsewhere.txt'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(second.loads(), 2, 'a change outside the content folder renders nothing');
  });

  it('keeps running on a content error: records it, drops the stale page, and recovers on fix', async () => {
    const root = mkdtempSync(join(tmpdir(), 'loader-dev-'));
    const folder = join(root, 'articles', 'a');
    mkdirSync(folder, { recursive: true });
    const article = '---\ntitle: T\nauthor:\n  name: A\npublished: 2022-06-27\npublisher: P\n---\n\nText.\n';
    writeFileSync(join(folder, 'article.md'), article);
    writeFileSync(join(folder, 'annotations.yaml'), 'claims: [\n');
    const stored = new Map<string, unknown>();
    const errors: string[] = [];
    const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
    const context = {
      store: { get: (id: string) => stored.get(id), set: (entry: { id: string }) => (stored.set(entry.id, entry), true), delete: (id: string) => stored.delete(id), keys: () => [...stored.keys()], values: () => [...stored.values()] },
      logger: { warn: () => undefined, info: () => undefined, error: (line: string) => errors.push(line) },
      parseData: async ({ data }: { data: unknown }) => data,
      // The digest names the article's HTML file (src/content/article-html.ts): a hash, as Astro's.
      generateDigest: (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16),
      config: { cacheDir: pathToFileURL(join(root, 'cache/')) },
      watcher,
    };
    const loader = articlesLoader({ base: join(root, 'articles') });
    await loader.load(context as never); // starts although the article is broken
    assert.match(contentProblems().bySlug.a?.join('\n') ?? '', /annotations\.yaml:\d+:\d+: error: .*\[yaml-syntax\]/);
    assert.equal(stored.has('a'), false, 'no page for a broken article');
    assert.match(errors.join('\n'), /Content has errors/);

    writeFileSync(join(folder, 'annotations.yaml'), '');
    watcher.emit('all', 'change', join(folder, 'annotations.yaml'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(contentProblems().lines, []);
    assert.equal(stored.has('a'), true, 'the fixed article is back');

    // Its HTML lives in a file in the cache folder; with that file gone, an unchanged article is rendered again.
    const htmlFile = (stored.get('a') as { data: { article: { htmlFile: string } } }).data.article.htmlFile;
    assert.match(readFileSync(htmlFile, 'utf8'), /"text":"T\\n\\nText\."/);
    rmSync(htmlFile);
    watcher.emit('all', 'change', join(folder, 'article.md'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.match(readFileSync(htmlFile, 'utf8'), /"text":"T\\n\\nText\."/, 'the same file, written again');

    writeFileSync(join(folder, 'annotations.yaml'), 'claims: [\n');
    watcher.emit('all', 'change', join(folder, 'annotations.yaml'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(contentProblems().lines.length, 1);
    assert.equal(stored.has('a'), false, 'broken again: the last good page is not served');

    // A build (no watcher) still stops.
    await assert.rejects(loader.load({ ...context, watcher: undefined } as never), /Content has errors:\n.*annotations\.yaml/);
  });
});
