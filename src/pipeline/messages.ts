/**
 * Content problems as editors read them: one line each, remark-lint style,
 *
 *   content/articles/x/annotations.yaml:12:5: error: claim "swift-ban": quote not found; … [quote-not-found]
 *
 * so a terminal or an editor can jump to the place.
 */
import type { ContentMessage, Place } from './types.ts';

/** Every rule id, in one place, so messages, docs and tests spell them the same. */
export const RULES = {
  yamlSyntax: 'yaml-syntax',
  fileMissing: 'file-missing',
  slugFormat: 'slug-format',
  symlink: 'symlink',
  encoding: 'encoding',
  fieldMissing: 'field-missing',
  fieldType: 'field-type',
  fieldUnknown: 'field-unknown',
  frontmatterMissing: 'frontmatter-missing',
  frontmatterType: 'frontmatter-type',
  bodyEmpty: 'body-empty',
  idFormat: 'id-format',
  duplicateId: 'duplicate-id',
  unknownKind: 'unknown-kind',
  unknownRating: 'unknown-rating',
  ratingMissing: 'rating-missing',
  ratingNotAllowed: 'rating-not-allowed',
  urlScheme: 'url-scheme',
  dateFormat: 'date-format',
  sourceUndefined: 'source-undefined',
  sourceUncited: 'source-uncited',
  quoteNotFound: 'quote-not-found',
  quoteAmbiguous: 'quote-ambiguous',
  claimsOverlap: 'claims-overlap',
  image: 'image',
  nestingTooDeep: 'nesting-too-deep',
  delimitersTooMany: 'delimiters-too-many',
  blocksTooMany: 'blocks-too-many',
  unknownSourceType: 'unknown-source-type',
  originalNotAllowed: 'original-not-allowed',
  duplicateSource: 'duplicate-source',
  urlTracking: 'url-tracking',
  weakSources: 'weak-sources',
  unknownChange: 'unknown-change',
  historyOrder: 'history-order',
  historyMismatch: 'history-mismatch',
  /** A bug in the pipeline, not in the content; check-content reports it so a crash still fails. */
  internalError: 'internal-error',
} as const;

export type RuleId = (typeof RULES)[keyof typeof RULES];

/** `claim "x"`, `source "x"`, `field "a.b"`, … — what the message is about. */
function subjectPhrase(m: ContentMessage): string | undefined {
  if (m.subject === undefined) return undefined;
  switch (m.subjectKind ?? 'claim') {
    case 'entry':
      return m.subject;
    case 'folder':
      return `article folder "${m.subject}"`;
    default:
      return `${m.subjectKind ?? 'claim'} "${m.subject}"`;
  }
}

/** One message as one line: `file:line:column: severity: subject: reason [rule-id]`. */
export function formatMessage(m: ContentMessage): string {
  const subject = subjectPhrase(m);
  const text = subject ? `${subject}: ${m.reason}` : m.reason;
  return `${m.file}:${m.line ?? 1}:${m.column ?? 1}: ${m.severity}: ${text} [${m.ruleId}]`;
}

/** File, then line, then column: the order an editor fixes things in. Stable for ties. */
export function sortMessages(messages: readonly ContentMessage[]): ContentMessage[] {
  return messages
    .map((m, index) => ({ m, index }))
    .sort(
      (a, b) =>
        (a.m.file < b.m.file ? -1 : a.m.file > b.m.file ? 1 : 0) ||
        (a.m.line ?? 1) - (b.m.line ?? 1) ||
        (a.m.column ?? 1) - (b.m.column ?? 1) ||
        a.index - b.index,
    )
    .map(({ m }) => m);
}

export function hasErrors(messages: readonly ContentMessage[]): boolean {
  return messages.some((m) => m.severity === 'error');
}

/** `2 errors, 1 warning`, or `no problems`. */
export function summarizeMessages(messages: readonly ContentMessage[]): string {
  const errors = messages.filter((m) => m.severity === 'error').length;
  const warnings = messages.length - errors;
  if (errors + warnings === 0) return 'no problems';
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/**
 * Thrown when content cannot be rendered. Astro prints only `message`, so it holds
 * every problem's formatted line (errors first, then warnings), not just the first.
 */
export class ContentError extends Error {
  readonly messages: ContentMessage[];

  constructor(messages: readonly ContentMessage[]) {
    const errors = messages.filter((m) => m.severity === 'error');
    const warnings = messages.filter((m) => m.severity !== 'error');
    super([...errors, ...warnings].map(formatMessage).join('\n'));
    this.name = 'ContentError';
    this.messages = [...messages];
  }
}

export interface MessageOptions {
  place?: Place;
  subject?: string;
  subjectKind?: ContentMessage['subjectKind'];
}

/** Collects the messages for one file, so checks can report and carry on. */
export class MessageSink {
  readonly file: string;
  readonly messages: ContentMessage[] = [];

  constructor(file: string) {
    this.file = file;
  }

  error(ruleId: RuleId, reason: string, options: MessageOptions = {}): void {
    this.add('error', ruleId, reason, options);
  }

  warn(ruleId: RuleId, reason: string, options: MessageOptions = {}): void {
    this.add('warning', ruleId, reason, options);
  }

  get hasErrors(): boolean {
    return hasErrors(this.messages);
  }

  private add(severity: ContentMessage['severity'], ruleId: RuleId, reason: string, options: MessageOptions): void {
    const message: ContentMessage = { file: this.file, ruleId, severity, reason };
    if (options.place) {
      message.line = options.place.line;
      message.column = options.place.column;
    }
    if (options.subject !== undefined) {
      message.subject = options.subject;
      if (options.subjectKind) message.subjectKind = options.subjectKind;
    }
    this.messages.push(message);
  }
}

/** A value as quoted in a message: JSON-style, cut short so a huge string cannot flood the terminal. */
export function showValue(value: unknown, max = 60): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  else if (value === null || value === undefined) text = 'nothing';
  else if (typeof value === 'object') text = Array.isArray(value) ? 'a list' : 'a map';
  else text = String(value);
  return text;
}
