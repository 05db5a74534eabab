/**
 * Reading one field of editor-written YAML and saying what is wrong with it: shared by the
 * annotations readers (sources, claims, article notes, history and replies) and, for the
 * "did you mean" hint, by the front-matter parser. Every message names the field, where it
 * stands (`file:line:column` via YamlPlaces) and who it is about (a claim, a source, a field).
 */
import type { ContentMessage, Place } from './types.ts';
import { closestName, isCalendarDate, isPartialDate } from './format-checks.ts';
import { RULES, showValue } from './messages.ts';
import type { MessageSink } from './messages.ts';
import { describeType } from './yaml-read.ts';
import type { YamlPlaces } from './yaml-read.ts';

/** Map keys and list indexes from the document's root to a value. */
export type Path = (string | number)[];
/** A YAML map, as plain data. */
export type Data = Record<string, unknown>;

/** Where readers report to, and where they look up places. */
export interface FieldContext {
  sink: MessageSink;
  places: YamlPlaces;
}

/** Who a message is about: a claim id, a source id, a field, or an entry that has no usable id. */
export interface Subject {
  subject: string;
  subjectKind: ContentMessage['subjectKind'];
}

export interface TextOptions {
  required?: boolean;
  max: number;
  /** Names the entry inside the subject (`history[0]`, `reply`), put before the message. */
  where?: string;
}

export interface DateOptions {
  /** `full` is YYYY-MM-DD; `partial` also allows YYYY-MM and YYYY (a bare year reads as a number). */
  precision?: 'full' | 'partial';
  required?: boolean;
  where?: string;
}

export function isPlainMap(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The field's key at `path`, or the nearest existing parent when it is missing. */
export function fieldPlace(ctx: FieldContext, path: Path): Place {
  return ctx.places.field(path) ?? ctx.places.near(path);
}

/** `history[0]: ` before a message about a field inside an entry; nothing at the top. */
function lead(where: string | undefined): string {
  return where ? `${where}: ` : '';
}

/**
 * A text field, trimmed (folded `>` scalars end in a newline). Reports a missing,
 * empty, non-text or overlong value and returns undefined for it.
 */
export function readText(ctx: FieldContext, item: Data, path: Path, key: string, subject: Subject, options: TextOptions): string | undefined {
  const value = item[key];
  const says = lead(options.where);
  const field = `${says}field "${key}"`;
  if (value === undefined) {
    if (options.required) ctx.sink.error(RULES.fieldMissing, `${says}required field "${key}" is missing`, { place: ctx.places.near([...path, key]), ...subject });
    return undefined;
  }
  const place = fieldPlace(ctx, [...path, key]);
  if (value === null) {
    ctx.sink.error(RULES.fieldMissing, `${field} has no value${options.required ? '' : '; give one or remove the line'}`, { place, ...subject });
    return undefined;
  }
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' || typeof value === 'boolean' ? ` (put it in quotes: ${key}: "${value}")` : '';
    ctx.sink.error(RULES.fieldType, `${field} must be text, not ${describeType(value)}${hint}`, { place, ...subject });
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    ctx.sink.error(RULES.fieldMissing, `${field} is empty`, { place, ...subject });
    return undefined;
  }
  if (text.length > options.max) {
    ctx.sink.error(RULES.fieldType, `${field} is ${text.length} characters long; the most allowed is ${options.max}`, { place, ...subject });
    return undefined;
  }
  return text;
}

/** A date field, full (YYYY-MM-DD, the default) or partial; reports a missing (if required) or unreal date. */
export function readDate(ctx: FieldContext, item: Data, path: Path, key: string, subject: Subject, options: DateOptions = {}): string | undefined {
  const value = item[key];
  const says = lead(options.where);
  if (value === undefined) {
    if (options.required) ctx.sink.error(RULES.fieldMissing, `${says}required field "${key}" is missing`, { place: ctx.places.near([...path, key]), ...subject });
    return undefined;
  }
  const partial = options.precision === 'partial';
  const text = partial && typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof text === 'string' && (partial ? isPartialDate(text) : isCalendarDate(text))) return text;
  const formats = partial ? 'YYYY-MM-DD, YYYY-MM or YYYY' : 'YYYY-MM-DD';
  ctx.sink.error(RULES.dateFormat, `${says}${key} ${showValue(value)} must be a real date written ${formats}`, {
    place: fieldPlace(ctx, [...path, key]),
    ...subject,
  });
  return undefined;
}

/** The second half of an unknown-field message: the likely intended name, or the names there are. */
export function unknownFieldHint(key: string, known: readonly string[]): string {
  const guess = closestName(key, known);
  return guess ? `did you mean "${guess}"?` : `the fields here are ${known.join(', ')}`;
}

/** `; did you mean "x"?` for a misspelt value of a closed list (a kind, a rating), or nothing. */
export function didYouMean(value: unknown, known: readonly string[]): string {
  const guess = typeof value === 'string' ? closestName(value, known) : undefined;
  return guess && guess !== value ? `; did you mean "${guess}"?` : '';
}

/** Every key of `item` that is not a known field, each with its own message at its own place. */
export function reportUnknownKeys(
  ctx: FieldContext,
  item: Data,
  path: Path,
  known: readonly string[],
  subject: Subject | ((key: string) => Subject),
  where?: string,
): void {
  for (const key of Object.keys(item)) {
    if (known.includes(key)) continue;
    ctx.sink.error(RULES.fieldUnknown, `${lead(where)}unknown field "${key}"; ${unknownFieldHint(key, known)}`, {
      place: fieldPlace(ctx, [...path, key]),
      ...(typeof subject === 'function' ? subject(key) : subject),
    });
  }
}
