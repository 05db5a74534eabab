/**
 * A new article folder from a saved page (`npm run new-article`, docs/editing.md): the article's
 * text as Markdown with its links, the publisher's boilerplate left out (menus, share buttons,
 * donation appeals, related links), and front matter from what the page states.
 *
 * HTML goes through Mozilla's Readability (on linkedom's DOM) and turndown; a page saved or
 * copied as text (Markdown-like, as the seed's raw copy is) is cut at its separator lines
 * (`***`, `---`), keeping the stretch with the most prose.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';
import { Document as YamlDocument } from 'yaml';
import { htmlFacts, linkText, textFacts, type PageFacts } from './page-facts.ts';
import { suggestId } from './selector.ts';

export interface Scaffold {
  slug: string;
  /** article.md: front matter, then the text. */
  article: string;
  /** What the page did not state, for the editor to fill in. */
  missing: string[];
}

/** Short paragraphs that address the reader rather than tell the story. */
const BOILERPLATE =
  /\b(share (this|it|widely|on)|share buttons|repost|subscribe|newsletter|donate|donation|follow us|click here|sign up|read more|related (articles|posts|stories|links)|more from|become a member|comment on|comments|disclaimer|all rights reserved|support (our|us|independent)|translate website|media inquiries|fair use|original source of this article|articles by|note to readers|advertisement|cookies?)\b/i;
const SEPARATOR = /^\s*(?:(?:\\?[*_-]\s*){1,}|(?:[*_-]\s*){3,})\s*$/;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const isBoilerplate = (text: string) => words(text) < 80 && BOILERPLATE.test(linkText(text));

const turndown = new TurndownService({ headingStyle: 'atx', emDelimiter: '*', strongDelimiter: '**', bulletListMarker: '-', codeBlockStyle: 'fenced' });

function fromHtml(html: string): { facts: PageFacts; body: string } {
  const { document } = parseHTML(html);
  const facts = htmlFacts(document);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  if (!article?.content) return { facts, body: '' };
  const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  // Readability keeps a box inside the text (a donation appeal, a share bar, a list of related links).
  for (const element of [...content.querySelectorAll('p, div, aside, section, ul, ol, figure, form')]) {
    if (element.isConnected && isBoilerplate(element.textContent ?? '')) element.remove();
  }
  for (const element of [...content.querySelectorAll('script, style, noscript, button, form, iframe')]) element.remove();
  const byline = facts.author ? facts : { ...facts, ...(article.byline ? { author: article.byline.replace(/^\s*by\s+/i, '').trim() } : {}) };
  const merged: PageFacts = {
    ...byline,
    title: facts.title ?? article.title ?? undefined,
    publications: facts.publications.length || !article.siteName ? facts.publications : [{ publisher: article.siteName }],
  };
  let body = turndown.turndown(content.body.innerHTML).trim();
  body = dropHeadline(body, merged.title);
  return { facts: merged, body };
}

