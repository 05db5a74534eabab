import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { matchQuoteInTexts } from '../pipeline/quote-match.ts';
import { locateInBlock, minimalSelector, suggestId } from './selector.ts';

const texts = ['A town’s bet on ferries', 'The council says the ferry will run.', 'The first ferry sailed at 7 a.m.', 'The first ferry sailed at 9 a.m.'];

describe('minimalSelector', () => {
  it('gives the quote alone when it is unique', () => {
    assert.deepEqual(minimalSelector(texts, { index: 1, start: 4, end: 11 }), { ok: true, selector: { quote: 'council' } });
  });

  it('adds the shortest prefix or suffix from the block that picks the selected place, checked by the build’s matcher', () => {
    const second = minimalSelector(texts, { index: 1, start: 21, end: 26 });
    assert.deepEqual(second, { ok: true, selector: { quote: 'ferry', prefix: 'the' } });
    const last = minimalSelector(texts, { index: 3, start: 10, end: 15 });
    assert.deepEqual(last, { ok: true, selector: { quote: 'ferry', suffix: 'sailed at 9' } });
    for (const [selection, index] of [[second, 1], [last, 3]] as const) {
      const found = matchQuoteInTexts(texts, selection.ok ? selection.selector : { quote: '' });
      assert.equal(found.status === 'found' && found.index, index);
    }
  });

  it('trims white space the selection took in at its ends', () => {
    assert.deepEqual(minimalSelector(texts, { index: 1, start: 3, end: 12 }), { ok: true, selector: { quote: 'council' } });
  });

  it('says so when identical blocks make the passage impossible to pick', () => {
    assert.deepEqual(minimalSelector(['Same text.', 'Same text.'], { index: 1, start: 0, end: 4 }), { ok: false, count: 2 });
  });
});

describe('locateInBlock', () => {
  it('finds the occurrence nearest the text before the selection, quotes and spaces compared as the matcher does', () => {
    const block = ['ferry, "ferry"  and ferry'];
    assert.deepEqual(locateInBlock(block, 0, 'ferry, “ferry” and ', 'ferry'), { index: 0, start: 20, end: 25 });
    assert.deepEqual(locateInBlock(block, 0, 'ferry, “', 'ferry'), { index: 0, start: 8, end: 13 });
    assert.equal(locateInBlock(block, 0, '', 'boat'), undefined);
  });
});

describe('suggestId', () => {
  it('makes an id from the first words, lower-case ASCII, not one already taken', () => {
    assert.equal(suggestId('Japan’s “New” Stance on Russia', []), 'japans-new-stance-on');
    assert.equal(suggestId('Café crème', ['cafe-creme']), 'cafe-creme-2');
    assert.equal(suggestId('—', []), 'claim');
  });
});
