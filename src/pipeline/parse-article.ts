/**
 * article.md → front matter (validated, with the line and column of every problem) + body.
 *
 * Unknown front-matter fields are errors, not ignored: a typo such as `publised:`
 * would otherwise silently drop the date the page shows.
 */
import { z } from 'zod';
import type { core } from 'zod';
import { isCalendarDate, isHttpUrl, isLangTag } from './format-checks.ts';
import { MessageSink, RULES } from './messages.ts';
import type { RuleId } from './messages.ts';
import type { ArticleFrontmatter, ContentMessage } from './types.ts';
import { describeType, readYaml } from './yaml-read.ts';
import type { YamlPlaces } from './yaml-read.ts';
import { unknownFieldHint } from './yaml-fields.ts';

/** Text that must say something: surrounding white space (e.g. from `>` scalars) is dropped. */
const text = (max: number) => z.string().trim().min(1).max(max);

/** The longest each front-matter text may be (docs/content-format.md, "Hostile and odd content"). */
export const FRONTMATTER_MAX = { title: 300, subtitle: 500, name: 200, bio: 2_000, publisher: 200, copyright: 500, summary: 400, term: 100 } as const;

const calendarDate = () =>
  z.string().refine(isCalendarDate, {
    error: 'must be a real date written YYYY-MM-DD, e.g. 2022-06-27',
    params: { ruleId: RULES.dateFormat },
  });

const httpUrl = () =>
  z.string().refine(isHttpUrl, {
    error: 'must be an absolute http:// or https:// URL',
    params: { ruleId: RULES.urlScheme },
  });

/** The front matter of article.md. Strict: unknown fields are reported, never ignored. */
export const articleFrontmatterSchema = z.strictObject({
  title: text(FRONTMATTER_MAX.title),
  subtitle: text(FRONTMATTER_MAX.subtitle).optional(),
  author: z.strictObject({ name: text(FRONTMATTER_MAX.name), bio: text(FRONTMATTER_MAX.bio).optional() }),
  published: calendarDate(),
  publisher: text(FRONTMATTER_MAX.publisher),
  republished: z.array(z.strictObject({ publisher: text(FRONTMATTER_MAX.publisher), date: calendarDate(), url: httpUrl().optional() })).max(50).optional(),
  copyright: text(FRONTMATTER_MAX.copyright).optional(),
  regions: z.array(text(FRONTMATTER_MAX.term)).max(50).optional(),
  themes: z.array(text(FRONTMATTER_MAX.term)).max(50).optional(),
  summary: text(FRONTMATTER_MAX.summary).optional(),
  lang: z
    .string()
    .refine(isLangTag, { error: 'must be a BCP 47 language tag such as en, en-GB or fr', params: { ruleId: RULES.fieldType } })
    .default('en'),
});

// Keeps the schema and the shared type in step: this line stops compiling if they drift.
const schemaMatchesType: (value: z.output<typeof articleFrontmatterSchema>) => ArticleFrontmatter = (value) => value;
void schemaMatchesType;

export interface ParsedArticle {
  frontmatter?: ArticleFrontmatter;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based line of article.md where `body` starts, for mapping body positions back. */
  bodyStartLine: number;
  messages: ContentMessage[];
}

/** Splits and validates article.md. `frontmatter` is set only when the front matter is valid. */
export function parseArticle(source: string, file: string): ParsedArticle {
  const sink = new MessageSink(file);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);

  if (lines[0].trimEnd() !== '---') {
    sink.error(RULES.frontmatterMissing, 'article.md must start with front matter: a line `---`, the YAML fields, and a closing `---`', {
      place: { line: 1, column: 1 },
    });
    return { body: lines.join('\n'), bodyStartLine: 1, messages: sink.messages };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close === -1) {
    sink.error(RULES.frontmatterMissing, 'the front matter opened on line 1 has no closing `---` line', {
      place: { line: 1, column: 1 },
    });
    return { body: '', bodyStartLine: lines.length + 1, messages: sink.messages };
  }

  // A blank first line stands in for the opening `---`, so YAML lines are the file's own lines.
  const yamlText = ['', ...lines.slice(1, close)].join('\n');
  const body = lines.slice(close + 1).join('\n');
  const bodyStartLine = close + 2;

  const frontmatter = readFrontmatter(yamlText, sink);
  if (body.trim() === '') {
    sink.error(RULES.bodyEmpty, 'the article has no text after the front matter', {
      place: { line: Math.min(bodyStartLine, lines.length), column: 1 },
    });
  }
  return { frontmatter, body, bodyStartLine, messages: sink.messages };
}