/** A first heading that repeats the title, and a byline paragraph, are front matter, not text. */
function dropHeadline(body: string, title?: string): string {
  const paragraphs = body.split(/\n{2,}/);
  while (paragraphs.length > 0) {
    const first = linkText(paragraphs[0]!).replace(/^#+\s*/, '').trim();
    if ((title && first === title) || /^by\s+\S/i.test(first) || first === '') paragraphs.shift();
    else break;
  }
  return paragraphs.join('\n\n');
}

function fromText(text: string): { facts: PageFacts; body: string } {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const headingAt = paragraphs.findIndex((p) => /^#\s+/.test(p));
  const title = headingAt >= 0 ? paragraphs[headingAt]!.replace(/^#\s+/, '').trim() : paragraphs[0];
  const start = headingAt >= 0 ? headingAt + 1 : 1;
  // Sections between separator lines; the article is the one with the most prose.
  const sections: number[][] = [[]];
  for (let i = start; i < paragraphs.length; i++) {
    if (SEPARATOR.test(paragraphs[i]!)) sections.push([]);
    else sections.at(-1)!.push(i);
  }
  const prose = (section: number[]) =>
    section.reduce((sum, i) => sum + (words(paragraphs[i]!) >= 15 && !isBoilerplate(paragraphs[i]!) ? words(paragraphs[i]!) : 0), 0);
  const best = sections.reduce((a, b) => (prose(b) > prose(a) ? b : a));
  // Short lines before the first prose paragraph are the page's header (byline, dates, tags).
  let first = 0;
  while (first < best.length && words(paragraphs[best[first]!]!) < 15) first++;
  const kept = best.slice(first).filter((i) => !isBoilerplate(paragraphs[i]!));
  const header = paragraphs.slice(start, best[first] ?? best[0] ?? start);
  const footer = paragraphs.slice((best.at(-1) ?? start) + 1);
  const facts = textFacts(header.flatMap((p) => p.split('\n')), footer.flatMap((p) => p.split('\n')), title);
  return { facts, body: kept.map((i) => paragraphs[i]!.replace(/\n(?!\n)/g, ' ')).join('\n\n') };
}

function looksLikeHtml(source: string, fileName: string): boolean {
  return /\.x?html?$/i.test(fileName) || /^\s*(<!doctype html|<html)/i.test(source);
}

export function scaffold(source: string, fileName: string, slug?: string): Scaffold {
  const { facts, body } = looksLikeHtml(source, fileName) ? fromHtml(source) : fromText(source);
  const publications = facts.publications.filter((p) => p.publisher);
  const dated = publications.filter((p) => p.date).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  const firstPublication = dated[0] ?? publications[0];
  const later = dated.filter((p) => p !== firstPublication);
  const missing: string[] = [];
  const fields: Record<string, unknown> = {};
  if (facts.title) fields.title = facts.title;
  else missing.push('title');
  if (facts.author) fields.author = { name: facts.author, ...(facts.bio ? { bio: facts.bio } : {}) };
  else missing.push('author.name');
  if (firstPublication?.date) fields.published = firstPublication.date;
  else missing.push('published');
  if (firstPublication?.publisher) fields.publisher = firstPublication.publisher;
  else missing.push('publisher');
  if (later.length) {
    fields.republished = later.map((p) => ({ publisher: p.publisher, date: p.date, ...(p.url ? { url: p.url } : {}) }));
  }
  if (facts.copyright) fields.copyright = facts.copyright;
  if (facts.regions?.length) fields.regions = facts.regions;
  if (facts.themes?.length) fields.themes = facts.themes;
  if (!facts.url) missing.push('URL');
  if (body.trim() === '') missing.push('the article’s text');

  const yaml = new YamlDocument(fields);
  for (const key of ['regions', 'themes']) {
    const node = yaml.get(key, true) as { flow?: boolean } | undefined;
    if (node) node.flow = true;
  }
  const lines = [yaml.toString({ lineWidth: 0, flowCollectionPadding: false }).trimEnd()];
  if (facts.url) lines.push(`# Saved from ${facts.url} (the format has no field for the page's own address)`);
  for (const field of missing.filter((m) => m !== 'URL' && m !== 'the article’s text')) lines.push(`# ${field}: not found on the page; add it (docs/content-format.md)`);
  const frontMatter = lines.filter((line) => line !== '{}').join('\n');
  return {
    slug: slug ?? suggestId(facts.title ?? 'new-article', []),
    article: `---\n${frontMatter}\n---\n\n${body.trim()}\n`,
    missing,
  };
}

/** Writes the folder; refuses one that exists, whatever is in it. */
export function writeArticleFolder(articlesRoot: string, result: Scaffold): string {
  const folder = join(articlesRoot, result.slug);
  mkdirSync(articlesRoot, { recursive: true });
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${folder} already exists; nothing written (choose another --slug)`);
    throw error;
  }
  writeFileSync(join(folder, 'article.md'), result.article);
  writeFileSync(join(folder, 'annotations.yaml'), '# Sources and claims for this article: see docs/content-format.md.\n');
  return folder;
}
