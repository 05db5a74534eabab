import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatusFile, statusOf } from './source-status.ts';

const link = { url: 'https://a.example/x', state: 'dead', checked: '2026-11-30', code: 404 };
const file = parseStatusFile(
  JSON.stringify({ version: 1, checked: '2026-11-30', sources: { 'art/s': { link, archiveFound: { url: 'https://web.archive.org/web/2020/https://a.example/x', date: '2020-01-01' } } } }),
  'content/source-status.json',
);

test('a source gets the status recorded for its current address only', () => {
  assert.equal(statusOf(file, 'art', { id: 's', url: 'https://a.example/x' })?.link?.state, 'dead');
  assert.equal(statusOf(file, 'art', { id: 's', url: 'https://a.example/x' })?.archiveFound?.date, '2020-01-01');
  assert.deepEqual(statusOf(file, 'art', { id: 's', url: 'https://a.example/moved' }), {}, 'a changed url is not yet checked');
  assert.equal(statusOf(file, 'other', { id: 's', url: 'https://a.example/x' }), undefined);
  assert.equal(statusOf(undefined, 'art', { id: 's' }), undefined);
});

test('a broken status file stops with its path and the entry at fault', () => {
  assert.throws(() => parseStatusFile('{', 'content/source-status.json'), /^Error: content\/source-status\.json: not valid JSON/);
  assert.throws(() => parseStatusFile('{"version":2,"sources":{}}', 'f.json'), /f\.json: not a link status file/);
  assert.throws(
    () => parseStatusFile(JSON.stringify({ version: 1, checked: '2026-11-30', sources: { 'art/s': { link: { ...link, state: 'gone' } } } }), 'f.json'),
    /f\.json: source "art\/s": "link" needs url, state \(live, redirected, dead, unreachable\)/,
  );
});
