/**
 * Corrections as readers read them: "rating changed from Mostly accurate to Missing context",
 * "Updated 1 December 2026: … — why". One wording for notes, claim pages, the article's list of
 * corrections and the feed.
 */
import { formatDate } from './display-date.ts';
import { KIND_LABEL, RATING_LABEL } from '../model/labels.ts';
import type { ClaimKind, HistoryEntry, Rating } from './types.ts';

/** What changed, as a noun phrase. */
const WHAT: Record<HistoryEntry['changed'], string> = {
  rating: 'rating',
  kind: 'kind',
  summary: 'summary',
  note: 'note',
  sources: 'sources',
  quote: 'quoted passage',
  added: 'claim',
  removed: 'claim',
  assessment: 'assessment',
  context: 'context',
};

/** A rating or kind id shown by its label; other values as written, in quotation marks. */
function shown(entry: HistoryEntry, value: string): string {
  if (entry.changed === 'rating' && value in RATING_LABEL) return RATING_LABEL[value as Rating];
  if (entry.changed === 'kind' && value in KIND_LABEL) return KIND_LABEL[value as ClaimKind];
  return `“${value}”`;
}

/**
 * "rating changed from Mostly accurate to Missing context", "note revised", "claim added",
 * "sources changed to “…”": the change itself, without its date or reason.
 */
export function describeChange(entry: HistoryEntry): string {
  if (entry.changed === 'added') return 'claim added';
  if (entry.changed === 'removed') return 'claim removed';
  const what = WHAT[entry.changed];
  const from = entry.from === undefined ? '' : ` from ${shown(entry, entry.from)}`;
  const to = entry.to === undefined ? '' : ` to ${shown(entry, entry.to)}`;
  const verb = entry.changed === 'note' || entry.changed === 'assessment' || entry.changed === 'context' ? 'revised' : 'changed';
  return `${what} ${verb}${from}${to}`;
}

/** The latest entry of a history (the last written: entries are oldest first). */
export function latestChange(history: readonly HistoryEntry[] | undefined): HistoryEntry | undefined {
  return history?.at(-1);
}

/** "Updated 1 December 2026: rating changed from … to … — why", as one line of plain text. */
export function updateLine(entry: HistoryEntry): string {
  return `Updated ${formatDate(entry.date)}: ${describeChange(entry)} — ${entry.why}`;
}

/** The date a claim was last changed or checked: the later of its latest correction and its check. */
export function lastModified(history: readonly HistoryEntry[] | undefined, checked: string | undefined): string | undefined {
  const changed = latestChange(history)?.date;
  if (changed === undefined) return checked;
  if (checked === undefined) return changed;
  return changed > checked ? changed : checked;
}
