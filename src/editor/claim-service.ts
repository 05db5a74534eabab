/**
 * What the dev server's editor endpoints do (src/integrations/editor-tools.ts), kept apart from
 * Astro and Vite so it is tested on its own: turn a selection on an article page into a claim
 * skeleton, and add a claim to the article's annotations.yaml, validated by the build's own
 * renderArticle before anything is written.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ContentError, formatMessage } from '../pipeline/messages.ts';
import { parseAnnotations } from '../pipeline/parse-annotations.ts';
import { renderArticle } from '../pipeline/render-article.ts';
import { anchorBlocks } from './article-blocks.ts';
import type { ContentMessage } from '../pipeline/types.ts';
import { addClaims, claimYaml, YamlError, type NewClaim } from './claim-yaml.ts';
import { locateInBlock, minimalSelector, suggestId } from './selector.ts';

/** A selection in the browser: the block it lies in, the block's text before it, and its text. */
export interface PageSelection {
  slug: string;
  blockId: string;
  before: string;
  selected: string;
}

export interface Skeleton {
  claim: NewClaim;
  yaml: string;
  /** Ids of the sources defined in annotations.yaml, to cite in the note. */
  sourceIds: string[];
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; messages: string[] };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Folder {
  slug: string;
  articleFile: string;
  articleSource: string;
  annotationsFile: string;
  annotationsSource: string;
}

function readFolder(root: string, slug: string): Folder {
  if (!SLUG.test(slug)) throw new Error(`not an article: ${JSON.stringify(slug)}`);
  const articleFile = relative(process.cwd(), join(root, slug, 'article.md'));
  const annotationsFile = relative(process.cwd(), join(root, slug, 'annotations.yaml'));
  return {
    slug,
    articleFile,
    articleSource: readFileSync(articleFile, 'utf8'),
    annotationsFile,
    annotationsSource: readFileSync(annotationsFile, 'utf8'),
  };
}

/** The build's messages for this folder with `annotationsSource` in place, or none. */
export function buildMessages(folder: Folder, annotationsSource: string): ContentMessage[] {
  try {
    renderArticle({ ...folder, annotationsSource });
    return [];
  } catch (error) {
    if (error instanceof ContentError) return error.messages.filter((m) => m.severity === 'error');
    throw error;
  }
}

export function claimSkeleton(root: string, selection: PageSelection): Outcome<Skeleton> {
  const folder = readFolder(root, selection.slug);
  const blocks = anchorBlocks(folder.articleSource, folder.articleFile);
  const texts = blocks.map((block) => block.text);
  const index = blocks.findIndex((block) => block.id === selection.blockId);
  const passage = index === -1 ? undefined : locateInBlock(texts, index, selection.before, selection.selected);
  if (!passage) {
    return { ok: false, messages: ['Select words of the article’s text within one paragraph, heading, list item or table cell (not a marker, note or number).'] };
  }
  const found = minimalSelector(texts, passage);
  if (!found.ok) {
    return { ok: false, messages: [`This passage occurs ${found.count} times in blocks that read the same, so no prefix or suffix from its block can pick this one; select a longer passage.`] };
  }
  const annotations = parseAnnotations(folder.annotationsSource, folder.annotationsFile);
  const id = suggestId(found.selector.quote, annotations.claims.map((claim) => claim.id));
  const { quote, prefix, suffix } = found.selector;
  const claim: NewClaim = { id, quote, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}), kind: '', summary: '', note: '' };

  // A partial overlap is refused now, with the build's own message, rather than on saving.
  try {
    const trial = addClaims(folder.annotationsSource, [{ ...claim, kind: 'opinion', summary: 'Trial.', note: 'Trial.' }]);
    const overlaps = buildMessages(folder, trial).filter((m) => m.ruleId === 'claims-overlap' && (m.subject === id || m.reason.includes(`"${id}"`)));
    if (overlaps.length > 0) return { ok: false, messages: overlaps.map(formatMessage) };
  } catch (error) {
    if (!(error instanceof YamlError)) throw error; // a broken file: the error overlay says so; copying still works
  }
  return { ok: true, claim, yaml: claimYaml(claim), sourceIds: annotations.sources.map((source) => source.id) };
}

/**
 * Adds the claim to the article's annotations.yaml when the build accepts the result; writes
 * through a temporary file and a rename, so the watcher never reads half a file.
 */
export function addClaim(root: string, slug: string, claim: NewClaim): Outcome<{ file: string }> {
  const folder = readFolder(root, slug);
  let updated: string;
  try {
    updated = addClaims(folder.annotationsSource, [claim]);
  } catch (error) {
    if (error instanceof YamlError) return { ok: false, messages: [`${folder.annotationsFile}: ${error.message}`] };
    throw error;
  }
  const problems = buildMessages(folder, updated);
  if (problems.length > 0) return { ok: false, messages: problems.map(formatMessage) };
  const temporary = join(root, slug, `.annotations.yaml.${process.pid}.tmp`);
  writeFileSync(temporary, updated);
  renameSync(temporary, folder.annotationsFile);
  return { ok: true, file: folder.annotationsFile };
}
