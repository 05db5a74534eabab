import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { ContentError } from '../pipeline/messages.ts';
import { renderArticle } from '../pipeline/render-article.ts';
import { scaffold } from './scaffold.ts';

const PAGES = 'tests/fixtures/saved-pages';
const page = (name: string) => scaffold(readFileSync(join(PAGES, name), 'utf8'), name);
const parts = (article: string) => {
  const [, frontMatter, ...body] = article.split(/^---$/m);
  return { fields: parse(frontMatter!) as Record<string, unknown>, body: body.join('---').trim() };
};
const oneSpace = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The build's messages for the scaffolded article with an empty annotations.yaml. */
function build(article: string): string[] {
  try {
    renderArticle({ slug: 'x', articleFile: 'article.md', articleSource: article, annotationsFile: 'annotations.yaml', annotationsSource: '' });
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.messages.map((m) => `${m.ruleId}: ${m.reason}`);
    throw error;
  }
}

describe('scaffold: the seed’s raw copy (Markdown-like text of the Global Research page)', () => {
  const result = page('seed-article.txt');
  const { fields, body } = parts(result.article);

  it('states what the page states in the front matter', () => {
    assert.deepEqual(fields, {
      title: "Japan's New Stance on Russia, under Pressure from Washington. PM Kishida Will Attend NATO Summit",
      author: { name: 'Uriel Araujo', bio: 'Uriel Araujo is a researcher with a focus on international and ethnic conflicts.' },
      published: '2022-06-27',
      publisher: 'InfoBrics',
      republished: [{ publisher: 'Global Research', date: '2022-06-28' }],
      copyright: 'Copyright © Uriel Araujo, InfoBrics, 2022',
      regions: ['Asia', 'Russia and FSU'],
      themes: ['History'],
    });
    assert.deepEqual(result.missing, ['URL']);
  });

  it('keeps the article’s text, as our content folder has it, and drops the site’s boilerplate', () => {
    const ours = readFileSync('content/articles/japans-new-stance-on-russia/article.md', 'utf8').split(/^---$/m).slice(2).join('---');
    assert.equal(oneSpace(body), oneSpace(ours));
    for (const boilerplate of ['Translate Website', 'Daily Newsletter', 'Instagram', 'share buttons', 'Become a Member', 'Disclaimer', 'fair use', 'Region:', 'media inquiries', '\\*\\*\\*']) {
      assert.ok(!body.includes(boilerplate), `"${boilerplate}" left in`);
    }
    assert.match(body, /\[goals in the Pacific\]\(#\)/);
  });

  it('builds', () => {
    assert.deepEqual(build(result.article), []);
  });
});

describe('scaffold: saved HTML pages', () => {
  it('a news site: JSON-LD and Open Graph facts; menus, share bar, donation box, related links and footer dropped', () => {
    const result = page('news-site.html');
    const { fields, body } = parts(result.article);
    assert.deepEqual(fields, {
      title: 'Harbour reopens after two years',
      author: { name: 'Ana Example' },
      published: '2024-05-02',
      publisher: 'The Coastal Gazette',
      copyright: '© 2024 The Coastal Gazette. All rights reserved.',
    });
    assert.match(result.article, /^# Saved from https:\/\/gazette\.example\/news\/2024\/05\/harbour-reopens /m);
    assert.deepEqual(result.missing, []);
    assert.equal(result.slug, 'harbour-reopens-after-two');
    assert.match(body, /^The harbour at Porthmere reopened on \*1 May\*, after \*\*two years\*\* of repairs/);
    assert.match(body, /\[the council's notice\]\(https:\/\/example\.org\/harbour\)/);
    assert.match(body, /^## A first sailing$/m);
    for (const boilerplate of ['Sport', 'Share on', 'Copy link', 'Donate', 'Related stories', 'Ferry plan approved', 'newsletter', 'Privacy', 'By Ana']) {
      assert.ok(!body.includes(boilerplate), `"${boilerplate}" left in`);
    }
    assert.deepEqual(build(result.article), []);
  });

  it('a blog: the date from the post’s meta line, the publisher from the page title; comments and sidebar dropped', () => {
    const result = page('blog.html');
    const { fields, body } = parts(result.article);
    assert.deepEqual(fields, { title: 'Why the bridge toll is a bad idea', author: { name: 'Sam Writer' }, published: '2023-03-03', publisher: 'Notes from the Valley' });
    assert.deepEqual(result.missing, ['URL']);
    assert.match(body, /^> “We will ring-fence every penny,”/m);
    assert.match(body, /\[The consultation\]\(https:\/\/county\.example\/toll-consultation\)/);
    for (const boilerplate of ['Share this', 'Great post', 'Subscribe', 'Recent posts', 'Posted on', 'Contact']) {
      assert.ok(!body.includes(boilerplate), `"${boilerplate}" left in`);
    }
  });

  it('a bare page: says what it could not find, and the build names the same fields', () => {
    const result = page('bare.html');
    assert.deepEqual(result.missing, ['author.name', 'published', 'publisher', 'URL']);
    assert.match(result.article, /^# author\.name: not found on the page; add it/m);
    assert.equal(parts(result.article).body.trim().split('\n\n').length, 3);
    assert.deepEqual(
      build(result.article).filter((m) => m.startsWith('field-missing')).map((m) => m.replace(/^field-missing: /, '')),
      ['required field is missing', 'required field is missing', 'required field is missing'],
    );
  });

  it('plain text: headline, publisher and date from the lines under it; a subscription appeal dropped', () => {
    const result = page('plain.txt');
    const { fields, body } = parts(result.article);
    assert.deepEqual(fields, { title: 'Council approves new cycle lanes', published: '2023-09-14', publisher: 'The Town Crier' });
    assert.deepEqual(result.missing, ['author.name', 'URL']);
    assert.ok(!body.includes('Subscribe'));
    assert.equal(body.trim().split('\n\n').length, 2);
  });
});

describe('npm run new-article', () => {
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, ['scripts/new-article.ts', ...args, '--content', root], { encoding: 'utf8' });

  it('writes article.md and an empty annotations.yaml, and never overwrites a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'new-article-'));
    try {
      const made = run(root, join(PAGES, 'blog.html'));
      assert.equal(made.status, 0, made.stderr);
      assert.match(made.stdout, /not found on the page: URL/);
      const folder = join(root, 'why-the-bridge-toll');
      assert.match(readFileSync(join(folder, 'article.md'), 'utf8'), /^---\ntitle: Why the bridge toll is a bad idea\n/);
      assert.equal(parse(readFileSync(join(folder, 'annotations.yaml'), 'utf8')), null);

      mkdirSync(join(root, 'taken'));
      writeFileSync(join(root, 'taken', 'notes.txt'), 'mine');
      const refused = run(root, join(PAGES, 'plain.txt'), '--slug', 'taken');
      assert.equal(refused.status, 1);
      assert.match(refused.stderr, /taken already exists; nothing written/);
      assert.ok(!existsSync(join(root, 'taken', 'article.md')));
      assert.equal(readFileSync(join(root, 'taken', 'notes.txt'), 'utf8'), 'mine');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
