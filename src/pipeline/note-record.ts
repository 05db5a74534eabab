/**
 * The editorial record under a note, kept apart from the note's own text and actions: the
 * latest correction ("Updated 1 December 2026: … — why"), a pointer to a reply from the author
 * if there is one, and a place for the "Report a problem" link.
 *
 * The report link's target is a deployment fact (REPORT_URL or REPORT_EMAIL, read when the
 * pages are built), not content: the note holds an empty `<p class="note-report" data-report="ID">`
 * that the page fills in or removes (src/lib/report.ts), so a cached note never carries a stale
 * address.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import { formatDate } from './display-date.ts';
import { describeChange } from './history-text.ts';
import type { HistoryEntry } from './types.ts';

export interface NoteRecordInput {
  id: string;
  /** The latest correction, if any. */
  update?: HistoryEntry | undefined;
  /** Who replied and when, if anyone did. */
  reply?: { by: string; date: string } | undefined;
}

export function noteRecord({ id, update, reply }: NoteRecordInput): Element[] {
  const record: Element[] = [];
  if (update) {
    record.push(
      h(
        'p',
        { className: ['note-update'] },
        h('strong', 'Updated ', h('time', { dateTime: update.date }, formatDate(update.date)), ':'),
        // A closed margin note shows only the date (src/styles/corrections.css); opened, the whole line.
        h('span', { className: ['note-update-detail'] }, ` ${describeChange(update)} — ${update.why}`),
      ),
    );
  }
  if (reply) {
    record.push(
      h(
        'p',
        { className: ['note-reply'] },
        `${reply.by} replied on `,
        h('time', { dateTime: reply.date }, formatDate(reply.date)),
        ': ',
        h('a', { href: `claims/${id}/#reply` }, 'read the reply'),
        '.',
      ),
    );
  }
  record.push(h('p', { className: ['note-report'], dataReport: id }));
  return record;
}
