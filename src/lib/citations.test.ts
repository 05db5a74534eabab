import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { sourcesBibtex, sourcesCslJson } from './citations.ts';
import type { RenderedSource } from '../pipeline/types.ts';

const base = { origin: 'annotation' as const, citedBy: [] };
const SOURCES: RenderedSource[] = [
  {
    ...base,
    number: 2,
    id: 'gazette-report',
    title: 'Lights out at Porthmere: “the end of an era”',
    publisher: 'The Coastal Gazette',
    date: '2024-07-01',
    url: 'https://gazette.example/lights-out?id=7&utm_source=newsletter',
    type: 'news',
    accessed: '2024-07-02',
  },
  {
    ...base,
    number: 1,
    id: 'mofa-2022-03',
    title: 'Sanctions & measures {2022}',
    publisher: 'Ministry of Foreign Affairs of Japan',
    date: '2022-03',
    url: 'https://www.mofa.go.jp/press/release_e.html',
    type: 'official',
    archive: { url: 'https://web.archive.org/web/20220301000000/https://www.mofa.go.jp/press/release_e.html', date: '2022-03-01' },
  },
  { ...base, number: 3, id: 'repost', title: 'Reposted', publisher: 'Aggregator', type: 'copy', original: 'The Coastal Gazette, 1 July 2024' },
];

test('CSL-JSON parses back with citation-js, one item per source in list order, with clean addresses', () => {
  const cite = new Cite(JSON.parse(sourcesCslJson(SOURCES)));
  const items = cite.data as Record<string, any>[];
  assert.deepEqual(items.map((item) => item.id), ['mofa-2022-03', 'gazette-report', 'repost']);
  const report = items[1];
  assert.equal(report.type, 'article-newspaper');
  assert.equal(report['container-title'], 'The Coastal Gazette');
  assert.equal(report.URL, 'https://gazette.example/lights-out?id=7');
  assert.deepEqual(report.issued['date-parts'], [[2024, 7, 1]]);
  assert.deepEqual(report.accessed['date-parts'], [[2024, 7, 2]]);
  assert.equal(report.genre, 'News report');
  assert.match(items[0].note, /Archived copy: https:\/\/web\.archive\.org\/web\/20220301000000\/.* \(captured 2022-03-01\)/);
  assert.equal(items[2].note, 'Copy of: The Coastal Gazette, 1 July 2024');
});

test('CSL-JSON renders as a bibliography entry (plugin-csl, APA)', () => {
  const text = new Cite(JSON.parse(sourcesCslJson(SOURCES))).format('bibliography', { format: 'text', template: 'apa' }) as string;
  assert.match(text, /^Lights out at Porthmere: “the end of an era\.” \(2024, July 1\)\. \[News report\]\. The Coastal Gazette\. https:\/\/gazette\.example\/lights-out\?id=7$/m);
  assert.match(text, /^Ministry of Foreign Affairs of Japan\. \(2022, March\)\. Sanctions & measures \{2022\} \[Official statement\]\./m);
  assert.match(text, /https:\/\/gazette\.example\/lights-out\?id=7\b/);
  assert.doesNotMatch(text, /utm_source/);
});

test('BibTeX parses back with citation-js to the same titles, keys, addresses and dates', () => {
  const bib = sourcesBibtex(SOURCES);
  assert.match(bib, /^@misc\{mofa-2022-03,$/m, 'the source id is the key');
  assert.doesNotMatch(bib, /utm_source/);
  const back = new Cite(bib).data as Record<string, any>[];
  assert.deepEqual(back.map((item) => item['citation-key']), ['mofa-2022-03', 'gazette-report', 'repost']);
  assert.deepEqual(back.map((item) => item.title), ['Sanctions & measures {2022}', 'Lights out at Porthmere: “the end of an era”', 'Reposted']);
  assert.equal(back[1].URL, 'https://gazette.example/lights-out?id=7');
  assert.deepEqual(back[1].issued['date-parts'], [[2024, 7, 1]]);
  assert.deepEqual(back[0].issued['date-parts'], [[2022, 3]]);
  assert.match(back[1].note, /^Accessed 2024-07-02/);
  assert.match(back[0].note, /Archived copy: https:\/\/web\.archive\.org\/web\/20220301000000\//);
});

test('an article without sources gives an empty list and an empty BibTeX file', () => {
  assert.equal(sourcesCslJson([]), '[]\n');
  assert.equal(sourcesBibtex([]), '');
});
