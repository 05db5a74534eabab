/**
 * What a reader is told about one source, worked out once for every place that shows it
 * (the source list, claim pages, print, a source preview): its type in words, the date it was
 * read, the state of its link, and which address leads — the archived copy when the live link is
 * dead, the live one otherwise. Components only lay this out.
 */
import type { SourceEntry } from '../pipeline/types.ts';
import { SOURCE_TYPE_LABEL } from '../model/labels.ts';
import { cleanUrl } from '../pipeline/clean-url.ts';
import { formatDate, hostOf } from '../lib/display.ts';
import type { SourceStatus } from '../lib/source-status.ts';

/** Excerpts longer than this are folded away behind their first words. */
export const EXCERPT_FOLD = 280;

export interface SourceLink {
  href: string;
  text: string;
}

export interface SourceView {
  /** "News report", … or undefined for an untyped source. */
  typeLabel?: string;
  title: string;
  /** Where the title links: the archived copy if the live link is dead, else the live url. */
  titleHref?: string;
  /** "Publisher, 5 August 2020" */
  byline: string;
  /** "nytimes.com": the live address's host. */
  host?: string;
  /** "Copy of: The New York Times, 5 August 2020" */
  original?: string;
  /** "Read 30 November 2026" */
  accessed?: string;
  /** A sentence on the live link's state, e.g. "Link dead when checked on 1 December 2026". */
  linkState?: string;
  dead: boolean;
  /** The archived copy, as a link: leads (as `titleHref`) when dead, else offered beside. */
  archive?: SourceLink & { date: string; found: boolean };
  /** When the archived copy leads, the original (dead) address, still given. */
  originalAddress?: SourceLink;
  excerpt?: { text: string; folded: boolean; lead: string };
  /** The record line as text and links, in reading order: date read, link state, archived copy. */
  record: (string | SourceLink)[];
}

/** "Read 2 July 2024. Link dead when checked on …: [original address]. [Archived copy], 1 July 2024." */
function recordLine(view: Omit<SourceView, 'record'>): (string | SourceLink)[] {
  const sentences: (string | SourceLink)[][] = [];
  if (view.accessed) sentences.push([`${view.accessed}.`]);
  if (view.linkState) sentences.push(view.originalAddress ? [`${view.linkState}: `, view.originalAddress, '.'] : [`${view.linkState}.`]);
  if (view.archive && !view.originalAddress) {
    sentences.push([{ href: view.archive.href, text: view.archive.text }, `, ${view.archive.date}${view.archive.found ? ' (found by the link check)' : ''}.`]);
  } else if (view.archive?.found) sentences.push(['Archived copy found by the link check.']);
  return sentences.flatMap((parts, i) => (i > 0 ? [' ', ...parts] : parts));
}

function wordsLead(text: string, max = 120): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trimEnd()}…`;
}

export function sourceView(source: SourceEntry, status?: SourceStatus): SourceView {
  const url = source.url === undefined ? undefined : cleanUrl(source.url);
  const link = status?.link;
  const dead = link?.state === 'dead';
  const archiveGiven = source.archive;
  const archiveFound = !archiveGiven && dead ? status?.archiveFound : undefined;
  const archiveSource = archiveGiven ?? archiveFound;
  const archive = archiveSource
    ? { href: archiveSource.url, text: 'Archived copy', date: formatDate(archiveSource.date), found: !archiveGiven }
    : undefined;
  const leadsWithArchive = dead && archive !== undefined;

  let linkState: string | undefined;
  if (link) {
    const when = formatDate(link.checked);
    if (link.state === 'dead') linkState = `Link dead when checked on ${when}${archive ? '' : '; no archived copy known'}`;
    else if (link.state === 'redirected') linkState = `Link now leads to ${hostOf(link.redirectedTo ?? url ?? '')} (checked ${when})`;
    else if (link.state === 'unreachable') linkState = `Link could not be reached when checked on ${when}`;
    else linkState = `Link live when checked on ${when}`;
  }

  const excerpt = source.excerpt
    ? { text: source.excerpt, folded: source.excerpt.length > EXCERPT_FOLD, lead: wordsLead(source.excerpt) }
    : undefined;

  const view: Omit<SourceView, 'record'> = {
    ...(source.type && { typeLabel: SOURCE_TYPE_LABEL[source.type] }),
    title: source.title,
    ...((leadsWithArchive ? archive.href : url) && { titleHref: leadsWithArchive ? archive.href : url }),
    byline: source.date ? `${source.publisher}, ${formatDate(source.date)}` : source.publisher,
    ...(url && { host: hostOf(url) }),
    ...(source.original && { original: `Copy of: ${source.original}` }),
    ...(source.accessed && { accessed: `Read ${formatDate(source.accessed)}` }),
    ...(linkState && { linkState }),
    dead,
    ...(archive && { archive }),
    ...(leadsWithArchive && url && { originalAddress: { href: url, text: 'original address' } }),
    ...(excerpt && { excerpt }),
  };
  return { ...view, record: recordLine(view) };
}
