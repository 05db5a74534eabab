import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ContentError, MessageSink, RULES, formatMessage, hasErrors, showValue, sortMessages, summarizeMessages } from './messages.ts';
import type { ContentMessage } from './types.ts';

const quoteNotFound: ContentMessage = {
  file: 'content/articles/x/annotations.yaml',
  line: 12,
  column: 5,
  ruleId: 'quote-not-found',
  severity: 'error',
  subject: 'swift-ban',
  reason: 'quote not found; closest passage: "excluded Russian banks"',
};

test('formats file:line:column: severity: subject: reason [rule]', () => {
  assert.equal(
    formatMessage(quoteNotFound),
    'content/articles/x/annotations.yaml:12:5: error: claim "swift-ban": quote not found; closest passage: "excluded Russian banks" [quote-not-found]',
  );
});

test('names each kind of subject, and none when there is none', () => {
  const base = { file: 'f', line: 3, column: 1, ruleId: 'r', severity: 'warning' as const, reason: 'why' };
  assert.equal(formatMessage({ ...base, subject: 's', subjectKind: 'source' }), 'f:3:1: warning: source "s": why [r]');
  assert.equal(formatMessage({ ...base, subject: 'author.name', subjectKind: 'field' }), 'f:3:1: warning: field "author.name": why [r]');
  assert.equal(formatMessage({ ...base, subject: 'Bad', subjectKind: 'folder' }), 'f:3:1: warning: article folder "Bad": why [r]');
  assert.equal(formatMessage({ ...base, subject: 'claims[2]', subjectKind: 'entry' }), 'f:3:1: warning: claims[2]: why [r]');
  assert.equal(formatMessage({ ...base, subject: 'c' }), 'f:3:1: warning: claim "c": why [r]');
  assert.equal(formatMessage({ ...base }), 'f:3:1: warning: why [r]');
});

test('a message without a place points at 1:1', () => {
  assert.equal(formatMessage({ file: 'f', ruleId: 'file-missing', severity: 'error', reason: 'file is missing' }), 'f:1:1: error: file is missing [file-missing]');
});

test('ContentError carries every message, all of them in .message', () => {
  const warning: ContentMessage = { file: 'a', line: 1, column: 1, ruleId: 'source-uncited', severity: 'warning', subject: 's', subjectKind: 'source', reason: 'uncited' };
  const second: ContentMessage = { ...quoteNotFound, line: 20, subject: 'other' };
  const error = new ContentError([warning, quoteNotFound, second]);
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'ContentError');
  assert.equal(error.messages.length, 3);
  assert.deepEqual(error.message.split('\n'), [formatMessage(quoteNotFound), formatMessage(second), formatMessage(warning)]);
});

test('sorts by file, line and column, keeping ties in order', () => {
  const at = (file: string, line?: number, column?: number, reason = ''): ContentMessage => ({ file, line, column, ruleId: 'r', severity: 'error', reason });
  const sorted = sortMessages([at('b', 1, 1), at('a', 9, 1), at('a', 2, 7), at('a', 2, 3, 'x'), at('a', 2, 3, 'y'), at('a')]);
  assert.deepEqual(sorted.map((m) => `${m.file}${m.line ?? ''}${m.column ?? ''}${m.reason}`), ['a', 'a23x', 'a23y', 'a27', 'a91', 'b11']);
});

test('summaries count errors and warnings', () => {
  const e = { ...quoteNotFound };
  const w = { ...quoteNotFound, severity: 'warning' as const };
  assert.equal(summarizeMessages([]), 'no problems');
  assert.equal(summarizeMessages([e, e, w]), '2 errors, 1 warning');
  assert.equal(summarizeMessages([w, w]), '2 warnings');
  assert.equal(summarizeMessages([e]), '1 error');
  assert.equal(hasErrors([w]), false);
  assert.equal(hasErrors([w, e]), true);
});

test('MessageSink collects messages for one file', () => {
  const sink = new MessageSink('x.yaml');
  assert.equal(sink.hasErrors, false);
  sink.warn(RULES.sourceUncited, 'uncited', { place: { line: 4, column: 3 }, subject: 's', subjectKind: 'source' });
  assert.equal(sink.hasErrors, false);
  sink.error(RULES.yamlSyntax, 'bad');
  assert.equal(sink.hasErrors, true);
  assert.deepEqual(sink.messages.map(formatMessage), [
    'x.yaml:4:3: warning: source "s": uncited [source-uncited]',
    'x.yaml:1:1: error: bad [yaml-syntax]',
  ]);
});

test('values in messages are cut short', () => {
  assert.equal(showValue('x'.repeat(100), 5), '"xxxxx…"');
  assert.equal(showValue(3), '3');
  assert.equal(showValue(null), 'nothing');
  assert.equal(showValue([1]), 'a list');
});
