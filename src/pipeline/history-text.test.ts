import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from 'hast-util-to-html';
import { describeChange, lastModified, latestChange, updateLine } from './history-text.ts';
import { noteRecord } from './note-record.ts';
import type { HistoryEntry } from './types.ts';

const rating: HistoryEntry = { date: '2026-12-01', changed: 'rating', from: 'mostly-accurate', to: 'missing-context', why: 'The note records the delegate’s statement.' };

test('a rating or kind change names the old and new values by their labels', () => {
  assert.equal(describeChange(rating), 'rating changed from Mostly accurate to Missing context');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'kind', from: 'fact', to: 'interpretation', why: 'w' }), 'kind changed from Fact to Interpretation');
});

test('other changes quote their values, or say only what changed', () => {
  assert.equal(describeChange({ date: '2026-12-01', changed: 'summary', from: 'Old.', to: 'New.', why: 'w' }), 'summary changed from “Old.” to “New.”');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'note', why: 'w' }), 'note revised');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'sources', to: 'AP', why: 'w' }), 'sources changed to “AP”');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'added', why: 'w' }), 'claim added');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'removed', why: 'w' }), 'claim removed');
  assert.equal(describeChange({ date: '2026-12-01', changed: 'assessment', why: 'w' }), 'assessment revised');
});

test('the update line gives the date as words, the change and the reason', () => {
  assert.equal(updateLine(rating), 'Updated 1 December 2026: rating changed from Mostly accurate to Missing context — The note records the delegate’s statement.');
});

test('the latest change is the last entry written (entries are oldest first)', () => {
  const note: HistoryEntry = { date: '2026-12-01', changed: 'note', why: 'w' };
  assert.equal(latestChange([rating, note]), note);
  assert.equal(latestChange([]), undefined);
  assert.equal(latestChange(undefined), undefined);
});

test('last modified is the later of the latest correction and the check', () => {
  assert.equal(lastModified([rating], '2026-11-26'), '2026-12-01');
  assert.equal(lastModified([rating], '2026-12-05'), '2026-12-05');
  assert.equal(lastModified(undefined, '2026-11-26'), '2026-11-26');
  assert.equal(lastModified([rating], undefined), '2026-12-01');
  assert.equal(lastModified(undefined, undefined), undefined);
});

test('under a note: the update, a pointer to the reply, and the empty place for the report link', () => {
  const html = noteRecord({ id: 'treaty', update: rating, reply: { by: 'Ana Example', date: '2026-12-02' } }).map((el) => toHtml(el)).join('');
  assert.equal(
    html,
    '<p class="note-update"><strong>Updated <time datetime="2026-12-01">1 December 2026</time>:</strong>' +
      '<span class="note-update-detail"> rating changed from Mostly accurate to Missing context — The note records the delegate’s statement.</span></p>' +
      '<p class="note-reply">Ana Example replied on <time datetime="2026-12-02">2 December 2026</time>: <a href="claims/treaty/#reply">read the reply</a>.</p>' +
      '<p class="note-report" data-report="treaty"></p>',
  );
  assert.equal(noteRecord({ id: 'x' }).map((el) => toHtml(el)).join(''), '<p class="note-report" data-report="x"></p>');
});
