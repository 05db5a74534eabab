/**
 * Reading editor-written YAML safely, keeping positions: shared by the front-matter
 * and annotations parsers. Values are read with the YAML 1.2 core schema, so
 * `2022-06-27` stays the string "2022-06-27" (no Date, no time zone shift).
 */
import { LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { RULES, showValue } from './messages.ts';
import type { MessageSink } from './messages.ts';
import type { Place } from './types.ts';

/** Enough for any honest file; far below what an alias "billion laughs" needs. */
const MAX_ALIAS_COUNT = 200;

export interface YamlRead {
  doc: Document.Parsed;
  /** The plain value, or undefined when the YAML could not be read. */
  data: unknown;
  /** Where path (map keys and list indexes) stands in the file. */
  places: YamlPlaces;
  /** Source offset → 1-based place. */
  placeOfOffset(offset: number): Place;
}

/**
 * Parses `source`, reporting syntax errors to `sink` as `yaml-syntax` (each at the
 * yaml package's own line and column). A duplicate map key is reported through
 * `onDuplicateKey` (with the path of the map holding it), which knows what the key means.
 * `data` is undefined when the file cannot be trusted.
 */
export function readYaml(
  source: string,
  sink: MessageSink,
  onDuplicateKey: (key: string, path: (string | number)[], place: Place) => void,
): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
  });
  const placeOfOffset = (offset: number): Place => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const places = new YamlPlaces(doc, placeOfOffset);

  let readable = true;
  for (const error of doc.errors) {
    const place = placeOfOffset(error.pos[0]);
    if (error.code === 'DUPLICATE_KEY') {
      // The error's range covers only the key's first character; the document still holds both pairs.
      const path = places.pathOfKeyAt(error.pos[0]);
      const key = path ? String(path[path.length - 1]) : (/^[^:\n]*/.exec(source.slice(error.pos[0]))?.[0] ?? '').trim();
      onDuplicateKey(key, path ? path.slice(0, -1) : [], place);
    } else {
      readable = false;
      sink.error(RULES.yamlSyntax, `YAML cannot be read: ${firstLine(error.message)}`, { place });
    }
  }
  for (const warning of doc.warnings) {
    sink.warn(RULES.yamlSyntax, `YAML: ${firstLine(warning.message)}`, { place: placeOfOffset(warning.pos[0]) });
  }

  let data: unknown;
  if (readable) {
    try {
      data = normalizeDates(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (error) {
      // toJS throws on alias bombs (ReferenceError) and on alias loops.
      const reason =
        error instanceof RangeError
          ? 'an alias refers to the node that contains it'
          : `${error instanceof Error ? error.message : String(error)} (use fewer aliases)`;
      sink.error(RULES.yamlSyntax, `YAML cannot be read: ${reason}`, {
        place: { line: 1, column: 1 },
      });
    }
  }
  return { doc, data, places, placeOfOffset };
}

/** The yaml package may append " at line 3, column 1:" and a code frame; we print our own place. */
function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * A `%YAML 1.1` directive brings back timestamps as Date objects; editors mean the
 * calendar date they wrote, so turn them back into YYYY-MM-DD strings.
 */
function normalizeDates(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(normalizeDates);
  if (value && typeof value === 'object' && !(value instanceof Map) && !(value instanceof Set)) {
    const out: Record<string, unknown> = {};
    // defineProperty, not assignment: a `__proto__:` key must stay a key (and get reported), not become the prototype.
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: normalizeDates(item), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

type PathStep = string | number;

interface Step {
  key?: YamlNode;
  value?: YamlNode;
}

/** Finds nodes by path in a parsed document, following aliases. */
export class YamlPlaces {
  private readonly doc: Document.Parsed;
  private readonly toPlace: (offset: number) => Place;

  constructor(doc: Document.Parsed, toPlace: (offset: number) => Place) {
    this.doc = doc;
    this.toPlace = toPlace;
  }

  /** The steps that exist along `path`, from the root; shorter than path+1 when it is missing. */
  private walk(path: readonly PathStep[]): Step[] {
    const steps: Step[] = [{ value: (this.doc.contents ?? undefined) as YamlNode | undefined }];
    for (const segment of path) {
      let node = steps[steps.length - 1].value;
      if (node && isAlias(node)) node = (node.resolve(this.doc) ?? undefined) as YamlNode | undefined;
      let next: Step | undefined;
      if (node && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (pair) next = { key: pair.key as YamlNode, value: (pair.value ?? undefined) as YamlNode | undefined };
      } else if (node && isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item !== undefined) next = { value: item as YamlNode };
      }
      if (!next) break;
      steps.push(next);
    }
    return steps;
  }

  private start(node: YamlNode | undefined): Place | undefined {
    return node?.range ? this.toPlace(node.range[0]) : undefined;
  }

  /** The key of the field at `path` (`    quote:` → its column), or the item for a list index. */
  field(path: readonly PathStep[]): Place | undefined {
    const steps = this.walk(path);
    if (steps.length !== path.length + 1) return undefined;
    const last = steps[steps.length - 1];
    return this.start(last.key) ?? this.start(last.value);
  }

  /** The value node at `path`, for pointing inside a long value. */
  valueNode(path: readonly PathStep[]): YamlNode | undefined {
    const steps = this.walk(path);
    return steps.length === path.length + 1 ? steps[steps.length - 1].value : undefined;
  }

  /** The place of `path`, or of its nearest existing parent (where a missing field belongs). */
  near(path: readonly PathStep[]): Place {
    const steps = this.walk(path);
    for (let index = steps.length - 1; index >= 1; index--) {
      const place = this.start(steps[index].key) ?? this.start(steps[index].value);
      if (place) return place;
    }
    return this.start(steps[0].value) ?? { line: 1, column: 1 };
  }

  /** The path of the map key that starts at `offset` (used for duplicate keys). */
  pathOfKeyAt(offset: number): PathStep[] | undefined {
    const search = (node: unknown, path: PathStep[]): PathStep[] | undefined => {
      if (isMap(node)) {
        for (const pair of node.items) {
          if (!isPair(pair)) continue;
          const key = pair.key as YamlNode | null;
          const name = isScalar(key) ? String(key.value) : '';
          if (key?.range && key.range[0] === offset) return [...path, name];
          const found = search(pair.value, [...path, name]);
          if (found) return found;
        }
      } else if (isSeq(node)) {
        for (let index = 0; index < node.items.length; index++) {
          const found = search(node.items[index], [...path, index]);
          if (found) return found;
        }
      }
      return undefined;
    };
    return search(this.doc.contents, []);
  }
}

/** Names a YAML value's type for messages: "a number", "a list", "nothing". */
export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${showValue(value, 40)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the value ${value}`;
  return `a ${typeof value}`;
}
