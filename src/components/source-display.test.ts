import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceView } from './source-display.ts';
import type { SourceEntry } from '../pipeline/types.ts';

const source: SourceEntry = {
  id: 's',
  title: 'Notice',
  publisher: 'Harbour Board',
  date: '2024-06-30',
  url: 'https://harbour.example/notice?utm_campaign=x',
  type: 'official',
  accessed: '2024-07-02',
  archive: { url: 'https://web.archive.org/web/20240701/https://harbour.example/notice', date: '2024-07-01' },
};
const checked = '2026-11-30';

test('a typed source says what it is, when it was read, and offers its archived copy beside the live link', () => {
  const view = sourceView(source);
  assert.equal(view.typeLabel, 'Official statement');
  assert.equal(view.titleHref, 'https://harbour.example/notice', 'the address is shown clean');
  assert.equal(view.byline, 'Harbour Board, 30 June 2024');
  assert.equal(view.accessed, 'Read 2 July 2024');
  assert.deepEqual(view.archive, { href: source.archive!.url, text: 'Archived copy', date: '1 July 2024', found: false });
  assert.equal(view.originalAddress, undefined);
  assert.equal(view.linkState, undefined, 'no status file, no link state');
});

test('when the live link is dead, the archived copy leads and the original address follows', () => {
  const view = sourceView(source, { link: { url: 'https://harbour.example/notice', state: 'dead', checked, code: 404 } });
  assert.equal(view.titleHref, source.archive!.url);
  assert.equal(view.linkState, 'Link dead when checked on 30 November 2026');
  assert.deepEqual(view.originalAddress, { href: 'https://harbour.example/notice', text: 'original address' });
  assert.equal(view.dead, true);
  assert.deepEqual(view.record, [
    'Read 2 July 2024.', ' ', 'Link dead when checked on 30 November 2026: ', { href: 'https://harbour.example/notice', text: 'original address' }, '.',
  ]);
  assert.deepEqual(sourceView(source).record, [
    'Read 2 July 2024.', ' ', { href: source.archive!.url, text: 'Archived copy' }, ', 1 July 2024.',
  ], 'a live link offers the archived copy beside it');
});

test('a dead link without an archived copy keeps its address and says none is known, unless the link check found one', () => {
  const { archive: _, ...bare } = source;
  const dead = { link: { url: 'https://harbour.example/notice', state: 'dead' as const, checked } };
  const none = sourceView(bare, dead);
  assert.equal(none.titleHref, 'https://harbour.example/notice');
  assert.equal(none.linkState, 'Link dead when checked on 30 November 2026; no archived copy known');
  const found = sourceView(bare, { ...dead, archiveFound: { url: 'https://web.archive.org/web/2020/https://harbour.example/notice', date: '2020-01-01' } });
  assert.equal(found.titleHref, 'https://web.archive.org/web/2020/https://harbour.example/notice');
  assert.equal(found.archive?.found, true);
});

test('redirected and unreachable links say so; a copy names its original; long excerpts fold', () => {
  assert.equal(
    sourceView(source, { link: { url: 'https://harbour.example/notice', state: 'redirected', checked, redirectedTo: 'https://www.board.example/n' } }).linkState,
    'Link now leads to board.example (checked 30 November 2026)',
  );
  assert.equal(sourceView(source, { link: { url: 'x', state: 'unreachable', checked } }).linkState, 'Link could not be reached when checked on 30 November 2026');
  assert.equal(sourceView({ ...source, type: 'copy', original: 'The Times, 1 May 2024' }).original, 'Copy of: The Times, 1 May 2024');
  const long = sourceView({ ...source, excerpt: 'word '.repeat(100).trim() }).excerpt!;
  assert.equal(long.folded, true);
  assert.ok(long.lead.endsWith('…') && long.lead.length <= 121);
  assert.equal(sourceView({ ...source, excerpt: 'Short.' }).excerpt?.folded, false);
});
