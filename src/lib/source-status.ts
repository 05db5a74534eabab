/**
 * The link-health status file: written by `npm run check:sources` (scripts/check-sources.ts),
 * read by the build so a source can say "link dead, archived copy". It lives beside the
 * articles, at `<content>/source-status.json`, and is committed like content; with no file,
 * pages show no link status. See docs/sources.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** live: answers 2xx; redirected: answers 2xx at another address; dead: 404 or 410; unreachable: anything else. */
export const LINK_STATES = ['live', 'redirected', 'dead', 'unreachable'] as const;
export type LinkState = (typeof LINK_STATES)[number];

export interface LinkCheck {
  /** The address checked (a source's clean url, or its archived copy's url). */
  url: string;
  state: LinkState;
  /** YYYY-MM-DD */
  checked: string;
  /** The last HTTP status seen, if any answer came. */
  code?: number;
  /** For `redirected`: where the address leads now. */
  redirectedTo?: string;
  /** For `unreachable`: what went wrong, e.g. "timed out after 10 s". */
  error?: string;
}

export interface SourceStatus {
  link?: LinkCheck;
  /** The archived copy given in annotations.yaml, checked too. */
  archive?: LinkCheck;
  /** An archived copy the Internet Archive's availability API gave for a dead link. */
  archiveFound?: { url: string; date: string };
}

export interface StatusFile {
  version: 1;
  /** YYYY-MM-DD of the run. */
  checked: string;
  /** By `<article slug>/<source id>`. */
  sources: Record<string, SourceStatus>;
}

export const STATUS_FILE_NAME = 'source-status.json';

export function statusFilePath(contentDir = process.env.CONTENT_DIR ?? 'content'): string {
  return join(contentDir, STATUS_FILE_NAME);
}

export const statusKey = (slug: string, sourceId: string) => `${slug}/${sourceId}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isLinkCheck(value: unknown): value is LinkCheck {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.url === 'string' && (LINK_STATES as readonly string[]).includes(v.state as string) && typeof v.checked === 'string' && DATE.test(v.checked);
}

/** Reads and checks a status file; a broken one stops the build with its path and the entry at fault. */
export function parseStatusFile(text: string, path: string): StatusFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}); run npm run check:sources again`);
  }
  const file = data as Partial<StatusFile>;
  if (typeof data !== 'object' || data === null || file.version !== 1 || typeof file.sources !== 'object' || file.sources === null) {
    throw new Error(`${path}: not a link status file (version 1 with "sources"); run npm run check:sources again`);
  }
  for (const [key, status] of Object.entries(file.sources)) {
    const s = status as SourceStatus;
    for (const field of ['link', 'archive'] as const) {
      if (s[field] !== undefined && !isLinkCheck(s[field])) throw new Error(`${path}: source "${key}": "${field}" needs url, state (${LINK_STATES.join(', ')}) and checked (YYYY-MM-DD)`);
    }
    const found = s.archiveFound;
    if (found !== undefined && (typeof found.url !== 'string' || !/^https?:\/\//.test(found.url) || !DATE.test(String(found.date)))) {
      throw new Error(`${path}: source "${key}": "archiveFound" needs an http(s) url and a date (YYYY-MM-DD)`);
    }
  }
  return file as StatusFile;
}

let cached: { path: string; file: StatusFile | undefined } | undefined;

/** The status file of the content being built, or undefined when there is none (read once per build). */
export function loadStatusFile(path = statusFilePath()): StatusFile | undefined {
  if (cached?.path === path) return cached.file;
  const file = existsSync(path) ? parseStatusFile(readFileSync(path, 'utf8'), path) : undefined;
  cached = { path, file };
  return file;
}

/**
 * What the status file says about one source, keeping only checks of the addresses the source
 * has now: after an editor changes a url, the old result no longer applies.
 */
export function statusOf(
  file: StatusFile | undefined,
  slug: string,
  source: { id: string; url?: string; archive?: { url: string } },
): SourceStatus | undefined {
  const status = file?.sources[statusKey(slug, source.id)];
  if (!status) return undefined;
  const result: SourceStatus = {};
  if (status.link && status.link.url === source.url) result.link = status.link;
  if (status.archive && status.archive.url === source.archive?.url) result.archive = status.archive;
  if (status.archiveFound && result.link?.state === 'dead') result.archiveFound = status.archiveFound;
  return result;
}
