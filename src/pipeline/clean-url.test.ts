import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUrl, sameSourceKey, trackingParams, withCleanUrls } from './clean-url.ts';

test('removes utm_*, fbclid, gclid, mc_eid and friends, keeping every other parameter in place', () => {
  assert.equal(
    cleanUrl('https://example.org/a?utm_source=tw&id=7&fbclid=X&utm_medium=social&page=2&gclid=Y&mc_eid=Z&mc_cid=W#part'),
    'https://example.org/a?id=7&page=2#part',
  );
  assert.equal(cleanUrl('https://example.org/a?UTM_Campaign=x'), 'https://example.org/a');
  assert.equal(cleanUrl('https://example.org/a?msclkid=1&igshid=2&_ga=3'), 'https://example.org/a');
  assert.equal(cleanUrl('https://example.org/a?utm%5Fsource=1&q=ok'), 'https://example.org/a?q=ok', 'an encoded name is still a tracking name');
});

test('leaves a URL without tracking parameters byte for byte as written', () => {
  for (const url of [
    'https://example.org',
    'https://example.org/a?q=caf%C3%A9&x=a+b',
    'https://example.org/a?#frag',
    'https://example.org/a?utmost=1&source=utm_source',
    'https://www.mofa.go.jp/erp/rss/northern/page1e_000411.html',
  ]) {
    assert.equal(cleanUrl(url), url);
    assert.deepEqual(trackingParams(url), []);
  }
});

test('names the tracking parameters it finds', () => {
  assert.deepEqual(trackingParams('https://e.org/?a=1&utm_source=x&fbclid=y'), ['utm_source', 'fbclid']);
});

test('two addresses of one page share a key once cleaned', () => {
  assert.equal(sameSourceKey('HTTPS://Example.org:443/a?x=1&utm_source=t#top'), sameSourceKey('https://example.org/a?x=1'));
  assert.notEqual(sameSourceKey('https://example.org/a?x=1'), sameSourceKey('https://example.org/a?x=2'));
});

test('a source has its url cleaned, but its archived copy kept as found', () => {
  const archive = { url: 'https://web.archive.org/web/2021/https://e.org/a?gclid=2', date: '2021-01-01' };
  assert.deepEqual(withCleanUrls({ url: 'https://e.org/a?fbclid=1', archive }), { url: 'https://e.org/a', archive });
  const untitled: { url?: string; title: string } = { title: 'no url' };
  assert.deepEqual(withCleanUrls(untitled), { title: 'no url' });
});
