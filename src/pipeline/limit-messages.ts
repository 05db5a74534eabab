/**
 * Problems from markdown-limits.ts as content messages: for the article's body, each at its own
 * line of article.md; for a note, at the note's field in annotations.yaml, naming the note's line.
 */
import { checkMarkdownLimits } from './markdown-limits.ts';
import type { MarkdownLimitProblem } from './markdown-limits.ts';
import type { ContentMessage } from './types.ts';

interface BodyPlace {
  file: string;
  /** The line in the file of a line of the body. */
  line: (bodyLine: number) => number | undefined;
}

interface NotePlace {
  file: string;
  line?: number;
  column?: number;
  subject: string;
  subjectKind: 'claim' | 'field';
}

export function limitMessages(body: string, place: BodyPlace): ContentMessage[];
export function limitMessages(refused: MarkdownLimitProblem[], place: NotePlace): ContentMessage[];
export function limitMessages(what: string | MarkdownLimitProblem[], place: BodyPlace | NotePlace): ContentMessage[] {
  if (typeof what === 'string') {
    const { file, line } = place as BodyPlace;
    return checkMarkdownLimits(what).map((problem) => ({
      file,
      line: line(problem.line),
      column: problem.column,
      ruleId: problem.ruleId,
      severity: 'error',
      reason: problem.reason,
    }));
  }
  const { file, line, column, subject, subjectKind } = place as NotePlace;
  const field = subjectKind === 'claim' ? 'note' : subject.replace(/^article\./, '');
  return what.map((problem) => ({
    file,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
    ruleId: problem.ruleId,
    severity: 'error',
    subject,
    subjectKind,
    reason: `${field}, its line ${problem.line}: ${problem.reason}`,
  }));
}
