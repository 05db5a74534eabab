/**
 * The content's current problems in `astro dev`, for whatever shows them to the editor.
 *
 * In a build a content error stops the build. In the dev server it must not: the server has to
 * start, and keep running, while an article is broken, so the editor can fix it from the
 * browser. The loader then keeps broken articles out of the store (no stale page) and records
 * the problems here after every load: one entry per article folder, each line
 * `file:line:column: severity: … [rule]` as `npm run check` prints it.
 *
 * Kept on globalThis (under a registered symbol) because Astro may load this module twice in
 * one process: once for the content config and once for the pages.
 */
export interface ContentProblems {
  /** Every problem line, in folder order; empty when the content is clean. */
  lines: string[];
  /** The same lines by article folder (slug); a slug with no problems is absent. */
  bySlug: Record<string, string[]>;
  /** When the latest load finished (ms since the epoch); 0 before the first. */
  checkedAt: number;
}

const KEY = Symbol.for('critical-edition.content-problems');
const holder = globalThis as typeof globalThis & { [KEY]?: ContentProblems };

export function contentProblems(): ContentProblems {
  return holder[KEY] ?? { lines: [], bySlug: {}, checkedAt: 0 };
}

export function recordContentProblems(bySlug: Record<string, string[]>): ContentProblems {
  const recorded = { lines: Object.values(bySlug).flat(), bySlug, checkedAt: Date.now() };
  holder[KEY] = recorded;
  return recorded;
}
