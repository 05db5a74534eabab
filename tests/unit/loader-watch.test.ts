/**
 * The content loader in `astro dev`: an edit under the content folder renders the articles
 * again, once, however many times Astro has called load() on the same watcher.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articlesLoader } from '../../src/content/loader.ts';

function fakeContext(root: string, watcher: EventEmitter & { add(path: string): void }) {
  let loads = 0;
  const context = {
    // Each full load lists the store's keys once, to drop entries whose folder has gone.
    store: { get: () => undefined, set: () => true, delete: () => undefined, keys: () => (loads++, []) },
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
});
