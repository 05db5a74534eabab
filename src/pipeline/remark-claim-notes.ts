/**
 * remark plugin: every note of the article, in the same run as its text — each anchored claim's
 * note in text order, then the article's assessment and context — with one citation numbering
 * for the whole page (back-ref ids `cite-<claim number>-<n>`: internal to the page, and short,
 * since the source list links to each of them; see docs/performance.md). Leaves the notes and
 * what rehype-claim-markup needs in `file.data.article`, and reports what rendering a note finds:
 * a citation of an unknown source (a safety net: parseAnnotations reports these from the raw
 * text), a note refused for asking too much work (markdown-limits.ts), a link shown as plain text,
 * and anything written in a note that is not shown.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { ArticleData } from './article-data.ts';
import type {} from './remark-anchor-claims.ts';
import { latestChange } from './history-text.ts';
import { limitMessages } from './limit-messages.ts';
import { renderNote } from './render-note.ts';
import type { RenderedNote } from './render-note.ts';
import type { Place } from './types.ts';
import { curlyQuotes } from './typography.ts';

const SOURCE = 'remark-claim-notes';

export default function remarkClaimNotes() {
  return (_tree: Root, file: VFile): void => {
    const data = file.data.article!;
    const anchors = file.data.claimAnchors ?? [];
    const claimsById = new Map(data.annotations.claims.map((claim) => [claim.id, claim]));
    // Unknown citations are reported from the raw text unless something else already failed
    // (a source that did not validate, say), which would make them noise.
    const failedBefore = data.inputFailed || file.messages.some((message) => message.fatal);

    for (const [index, anchor] of anchors.entries()) {
      const claim = claimsById.get(anchor.id)!;
      const note = renderNote(claim.note, { claimId: claim.id, cite: data.citations.citer(`cite-${index + 1}`, claim.id) });
      data.notes.set(claim.id, note);
      data.markupClaims.push({
        id: claim.id, number: index + 1, kind: claim.kind, rating: claim.rating, summary: curlyQuotes(claim.summary), passage: anchor.passage, note: note.hast,
        update: latestChange(claim.history), reply: claim.reply,
      });
    }
    const { assessment, context } = data.annotations.article;
    if (assessment) data.assessment = renderNote(assessment, { cite: data.citations.citer('ref-assessment') });
    if (context) data.context = renderNote(context, { cite: data.citations.citer('ref-context') });

    const { positions } = data.annotations;
    const reported: [string, Place | undefined, RenderedNote | undefined, 'claim' | 'field'][] = [
      ...[...data.notes].map(([id, note]): [string, Place | undefined, RenderedNote, 'claim'] => [id, positions.claim(id, 'note'), note, 'claim']),
      ['article.assessment', positions.article('assessment'), data.assessment, 'field'],
      ['article.context', positions.article('context'), data.context, 'field'],
    ];
    for (const [subject, place, note, subjectKind] of reported) {
      if (!note) continue;
      const say = (reason: string, ruleId: string, fatal: boolean) => {
        const message = file.message(reason, { place, ruleId, source: SOURCE });
        Object.assign(message, { file: data.annotationsFile, fatal, subject, subjectKind });
      };
      for (const id of failedBefore ? [] : note.unknownSourceIds) say(`cites [^${id}], but no source "${id}" is defined under sources`, 'source-undefined', true);
      for (const refused of limitMessages(note.refused, { file: data.annotationsFile, subject, subjectKind })) say(refused.reason, refused.ruleId, true);
      for (const url of note.unlinked) say(`link to \`${url}\` is not an absolute http(s) or mailto address; shown as plain text`, 'url-scheme', false);
      for (const what of note.dropped) say(`${what} is not shown`, 'raw-html', false);
    }
  };
}

export type { ArticleData };