function readFrontmatter(yamlText: string, sink: MessageSink): ArticleFrontmatter | undefined {
  const { data, places } = readYaml(yamlText, sink, (key, path, place) => {
    sink.error(RULES.yamlSyntax, 'field is given twice; keep one', { place, subject: fieldName([...path, key]), subjectKind: 'field' });
  });
  if (data === undefined && sink.hasErrors) return undefined;

  // An empty front matter is a map with nothing in it: report each missing field.
  const value = data ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    sink.error(RULES.frontmatterType, `front matter must be YAML fields (name: value), not ${describeType(value)}`, {
      place: { line: 2, column: 1 },
    });
    return undefined;
  }
  const result = articleFrontmatterSchema.safeParse(value);
  if (result.success) return sink.hasErrors ? undefined : result.data;
  for (const issue of result.error.issues) reportIssue(issue, value, places, sink);
  return undefined;
}

const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': Object.keys(articleFrontmatterSchema.shape),
  author: ['name', 'bio'],
  republished: ['publisher', 'date', 'url'],
};

/** One Zod issue → one message (or one per unknown key) at the field's line and column. */
function reportIssue(issue: core.$ZodIssue, data: object, places: YamlPlaces, sink: MessageSink): void {
  const path = issue.path.filter((step): step is string | number => typeof step !== 'symbol');
  const field = fieldName(path);
  const at = (fieldPath: (string | number)[]) => places.field(fieldPath) ?? places.near(fieldPath);

  if (issue.code === 'unrecognized_keys') {
    const known = KNOWN_KEYS[typeof path[0] === 'string' ? path[0] : ''] ?? [];
    for (const key of issue.keys) {
      sink.error(RULES.fieldUnknown, `unknown field; ${unknownFieldHint(key, known)}`, {
        place: at([...path, key]),
        subject: fieldName([...path, key]),
        subjectKind: 'field',
      });
    }
    return;
  }

  const value = valueAt(data, path);
  let ruleId: RuleId = RULES.fieldType;
  let reason = issue.message;
  if (issue.code === 'invalid_type' && value === undefined) {
    [ruleId, reason] = [RULES.fieldMissing, 'required field is missing'];
  } else if (issue.code === 'invalid_type' && value === null) {
    [ruleId, reason] = [RULES.fieldMissing, 'has no value'];
  } else if (issue.code === 'invalid_type') {
    reason = `must be ${expectedWords(issue.expected)}, not ${describeType(value)}`;
    if (issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) reason += ' (put it in quotes)';
  } else if (issue.code === 'too_small' && issue.origin === 'string') {
    [ruleId, reason] = [RULES.fieldMissing, 'is empty'];
  } else if (issue.code === 'too_big' && issue.origin === 'string' && typeof value === 'string') {
    reason = `is ${value.trim().length} characters long; the most allowed is ${issue.maximum}`;
  } else if (issue.code === 'too_big' && issue.origin === 'array' && Array.isArray(value)) {
    reason = `has ${value.length} entries; the most allowed is ${issue.maximum}`;
  } else if (issue.code === 'custom' && typeof issue.params?.ruleId === 'string') {
    ruleId = issue.params.ruleId as RuleId;
    reason = `${showShort(value)} ${issue.message}`;
  }
  sink.error(ruleId, reason, { place: value === undefined ? places.near(path) : at(path), subject: field, subjectKind: 'field' });
}

/** `republished[0].date` */
function fieldName(path: readonly (string | number)[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

function expectedWords(expected: string): string {
  const words: Record<string, string> = { string: 'text', object: 'fields (name: value)', array: 'a list' };
  return words[expected] ?? expected;
}

function showShort(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : describeType(value);
}
