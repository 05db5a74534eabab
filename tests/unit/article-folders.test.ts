/**
 * The content folder reader shared by the loader and `npm run check`: what it refuses before
 * anything is parsed, each with the file and line, and what it reads as an editor would.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFolders } from '../../src/content/article-folders.ts';
import { formatMessage } from '../../src/pipeline/messages.ts';

const ARTICLE = '---\ntitle: T\nauthor:\n  name: A\npublished: 2022-06-27\npublisher: P\n---\n\nThe café reopened.\n';

function contentWith(build: (articles: string, outside: string) => void): { articles: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'folders-'));
  const articles = join(root, 'articles');
  const outside = join(root, 'outside');
  mkdirSync(articles);
  mkdirSync(outside);
  build(articles, outside);
  return { articles, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

function problems(build: (articles: string, outside: string) => void): string[] {
  const { articles, cleanup } = contentWith(build);
  try {
    return readArticleFolders(articles, articles).flatMap((folder) => folder.problems.map(formatMessage));
  } finally {
    cleanup();
  }
}

function folder(articles: string, slug: string, article: string | Buffer = ARTICLE, annotations: string | Buffer = ''): void {
  mkdirSync(join(articles, slug));
  writeFileSync(join(articles, slug, 'article.md'), article);
  writeFileSync(join(articles, slug, 'annotations.yaml'), annotations);
}

describe('readArticleFolders', () => {
  it('refuses an article folder that is a symbolic link out of the content folder', () => {
    const found = problems((articles, outside) => {
      folder(outside, 'secret');
      symlinkSync(join(outside, 'secret'), join(articles, 'secret'));
    });
    assert.deepEqual(found, ['secret:1:1: error: article folder "secret": is a symbolic link; article folders must be real folders inside the content folder (copy the files in) [symlink]']);
  });

  it('refuses an annotations.yaml that is a folder, instead of crashing with EISDIR', () => {
    const found = problems((articles) => {
      mkdirSync(join(articles, 'a'));
      writeFileSync(join(articles, 'a', 'article.md'), ARTICLE);
      mkdirSync(join(articles, 'a', 'annotations.yaml'));
    });
    assert.deepEqual(found, ['a/annotations.yaml:1:1: error: is a folder (or other non-file), not a file [file-missing]']);
  });

  it('refuses text that is not UTF-8, at the line and column of the first bad byte', () => {
    const cp1252 = Buffer.from(ARTICLE.replace('café', 'caf\u0000'), 'utf8');
    cp1252[cp1252.indexOf(0)] = 0xe9; // é in Windows-1252
    const found = problems((articles) => folder(articles, 'a', cp1252, Buffer.from('claims:\n  - id: x\n    quote: \u2019\n')));
    assert.deepEqual(found, [
      'a/article.md:9:8: error: is not valid UTF-8: byte 0xE9 at this place starts no character (the file was probably saved as Windows-1252 or Latin-1); save it as UTF-8 [encoding]',
    ]);
  });

  it('reads lone CR line ends as line ends, and a written U+FFFD as text', () => {
    const { articles, cleanup } = contentWith((dir) => folder(dir, 'a', ARTICLE.replace(/\n/g, '\r') + 'A \uFFFD sign.\r'));
    try {
      const [read] = readArticleFolders(articles, articles);
      assert.deepEqual(read?.problems, []);
      assert.equal(read?.input?.articleSource, `${ARTICLE}A \uFFFD sign.\n`);
    } finally {
      cleanup();
    }
  });

  it('npm run check refuses the same folders, with exit 1', () => {
    const { articles, cleanup } = contentWith((dir, outside) => {
      folder(outside, 'secret');
      symlinkSync(join(outside, 'secret'), join(dir, 'secret'));
    });
    try {
      const run = spawnSync(process.execPath, ['scripts/check-content.ts', articles], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /secret:1:1: error: article folder "secret": is a symbolic link.* \[symlink\]/);
    } finally {
      cleanup();
    }
  });
});
