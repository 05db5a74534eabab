import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from './parse-article.ts';
import { formatMessage } from './messages.ts';

const VALID = `---
title: A title
author:
  name: A. Writer
published: 2022-06-27
publisher: InfoBrics
---

The text.
`;

/** Front matter with `fields` in place of the valid ones, and a body. */
const article = (fields: string, body = '\nThe text.\n') => `---\n${fields}\n---\n${body}`;
const REQUIRED = 'title: T\nauthor:\n  name: N\npublished: 2022-06-27\npublisher: P';

function problems(source: string): string[] {
  return parseArticle(source, 'a.md').messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.subject ?? '-'}`);
}

test('the seed article parses, with dates as YYYY-MM-DD strings', () => {
  const file = join(import.meta.dirname, '../../content/articles/japans-new-stance-on-russia/article.md');
  const parsed = parseArticle(readFileSync(file, 'utf8'), file);
  assert.deepEqual(parsed.messages, []);
  assert.equal(parsed.frontmatter?.published, '2022-06-27');
  assert.equal(parsed.frontmatter?.republished?.[0].date, '2022-06-28');
  assert.equal(parsed.frontmatter?.lang, 'en');
  assert.equal(parsed.bodyStartLine, 20);
  assert.match(parsed.body, /^\n\*Japanese-Russian relations/);
});

test('a minimal article: defaults and body position', () => {
  const parsed = parseArticle(VALID, 'a.md');
  assert.deepEqual(parsed.messages, []);
  assert.deepEqual(parsed.frontmatter, {
    title: 'A title',
    author: { name: 'A. Writer' },
    published: '2022-06-27',
    publisher: 'InfoBrics',
    lang: 'en',
  });
  assert.equal(parsed.bodyStartLine, 8);
  assert.equal(parsed.body, '\nThe text.\n');
});

test('CRLF line ends and a byte-order mark are fine', () => {
  const parsed = parseArticle(`\uFEFF${VALID.replaceAll('\n', '\r\n')}`, 'a.md');
  assert.deepEqual(parsed.messages, []);
  assert.equal(parsed.frontmatter?.published, '2022-06-27');
});

test('%YAML 1.1 timestamps still come back as the date written', () => {
  const parsed = parseArticle(article(`%YAML 1.1\n---\n${REQUIRED}`), 'a.md');
  // A directive inside front matter is unusual; whatever happens, published must not shift a day.
  if (parsed.frontmatter) assert.equal(parsed.frontmatter.published, '2022-06-27');
  else assert.ok(parsed.messages.length > 0);
});

const cases: [string, string, string[]][] = [
  ['no front matter', 'Just text.\n', ['1:1 frontmatter-missing -']],
  ['unclosed front matter', '---\ntitle: T\n\nText.\n', ['1:1 frontmatter-missing -']],
  ['front matter is a list', article('- a\n- b'), ['2:1 frontmatter-type -']],
  ['empty front matter', article(''), ['1:1 field-missing title', '1:1 field-missing author', '1:1 field-missing published', '1:1 field-missing publisher']],
  ['yaml syntax', article(`${REQUIRED}\nsubtitle: "open`), ['7:16 yaml-syntax -']],
  ['missing title', article('author:\n  name: N\npublished: 2022-06-27\npublisher: P'), ['2:1 field-missing title']],
  ['missing author.name', article('title: T\nauthor:\n  bio: B\npublished: 2022-06-27\npublisher: P'), ['3:1 field-missing author.name']],
  ['author as text', article('title: T\nauthor: N\npublished: 2022-06-27\npublisher: P'), ['3:1 field-type author']],
  ['title as a number', article('title: 1984\nauthor:\n  name: N\npublished: 2022-06-27\npublisher: P'), ['2:1 field-type title']],
  ['empty publisher', article('title: T\nauthor:\n  name: N\npublished: 2022-06-27\npublisher: ""'), ['6:1 field-missing publisher']],
  ['null publisher', article('title: T\nauthor:\n  name: N\npublished: 2022-06-27\npublisher:'), ['6:1 field-missing publisher']],
  ['published not a real day', article('title: T\nauthor:\n  name: N\npublished: 2022-02-30\npublisher: P'), ['5:1 date-format published']],
  ['published as a month', article('title: T\nauthor:\n  name: N\npublished: 2022-06\npublisher: P'), ['5:1 date-format published']],
  ['published as a year', article('title: T\nauthor:\n  name: N\npublished: 2022\npublisher: P'), ['5:1 field-type published']],
  ['unknown field', article(`${REQUIRED}\npublised: 2022-06-27`), ['7:1 field-unknown publised']],
  ['unknown nested field', article('title: T\nauthor:\n  name: N\n  twitter: x\npublished: 2022-06-27\npublisher: P'), ['5:3 field-unknown author.twitter']],
  ['republished url scheme', article(`${REQUIRED}\nrepublished:\n  - publisher: G\n    date: 2022-06-28\n    url: ftp://x.org`), ['10:5 url-scheme republished[0].url']],
  ['republished missing date', article(`${REQUIRED}\nrepublished:\n  - publisher: G`), ['8:5 field-missing republished[0].date']],
  ['regions item not text', article(`${REQUIRED}\nregions: [Asia, 3]`), ['7:17 field-type regions[1]']],
  ['themes not a list', article(`${REQUIRED}\nthemes: History`), ['7:1 field-type themes']],
  ['bad lang', article(`${REQUIRED}\nlang: English`), ['7:1 field-type lang']],
  ['field given twice', article(`${REQUIRED}\ntitle: Again`), ['7:1 yaml-syntax title']],
  ['empty body', article(REQUIRED, '\n  \n'), ['8:1 body-empty -']],
  ['no body at all', article(REQUIRED, ''), ['8:1 body-empty -']],
];

for (const [name, source, expected] of cases) {
  test(`front matter: ${name}`, () => {
    assert.deepEqual(problems(source), expected, parseArticle(source, 'a.md').messages.map(formatMessage).join('\n'));
    const parsed = parseArticle(source, 'a.md');
    if (!expected.some((line) => line.includes('body-empty'))) assert.equal(parsed.frontmatter, undefined);
  });
}

test('every front-matter problem is reported at once', () => {
  const source = article('title: 3\nauthor:\n  nme: N\npublished: 2022-13-01\nregions: x\nextra: 1');
  assert.deepEqual(problems(source), [
    '2:1 field-type title',
    '3:1 field-missing author.name',
    '4:3 field-unknown author.nme',
    '5:1 date-format published',
    '2:1 field-missing publisher',
    '6:1 field-type regions',
    '7:1 field-unknown extra',
  ]);
});

test('messages name the field, its line and a hint', () => {
  const [message] = parseArticle(article(`${REQUIRED}\npublised: 2022-06-27`), 'content/articles/x/article.md').messages;
  assert.equal(
    formatMessage(message),
    'content/articles/x/article.md:7:1: error: field "publised": unknown field; did you mean "published"? [field-unknown]',
  );
});

test('the body keeps its own text and line', () => {
  const parsed = parseArticle(article(REQUIRED, '\n# Heading\n\nText with --- inside.\n\n---\n\nMore.\n'), 'a.md');
  assert.deepEqual(parsed.messages, []);
  assert.equal(parsed.bodyStartLine, 8);
  assert.match(parsed.body, /More\.\n$/);
});
